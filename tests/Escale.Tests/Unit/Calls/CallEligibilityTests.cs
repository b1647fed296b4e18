using Escale.Core.Calls;

namespace Escale.Tests.Unit.Calls;

public sealed class CallEligibilityTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DateOnly Deadline = new(2027, 1, 15);

    private static CallForProjects Call(CallAudience audience = CallAudience.Youth, int min = 1, int max = 3) => new()
    {
        Slug = "appel", Title = "Appel", Summary = "…", Audience = audience, MinAge = 11, MaxAge = 25, MinTeamSize = min, MaxTeamSize = max,
    };

    private static readonly CallField Required = new() { Id = 7, Label = "Votre projet", Required = true, Type = CallFieldType.LongText };

    [Fact]
    public void AConfirmedTeamOfTheRightAgeWithEveryAnswer_HasNoProblem() =>
        Assert.Empty(CallEligibility.Problems(Call(), [new("Lou", true, new DateOnly(2010, 1, 1), null)], [7], [Required], [], Today, Deadline));

    [Fact]
    public void Problems_NameTheUnconfirmedMember_TheMissingAnswer_TheTeamSize_AndTheAge()
    {
        var problems = CallEligibility.Problems(Call(min: 3, max: 3),
            [new("Lou", true, new DateOnly(1990, 1, 1), null), new("Camille", false, null, null)], [], [Required], [], Today, Deadline);

        Assert.Contains(problems, p => p.Contains("au moins 3 personnes", StringComparison.Ordinal));
        Assert.Contains("Camille n’a pas encore confirmé sa participation.", problems);
        Assert.Contains("La question « Votre projet » est obligatoire.", problems);
        Assert.Contains(problems, p => p.StartsWith("Lou : ", StringComparison.Ordinal) && p.Contains("25 ans au plus", StringComparison.Ordinal));
    }

    [Fact]
    public void AYouthCall_AsksEveryConfirmedMembersDateOfBirth_AResidentsCallTheirIntercommunality()
    {
        var youth = CallEligibility.Problems(Call(), [new("Lou", true, null, null)], [7], [Required], [], Today, Deadline);
        var residents = CallEligibility.Problems(Call(CallAudience.Residents), [new("Lou", true, null, 4), new("Sam", true, null, 9)], [7], [Required], [9], Today, Deadline);

        Assert.Equal(["La date de naissance de Lou manque."], youth);
        Assert.Equal(["Lou doit habiter l’une des intercommunalités de l’appel."], residents);
    }
}
