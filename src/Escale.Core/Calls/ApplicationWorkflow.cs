namespace Escale.Core.Calls;

public enum ApplicationAction
{
    /// <summary>The lead submits (before the deadline); the application then waits for guardians if any must consent.</summary>
    Submit,
    /// <summary>The last guardian who had to consent or authorise did.</summary>
    GuardiansConsented,
    /// <summary>The lead withdraws (before the deadline).</summary>
    Withdraw,
    /// <summary>A guardian withdraws their consent: the application is withdrawn at any time.</summary>
    WithdrawConsent,
    MarkEligible,
    MarkIneligible,
    StartEvaluation,
    /// <summary>The results are published: the decision becomes the status.</summary>
    PublishDecision,
}

/// <summary>
/// Draft → (awaiting guardian) → submitted → eligible or not → under evaluation → laureate or not; withdrawn from the
/// first steps. Each transition refuses the impossible with a French reason; the page only calls it.
/// </summary>
public static class ApplicationWorkflow
{
    /// <summary>The refusal, in French, or null when the action is allowed at this time.</summary>
    public static string? Refusal(CallApplication application, CallForProjects call, ApplicationAction action, DateTimeOffset now)
    {
        var beforeDeadline = now < call.ClosesAt;
        var status = application.Status;
        return action switch
        {
            ApplicationAction.Submit when status != ApplicationStatus.Draft => "Cette candidature a déjà été envoyée.",
            ApplicationAction.Submit when now < call.OpensAt || call.PublishedAt is null => "Cet appel n’est pas encore ouvert aux candidatures.",
            ApplicationAction.Submit when !beforeDeadline => "La date limite de cet appel est passée : la candidature ne peut plus être envoyée.",
            ApplicationAction.Submit => null,
            ApplicationAction.GuardiansConsented => status == ApplicationStatus.AwaitingGuardian ? null : "Cette candidature n’attend pas d’accord.",
            ApplicationAction.Withdraw when status is ApplicationStatus.Withdrawn => "Cette candidature est déjà retirée.",
            ApplicationAction.Withdraw when !beforeDeadline => "La date limite est passée : la candidature ne peut plus être retirée ni modifiée.",
            ApplicationAction.Withdraw => status is ApplicationStatus.Draft or ApplicationStatus.AwaitingGuardian or ApplicationStatus.Submitted
                or ApplicationStatus.Eligible or ApplicationStatus.Ineligible ? null : "Cette candidature ne peut plus être retirée.",
            ApplicationAction.WithdrawConsent => status == ApplicationStatus.Withdrawn ? "Cette candidature est déjà retirée." : null,
            ApplicationAction.MarkEligible or ApplicationAction.MarkIneligible when call.ResultsPublishedAt is not null =>
                "Les résultats sont publiés : la recevabilité ne change plus.",
            ApplicationAction.MarkEligible or ApplicationAction.MarkIneligible =>
                status is ApplicationStatus.Submitted or ApplicationStatus.Eligible or ApplicationStatus.Ineligible
                    ? null : "Seule une candidature envoyée peut être déclarée recevable ou non.",
            ApplicationAction.StartEvaluation => status == ApplicationStatus.Eligible ? null : "Seule une candidature recevable peut être évaluée.",
            ApplicationAction.PublishDecision when application.Decision is null => "Aucune décision n’a été prise pour cette candidature.",
            ApplicationAction.PublishDecision =>
                status is ApplicationStatus.Eligible or ApplicationStatus.UnderEvaluation ? null : "Cette candidature n’est pas en lice.",
            _ => "Action inconnue.",
        };
    }

    /// <summary>
    /// Applies an allowed action and records it in the history (which the team is told). <paramref name="waitsForGuardian"/>
    /// says, for <see cref="ApplicationAction.Submit"/>, whether a guardian must still consent.
    /// </summary>
    public static void Apply(CallApplication application, ApplicationAction action, DateTimeOffset now, string? reason = null, bool waitsForGuardian = false)
    {
        var status = action switch
        {
            ApplicationAction.Submit => waitsForGuardian ? ApplicationStatus.AwaitingGuardian : ApplicationStatus.Submitted,
            ApplicationAction.GuardiansConsented => ApplicationStatus.Submitted,
            ApplicationAction.Withdraw or ApplicationAction.WithdrawConsent => ApplicationStatus.Withdrawn,
            ApplicationAction.MarkEligible => ApplicationStatus.Eligible,
            ApplicationAction.MarkIneligible => ApplicationStatus.Ineligible,
            ApplicationAction.StartEvaluation => ApplicationStatus.UnderEvaluation,
            ApplicationAction.PublishDecision => application.Decision == ApplicationDecision.Laureate
                ? ApplicationStatus.Laureate : ApplicationStatus.NotSelected,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        if (action == ApplicationAction.MarkIneligible && string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("An application is declared ineligible with a reason.", nameof(reason));
        }
        if (action is ApplicationAction.Submit or ApplicationAction.GuardiansConsented && status == ApplicationStatus.Submitted)
        {
            application.SubmittedAt = now;
        }
        if (status == ApplicationStatus.Withdrawn)
        {
            application.WithdrawnAt = now;
        }
        application.Status = status;
        application.StatusReason = action switch
        {
            ApplicationAction.MarkIneligible => reason,
            ApplicationAction.PublishDecision => application.JuryFeedback,
            _ => reason,
        };
        application.Version++;
        application.StatusChanges.Add(new ApplicationStatusChange
        {
            ApplicationId = application.Id,
            Status = status,
            Reason = application.StatusReason,
            At = now,
        });
    }
}
