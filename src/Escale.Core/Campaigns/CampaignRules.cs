using System.Text.RegularExpressions;

namespace Escale.Core.Campaigns;

/// <summary>The shapes campaign fields must have, with the French message shown beside the field otherwise.</summary>
public static partial class CampaignRules
{
    public const int SlugMaxLength = 40;

    public static readonly IReadOnlyList<(CampaignChannels Channel, string Label)> ChannelLabels =
    [
        (CampaignChannels.Poster, "Affichage"), (CampaignChannels.Press, "Presse"), (CampaignChannels.SocialMedia, "Réseaux sociaux"),
        (CampaignChannels.Radio, "Radio"), (CampaignChannels.Fair, "Salon"), (CampaignChannels.Email, "Courriel"),
        (CampaignChannels.Partner, "Partenaire"),
    ];

    public static string LabelOf(CampaignChannels channel) =>
        ChannelLabels.FirstOrDefault(c => c.Channel == channel).Label ?? "Autre";

    public static string LabelOf(CampaignStatus status) => status switch
    {
        CampaignStatus.Draft => "En préparation",
        CampaignStatus.Active => "En cours",
        _ => "Archivée",
    };

    public static string LabelOf(LandingBlockKind kind) => kind switch
    {
        LandingBlockKind.Text => "Titre et texte",
        LandingBlockKind.Image => "Image",
        LandingBlockKind.Contents => "Sélection de récits",
        LandingBlockKind.Opportunities => "Lien vers des offres",
        _ => "Appel à l’action",
    };

    public static IEnumerable<CampaignChannels> Split(CampaignChannels channels) =>
        ChannelLabels.Select(c => c.Channel).Where(c => channels.HasFlag(c));

    /// <summary>Null when valid, else the message: lowercase letters, digits and single hyphens, as utm_campaign values are written.</summary>
    public static string? SlugRefusal(string? slug) =>
        string.IsNullOrEmpty(slug) ? "Indiquez l’identifiant (lettres minuscules, chiffres et tirets)."
        : slug.Length > SlugMaxLength ? $"L’identifiant ne doit pas dépasser {SlugMaxLength} caractères."
        : SlugShape().IsMatch(slug) ? null
        : "L’identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (ex. : salon-2026).";

    /// <summary>
    /// Null when <paramref name="path"/> is a path on this site (so a tracked link never becomes an open redirect), else the message.
    /// </summary>
    public static string? InternalPathRefusal(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "Indiquez l’adresse de destination, qui commence par « / »."
        : !path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal)
            || path.Any(char.IsControl) || path.Any(char.IsWhiteSpace)
            ? "La destination doit être une adresse du site, qui commence par « / » (ex. : /decouvrir/salon-2026)."
        : null;

    /// <summary>A call-to-action link: a path on this site, or an https address elsewhere.</summary>
    public static string? LinkRefusal(string? url) =>
        InternalPathRefusal(url) is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme == Uri.UriSchemeHttps ? null
        : "Le lien doit être une adresse du site (qui commence par « / ») ou une adresse https://.";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugShape();
}
