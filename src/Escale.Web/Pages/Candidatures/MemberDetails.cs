using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// What each person of a team gives about themselves — date of birth, commune, school or occupation — and, for a minor,
/// their guardian's name and address. The lead gives it when starting (and on the team page), a member when confirming.
/// </summary>
public sealed class MemberDetails
{
    [Display(Name = "Date de naissance")]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "Commune où vous habitez")]
    public int? CommuneId { get; set; }

    [Display(Name = "Établissement, études ou activité (facultatif)")]
    [StringLength(300, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
    public string? School { get; set; }

    [Display(Name = "Nom du représentant légal")]
    [StringLength(200, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
    public string? GuardianName { get; set; }

    [Display(Name = "Adresse électronique du représentant légal")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
    [StringLength(320, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
    public string? GuardianEmail { get; set; }

    /// <summary>Whether the date of birth is asked of everyone (youth calls) or only of minors.</summary>
    public bool DateOfBirthRequired { get; set; }

    public IReadOnlyList<(int Id, string Name)> Communes { get; set; } = [];

    public static MemberDetails From(ApplicationMember member) => new()
    {
        DateOfBirth = member.DateOfBirth,
        CommuneId = member.CommuneId,
        School = member.School,
        GuardianName = member.GuardianConsents.FirstOrDefault(g => g.WithdrawnAt is null)?.GuardianName,
        GuardianEmail = member.GuardianConsents.FirstOrDefault(g => g.WithdrawnAt is null)?.GuardianEmail,
    };

    public async Task LoadAsync(EscaleDbContext db, CallForProjects call, CancellationToken cancellationToken)
    {
        DateOfBirthRequired = call.Audience == CallAudience.Youth;
        Communes = (await db.Communes.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name)).ToList();
    }

    /// <summary>
    /// French errors beside the fields under <paramref name="prefix"/>: a date of birth in the future or outside the call's
    /// bounds at its deadline, a commune that does not exist, a minor without a guardian, a guardian's address that is the
    /// minor's own or a team member's.
    /// </summary>
    public async Task ValidateAsync(ModelStateDictionary modelState, string prefix, CallForProjects call, DateOnly today,
        IEnumerable<string> teamEmails, EscaleDbContext db, CancellationToken cancellationToken)
    {
        if (DateOfBirth is { } birth)
        {
            var (min, max) = ApplicationSubmission.AgeBounds(call);
            if (MinorRules.DateOfBirthRefusal(birth, today, ApplicationSubmission.ParisDay(call.ClosesAt), min, max) is { } refusal)
            {
                modelState.AddModelError($"{prefix}.{nameof(DateOfBirth)}", refusal);
            }
        }
        else if (call.Audience == CallAudience.Youth)
        {
            modelState.AddModelError($"{prefix}.{nameof(DateOfBirth)}", "Indiquez votre date de naissance : cet appel est réservé aux jeunes.");
        }
        if (CommuneId is { } communeId && !await db.Communes.AnyAsync(c => c.Id == communeId, cancellationToken))
        {
            modelState.AddModelError($"{prefix}.{nameof(CommuneId)}", "Choisissez une commune de la liste.");
        }
        if (!ApplicationSubmission.IsMinor(DateOfBirth, today))
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(GuardianName))
        {
            modelState.AddModelError($"{prefix}.{nameof(GuardianName)}", "Une personne mineure indique le nom de son représentant légal.");
        }
        if (string.IsNullOrWhiteSpace(GuardianEmail))
        {
            modelState.AddModelError($"{prefix}.{nameof(GuardianEmail)}", "Une personne mineure indique l’adresse électronique de son représentant légal.");
        }
        else if (MinorRules.GuardianEmailRefusal(GuardianEmail, teamEmails) is { } refusal)
        {
            modelState.AddModelError($"{prefix}.{nameof(GuardianEmail)}", refusal);
        }
    }

    /// <summary>Writes the details on the member, and their guardian for a minor (the guardian's link leaves at submission).</summary>
    public void ApplyTo(ApplicationMember member, DateOnly today, DateTimeOffset now)
    {
        member.DateOfBirth = DateOfBirth;
        member.CommuneId = CommuneId;
        member.School = string.IsNullOrWhiteSpace(School) ? null : School.Trim();
        var guardian = member.GuardianConsents.FirstOrDefault(g => g.WithdrawnAt is null);
        if (!ApplicationSubmission.IsMinor(DateOfBirth, today))
        {
            if (guardian is not null && guardian.ConsentedAt is null)
            {
                member.GuardianConsents.Remove(guardian);
            }
            return;
        }
        var name = GuardianName!.Trim();
        var email = GuardianEmail!.Trim();
        if (guardian is not null && (guardian.ConsentedAt is not null
            || (string.Equals(guardian.GuardianEmail, email, StringComparison.OrdinalIgnoreCase) && guardian.GuardianName == name)))
        {
            return; // a guardian who already agreed stays who they are
        }
        if (guardian is not null)
        {
            member.GuardianConsents.Remove(guardian);
        }
        var kind = MinorRules.GuardianRequirement(MinorRules.AgeOn(DateOfBirth!.Value, today), false) ?? GuardianConsentKind.Information;
        member.GuardianConsents.Add(new GuardianConsent
        {
            Kind = kind,
            GuardianName = name,
            GuardianEmail = email,
            // Not sent yet: the link leaves, with its validity, when the lead submits.
            SentAt = now,
            ExpiresAt = now,
        });
    }
}
