using Escale.Core.BrandCoCreation;

namespace Escale.Web.Pages.Jeunes.Marque;

/// <summary>The one French label of each kind, status and answer of the brand co-creation (keys of their English in the shared resource).</summary>
public static class BrandLabels
{
    public static string Kind(BrandProposalKind kind) => kind switch
    {
        BrandProposalKind.Message => "Message ou slogan",
        BrandProposalKind.Visual => "Visuel",
        BrandProposalKind.ToolIdea => "Idée d’outil",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Status(BrandProposalStatus status) => status switch
    {
        BrandProposalStatus.Submitted => "En attente de modération",
        BrandProposalStatus.Published => "Publiée, en attente de la réponse de la commission",
        BrandProposalStatus.Rejected => "Non publiée",
        BrandProposalStatus.Answered => "La commission a répondu",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Answer(BrandAnswer answer) => answer switch
    {
        BrandAnswer.Retained => "Retenue",
        BrandAnswer.Adapted => "Retenue avec adaptation",
        BrandAnswer.NotRetained => "Non retenue",
        _ => throw new ArgumentOutOfRangeException(nameof(answer)),
    };

    /// <summary>The kinds as the list's query string writes them.</summary>
    public static readonly IReadOnlyList<(BrandProposalKind Kind, string Slug)> KindSlugs =
        [(BrandProposalKind.Message, "message"), (BrandProposalKind.Visual, "visuel"), (BrandProposalKind.ToolIdea, "outil")];

    /// <summary>The answers as the list's query string writes them.</summary>
    public static readonly IReadOnlyList<(BrandAnswer Answer, string Slug)> AnswerSlugs =
        [(BrandAnswer.Retained, "retenue"), (BrandAnswer.Adapted, "adaptee"), (BrandAnswer.NotRetained, "non-retenue")];

    /// <summary>The public path of a proposal.</summary>
    public static string ProposalPath(int id) => "/jeunes/marque/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
