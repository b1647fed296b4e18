using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Escale.Core.Content;

/// <summary>An item's text in one language.</summary>
public sealed record ContentText(string Language, string Title, string? Summary, string? BodyMarkdown);

/// <summary>
/// Every field an editor sets on an item: what a form posts, what a revision stores, what a preview shows.
/// </summary>
public sealed partial record ContentDraft
{
    public const string French = "fr";
    public const string English = "en";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public ContentType Type { get; init; }
    public string Slug { get; init; } = "";
    public int? CommuneId { get; init; }
    public int? IntercommunalityId { get; init; }
    public bool Featured { get; init; }
    public IReadOnlyList<string> Personas { get; init; } = [];
    public IReadOnlyList<ContentTheme> Themes { get; init; } = [];
    public DateTimeOffset? StartsAt { get; init; }
    public DateTimeOffset? EndsAt { get; init; }
    public string? Venue { get; init; }
    public string? Organiser { get; init; }
    public string? Price { get; init; }
    public string? Accessibility { get; init; }
    public string? SectorNafCode { get; init; }
    public string? Website { get; init; }
    public int? OrganisationId { get; init; }
    /// <summary>A portrait's occupation, as a ROME code.</summary>
    public string? OccupationRomeCode { get; init; }
    public IReadOnlyList<ContentText> Texts { get; init; } = [];

    public ContentText? Text(string language) => Texts.FirstOrDefault(t => t.Language == language);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ContentDraft FromJson(string json) =>
        JsonSerializer.Deserialize<ContentDraft>(json, Json) ?? throw new InvalidDataException("Empty revision snapshot.");

    /// <summary>What is wrong with the draft, by field name ("Title.fr", "EndsAt"…), in French.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        var french = Text(French);
        if (string.IsNullOrWhiteSpace(french?.Title))
        {
            errors.Add(("Title.fr", "Indiquez un titre en français."));
        }
        else if (french.Title.Length > 200)
        {
            errors.Add(("Title.fr", "Le titre ne peut dépasser 200 caractères."));
        }
        if (Text(English) is { } english && string.IsNullOrWhiteSpace(english.Title)
            && (!string.IsNullOrWhiteSpace(english.Summary) || !string.IsNullOrWhiteSpace(english.BodyMarkdown)))
        {
            errors.Add(("Title.en", "Indiquez aussi le titre anglais, ou laissez toute la traduction anglaise vide."));
        }
        foreach (var text in Texts.Where(t => t.Summary?.Length > 500))
        {
            errors.Add(($"Summary.{text.Language}", "Le chapeau ne peut dépasser 500 caractères."));
        }
        foreach (var text in Texts)
        {
            foreach (var line in ContentEmbed.Refused(text.BodyMarkdown))
            {
                errors.Add(($"Body.{text.Language}", $"« {(line.Length > 80 ? line[..80] + "…" : line)} » : {ContentEmbed.UnknownProviderMessage}"));
            }
        }
        if (Type == ContentType.Event)
        {
            if (StartsAt is null)
            {
                errors.Add(("StartsAt", "Indiquez la date de début de l’événement."));
            }
            if (StartsAt is not null && EndsAt is not null && EndsAt < StartsAt)
            {
                errors.Add(("EndsAt", "La fin de l’événement ne peut pas précéder son début."));
            }
        }
        if (Type == ContentType.QualityOfLife && Themes.Count == 0)
        {
            errors.Add(("Themes", "Choisissez au moins un thème pour une page « vivre ici »."));
        }
        if (Type == ContentType.Portrait && !string.IsNullOrEmpty(OccupationRomeCode) && !RomeCode().IsMatch(OccupationRomeCode))
        {
            errors.Add(("OccupationRomeCode", "Le code ROME s’écrit comme « J1506 » : une lettre et quatre chiffres."));
        }
        if (Type == ContentType.CompanyStory)
        {
            if (!string.IsNullOrEmpty(SectorNafCode) && !NafCode().IsMatch(SectorNafCode))
            {
                errors.Add(("SectorNafCode", "Le code NAF s’écrit comme « 62.01Z »."));
            }
            if (!string.IsNullOrEmpty(Website) && !IsWebAddress(Website))
            {
                errors.Add(("Website", "Le site doit être une adresse complète commençant par https:// ou http://."));
            }
        }
        return errors;
    }

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^\d{2}\.\d{2}[A-Z]$")]
    private static partial Regex NafCode();

    [GeneratedRegex(@"^[A-N]\d{4}$")]
    private static partial Regex RomeCode();
}
