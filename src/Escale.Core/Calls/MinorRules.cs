namespace Escale.Core.Calls;

/// <summary>
/// Ages and what a minor's guardian must do. Under 15, the minor and a holder of parental authority consent together
/// (loi n° 78-17 Informatique et Libertés, art. 45: https://www.legifrance.gouv.fr/loda/article_lc/LEGIARTI000037823100);
/// from 15 to 17 the guardian is informed, or authorises when the call asks it for every minor.
/// </summary>
public static class MinorRules
{
    public const int DigitalMajority = 15;
    public const int Majority = 18;

    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth > day.AddYears(-age) ? age - 1 : age;
    }

    /// <summary>What the guardian of a person of this age must do, or null for an adult.</summary>
    public static GuardianConsentKind? GuardianRequirement(int age, bool callRequiresAuthorisation) => age switch
    {
        < DigitalMajority => GuardianConsentKind.Consent,
        < Majority => callRequiresAuthorisation ? GuardianConsentKind.Authorisation : GuardianConsentKind.Information,
        _ => null,
    };

    /// <summary>Whether the application waits for this guardian before it is submitted.</summary>
    public static bool Blocks(GuardianConsentKind kind) => kind != GuardianConsentKind.Information;

    /// <summary>The refusal of a date of birth, in French, or null: not in the future, within the call's bounds at its deadline.</summary>
    public static string? DateOfBirthRefusal(DateOnly dateOfBirth, DateOnly today, DateOnly deadline, int? minAge, int? maxAge)
    {
        if (dateOfBirth > today)
        {
            return "La date de naissance ne peut pas être dans le futur.";
        }
        if (dateOfBirth < today.AddYears(-120))
        {
            return "Cette date de naissance n’est pas plausible.";
        }
        var age = AgeOn(dateOfBirth, deadline);
        if (minAge is { } min && age < min)
        {
            return $"Cet appel est réservé aux personnes d’au moins {min} ans à la date limite ; cette personne aura {age} ans.";
        }
        if (maxAge is { } max && age > max)
        {
            return $"Cet appel est réservé aux personnes de {max} ans au plus à la date limite ; cette personne aura {age} ans.";
        }
        return null;
    }

    /// <summary>A guardian's address may not be the minor's own (nor any of the team's accounts).</summary>
    public static string? GuardianEmailRefusal(string guardianEmail, IEnumerable<string> teamEmails) =>
        teamEmails.Any(e => string.Equals(e.Trim(), guardianEmail.Trim(), StringComparison.OrdinalIgnoreCase))
            ? "L’adresse du représentant légal doit être la sienne, pas celle du mineur ni d’un membre de l’équipe."
            : null;
}
