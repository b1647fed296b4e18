using Escale.Core.Calls;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// Whether a laureate's photo may be shown publicly (laureates' page, project page): the team consented to it, and
/// every member who was a minor when the application was sent has a guardian who allowed the photo, consent not
/// withdrawn. A member whose date of birth is unknown counts as a minor: no minor's image is ever public by default.
/// </summary>
public static class PublicPhoto
{
    public sealed record Guardian(bool PhotoAllowed, DateTimeOffset? ConsentedAt, DateTimeOffset? WithdrawnAt);

    public sealed record Member(DateOnly? DateOfBirth, IReadOnlyList<Guardian> Guardians);

    public static bool Allowed(int? photoImageId, DateTimeOffset? photoConsentAt, DateOnly sentOn, IEnumerable<Member> members) =>
        photoImageId is not null
        && photoConsentAt is not null
        && members.All(member => !IsMinor(member, sentOn)
            || member.Guardians.Any(g => g.PhotoAllowed && g.ConsentedAt is not null && g.WithdrawnAt is null));

    private static bool IsMinor(Member member, DateOnly sentOn) =>
        member.DateOfBirth is not { } born || MinorRules.AgeOn(born, sentOn) < MinorRules.Majority;
}
