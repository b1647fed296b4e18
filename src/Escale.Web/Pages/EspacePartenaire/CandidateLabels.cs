using Escale.Core.Opportunities.Interest;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>The French words of a candidate's follow-up (also the translation keys): pages and the personal-data export use these.</summary>
public static class CandidateLabels
{
    /// <summary>The statuses an employer may choose, in the order of a recruitment.</summary>
    public static readonly IReadOnlyList<CandidateStatus> Choices = [CandidateStatus.Contacted, CandidateStatus.Retained, CandidateStatus.NotRetained];

    public static string Status(CandidateStatus status) => status switch
    {
        CandidateStatus.New => "Nouveau",
        CandidateStatus.Contacted => "Contacté·e",
        CandidateStatus.Retained => "Retenu·e",
        CandidateStatus.NotRetained => "Non retenu·e",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The button that moves a candidate to <paramref name="status"/>.</summary>
    public static string Action(CandidateStatus status) => status switch
    {
        CandidateStatus.Contacted => "Marquer comme contacté·e",
        CandidateStatus.Retained => "Marquer comme retenu·e",
        CandidateStatus.NotRetained => "Marquer comme non retenu·e",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>What the employer reads once the status is changed.</summary>
    public static string StatusConfirmation(CandidateStatus status) => status switch
    {
        CandidateStatus.Contacted => "C’est noté : marqué·e comme contacté·e. Un courriel le lui dit.",
        CandidateStatus.Retained => "C’est noté : marqué·e comme retenu·e. Un courriel le lui annonce.",
        CandidateStatus.NotRetained => "C’est noté : marqué·e comme non retenu·e. Un courriel le lui dit, avec nos remerciements.",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A line of the follow-up's history.</summary>
    public static string Step(CandidateStepKind kind, CandidateStatus? status) => (kind, status) switch
    {
        (CandidateStepKind.Answered, _) => "Réponse envoyée",
        (_, CandidateStatus.Contacted) => "Marqué·e comme contacté·e",
        (_, CandidateStatus.Retained) => "Marqué·e comme retenu·e",
        (_, CandidateStatus.NotRetained) => "Marqué·e comme non retenu·e",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
