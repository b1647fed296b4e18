using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Escale.Web.Infrastructure.Security;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// The steps of an application that more than one page takes: who sees it, what stops its submission, the submission
/// itself (the guardians' links and information e-mails, then submitted or awaiting a guardian), and the guardians'
/// consents arriving or withdrawn. Statuses change only through <see cref="ApplicationWorkflow"/>.
/// </summary>
public sealed class ApplicationSubmission(EscaleDbContext db, ApplicationEmails emails, TimeProvider clock)
{
    public const string AfterDeadline = "La date limite est passée : la candidature ne peut plus être modifiée.";
    public const string NotADraft = "Cette candidature est envoyée : elle ne peut plus être modifiée.";
    public const string ConsentWithdrawnReason = "Un représentant légal a retiré son accord : la candidature est retirée.";

    /// <summary>The problems that stop a submission: in the summary, and beside each form field (by field id).</summary>
    public sealed record Check(IReadOnlyList<string> Problems, IReadOnlyDictionary<int, string> FieldProblems)
    {
        public bool Passes => Problems.Count == 0 && FieldProblems.Count == 0;
    }

    /// <summary>The applications a person sees: those they lead, and those they confirmed they are a member of.</summary>
    public static IQueryable<CallApplication> VisibleTo(IQueryable<CallApplication> applications, string userId) =>
        applications.Where(a => a.LeadUserId == userId || a.Members.Any(m => m.UserId == userId && m.ConfirmedAt != null));

    /// <summary>The day in Paris, which ages and the call's bounds are counted in.</summary>
    public static DateOnly ParisDay(DateTimeOffset utc) => DateOnly.FromDateTime(ParisTime.ToLocal(utc));

    /// <summary>The age bounds a member's date of birth is checked against (youth calls only).</summary>
    public static (int? Min, int? Max) AgeBounds(CallForProjects call) =>
        call.Audience == CallAudience.Youth ? (call.MinAge, call.MaxAge) : (null, null);

    /// <summary>Whether a person born on this day is a minor today (and so needs a guardian).</summary>
    public static bool IsMinor(DateOnly? dateOfBirth, DateOnly today) =>
        dateOfBirth is { } birth && MinorRules.AgeOn(birth, today) < MinorRules.Majority;

    /// <summary>
    /// Loads an application with what its submission checks: the call (fields, intercommunalities), the team (communes,
    /// guardians) and the answers without their files. Tracked, for the changes that follow.
    /// </summary>
    public Task<CallApplication?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.CallApplications
            .Include(a => a.Call!).ThenInclude(c => c.Fields)
            .Include(a => a.Call!).ThenInclude(c => c.ResidentIntercommunalities)
            .Include(a => a.Members).ThenInclude(m => m.Commune)
            .Include(a => a.Members).ThenInclude(m => m.GuardianConsents)
            .Include(a => a.Answers)
            .Include(a => a.StatusChanges)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Check Problems(CallApplication application)
    {
        var call = application.Call!;
        var now = clock.GetUtcNow();
        var today = ParisDay(now);
        var team = application.Members.OrderBy(m => m.Role).ThenBy(m => m.Id)
            .Select(m => new CallEligibility.Member(m.Name, m.ConfirmedAt is not null, m.DateOfBirth, m.Commune?.IntercommunalityId)).ToList();
        var answered = application.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).Select(a => a.FieldId).ToHashSet();
        var problems = CallEligibility.Problems(call, team, answered, call.Fields, call.ResidentIntercommunalities.Select(i => i.Id).ToList(),
            today, ParisDay(call.ClosesAt)).ToList();
        var fieldProblems = new Dictionary<int, string>();
        foreach (var field in call.Fields.Where(f => f.Required && !answered.Contains(f.Id)))
        {
            // CallEligibility names the question; beside the field, the sentence stays the same.
            var problem = problems.FirstOrDefault(p => p.Contains($"« {field.Label} »", StringComparison.Ordinal));
            if (problem is not null)
            {
                problems.Remove(problem);
                fieldProblems[field.Id] = problem;
            }
        }
        if (string.IsNullOrWhiteSpace(application.ProjectTitle))
        {
            problems.Insert(0, "Donnez un titre à votre projet.");
        }
        var teamEmails = application.Members.Select(m => m.Email).ToList();
        foreach (var member in application.Members.Where(m => m.ConfirmedAt is not null && IsMinor(m.DateOfBirth, today)))
        {
            var guardian = member.GuardianConsents.FirstOrDefault(g => g.WithdrawnAt is null);
            if (guardian is null)
            {
                problems.Add($"{member.Name} est mineur : indiquez le nom et l’adresse électronique de son représentant légal.");
            }
            else if (MinorRules.GuardianEmailRefusal(guardian.GuardianEmail, teamEmails) is { } refusal)
            {
                problems.Add($"{member.Name} : {refusal}");
            }
        }
        return new Check(problems, fieldProblems);
    }

    /// <summary>
    /// Submits an application whose <see cref="Problems"/> pass: each minor's guardian gets their link (consent or
    /// authorisation) or the information; the application is submitted, or awaits the guardians who must agree first.
    /// The caller saves.
    /// </summary>
    public async Task SubmitAsync(CallApplication application, CancellationToken cancellationToken)
    {
        var call = application.Call!;
        var now = clock.GetUtcNow();
        var today = ParisDay(now);
        var waits = false;
        var links = new List<(GuardianConsent Consent, ApplicationMember Member, string? Token)>();
        foreach (var member in application.Members.Where(m => IsMinor(m.DateOfBirth, today)))
        {
            var consent = member.GuardianConsents.First(g => g.WithdrawnAt is null);
            consent.Kind = MinorRules.GuardianRequirement(MinorRules.AgeOn(member.DateOfBirth!.Value, today), call.RequiresGuardianAuthorisationForAllMinors)!.Value;
            consent.SentAt = now;
            consent.ExpiresAt = now.AddDays(GuardianConsent.LinkValidDays);
            if (MinorRules.Blocks(consent.Kind) && consent.ConsentedAt is null)
            {
                var token = LinkTokens.NewToken();
                consent.TokenHash = LinkTokens.Hash(token);
                links.Add((consent, member, token));
                waits = true;
            }
            else if (consent.Kind == GuardianConsentKind.Information)
            {
                links.Add((consent, member, null));
            }
        }
        ApplicationWorkflow.Apply(application, ApplicationAction.Submit, now, waitsForGuardian: waits);
        // The consents need their ids for the withdrawal links the e-mails carry.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (consent, member, token) in links)
        {
            if (token is null)
            {
                emails.GuardianInformation(consent, member.Name, call.Title, application.ProjectTitle);
            }
            else
            {
                emails.GuardianConsentRequest(consent, member.Name, call.Title, application.ProjectTitle, token);
            }
        }
        await emails.StatusChangedAsync(application, cancellationToken);
    }

    /// <summary>Sends a new link to a guardian whose link expired or was lost, while the application waits for them. The caller saves.</summary>
    public void Resend(CallApplication application, GuardianConsent consent, ApplicationMember member)
    {
        var now = clock.GetUtcNow();
        var token = LinkTokens.NewToken();
        consent.TokenHash = LinkTokens.Hash(token);
        consent.SentAt = now;
        consent.ExpiresAt = now.AddDays(GuardianConsent.LinkValidDays);
        emails.GuardianConsentRequest(consent, member.Name, application.Call!.Title, application.ProjectTitle, token);
    }

    /// <summary>
    /// After a guardian agreed: when no guardian who must agree is left, the application is submitted and every member
    /// gets the receipt. The caller saves.
    /// </summary>
    public async Task AfterConsentAsync(CallApplication application, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = application.Members.SelectMany(m => m.GuardianConsents)
            .Any(g => g.WithdrawnAt is null && MinorRules.Blocks(g.Kind) && g.ConsentedAt is null);
        if (!pending && ApplicationWorkflow.Refusal(application, application.Call!, ApplicationAction.GuardiansConsented, now) is null)
        {
            ApplicationWorkflow.Apply(application, ApplicationAction.GuardiansConsented, now);
            await emails.StatusChangedAsync(application, cancellationToken);
        }
        else
        {
            // Two guardians agreeing at the same moment: the version makes the second save fail and retry, so one of them submits.
            application.Version++;
        }
    }

    /// <summary>A guardian withdraws their consent: the application is withdrawn, at any time, and every member told. The caller saves.</summary>
    public async Task WithdrawConsentAsync(CallApplication application, GuardianConsent consent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        consent.WithdrawnAt = now;
        consent.TokenHash = null;
        if (ApplicationWorkflow.Refusal(application, application.Call!, ApplicationAction.WithdrawConsent, now) is null)
        {
            ApplicationWorkflow.Apply(application, ApplicationAction.WithdrawConsent, now, ConsentWithdrawnReason);
            await emails.StatusChangedAsync(application, cancellationToken);
        }
    }
}
