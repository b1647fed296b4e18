using Escale.Core.Data;
using Escale.Core.Territories;

namespace Escale.Core.Welcome.Kits;

/// <summary>
/// One "first steps" item of the welcome kits of a persona (« Inscrire les enfants à l’école », « Déclarer son
/// arrivée à la CAF »…), written by the editorial team; every intercommunality's kit for that persona lists them in
/// <see cref="Position"/> order. The English text is optional: an English visitor reads the French one without it.
/// </summary>
public sealed class WelcomeKitStep : IHasUpdatedAt
{
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 500;

    public int Id { get; set; }
    public int PersonaId { get; set; }
    public Persona? Persona { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public string? TextEnglish { get; set; }
    /// <summary>An absolute http(s) link, or a path of the site (starting with one "/").</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The text for a language ("en" or else French).</summary>
    public string TextFor(string language) =>
        language == "en" && !string.IsNullOrWhiteSpace(TextEnglish) ? TextEnglish : Text;

    /// <summary>Whether <paramref name="link"/> is a link a kit may carry: http(s) with a host, or a local path.</summary>
    public static bool IsValidLink(string link) =>
        (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.Contains('\\', StringComparison.Ordinal))
        || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0);
}
