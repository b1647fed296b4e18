using Escale.Core.Content;
using Escale.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Escale.Web.Pages.Admin.Contenus;

/// <summary>
/// The fields of the content form, as posted by the editors' page and the proposal page. Event times are typed in
/// Paris time; everything else maps one to one onto <see cref="ContentDraft"/>.
/// </summary>
public sealed class ContentForm
{
    public ContentType Type { get; set; }
    public string? Slug { get; set; }
    public int? CommuneId { get; set; }
    public int? IntercommunalityId { get; set; }
    public bool Featured { get; set; }
    public List<string> Personas { get; set; } = [];
    public List<ContentTheme> Themes { get; set; } = [];
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Venue { get; set; }
    public string? Organiser { get; set; }
    public string? Price { get; set; }
    public string? Accessibility { get; set; }
    public string? SectorNafCode { get; set; }
    public string? Website { get; set; }
    public int? OrganisationId { get; set; }
    public string? OccupationRomeCode { get; set; }
    public string? TitleFr { get; set; }
    public string? SummaryFr { get; set; }
    public string? BodyFr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryEn { get; set; }
    public string? BodyEn { get; set; }
    /// <summary>Why this save: shown in the revision history.</summary>
    public string? Note { get; set; }
    /// <summary>Set when the create form is shown: a second post of the same form finds the item the first made.</summary>
    public Guid? CreationKey { get; set; }

    public ContentDraft ToDraft()
    {
        var texts = new List<ContentText> { new(ContentDraft.French, TitleFr?.Trim() ?? "", Blank(SummaryFr), Blank(BodyFr)) };
        if (Blank(TitleEn) is not null || Blank(SummaryEn) is not null || Blank(BodyEn) is not null)
        {
            texts.Add(new ContentText(ContentDraft.English, TitleEn?.Trim() ?? "", Blank(SummaryEn), Blank(BodyEn)));
        }
        return new ContentDraft
        {
            Type = Type,
            Slug = Slug?.Trim() ?? "",
            CommuneId = CommuneId,
            IntercommunalityId = IntercommunalityId,
            Featured = Featured,
            Personas = [.. Personas.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Themes = [.. Themes.Distinct().Order()],
            StartsAt = StartsAt is { } starts ? ParisTime.FromLocal(starts) : null,
            EndsAt = EndsAt is { } ends ? ParisTime.FromLocal(ends) : null,
            Venue = Blank(Venue),
            Organiser = Blank(Organiser),
            Price = Blank(Price),
            Accessibility = Blank(Accessibility),
            SectorNafCode = Blank(SectorNafCode)?.ToUpperInvariant(),
            Website = Blank(Website),
            OrganisationId = OrganisationId,
            OccupationRomeCode = Blank(OccupationRomeCode)?.ToUpperInvariant(),
            Texts = texts,
        };
    }

    public static ContentForm From(ContentDraft draft) => new()
    {
        Type = draft.Type,
        Slug = draft.Slug,
        CommuneId = draft.CommuneId,
        IntercommunalityId = draft.IntercommunalityId,
        Featured = draft.Featured,
        Personas = [.. draft.Personas],
        Themes = [.. draft.Themes],
        StartsAt = draft.StartsAt is { } starts ? ParisTime.ToLocal(starts) : null,
        EndsAt = draft.EndsAt is { } ends ? ParisTime.ToLocal(ends) : null,
        Venue = draft.Venue,
        Organiser = draft.Organiser,
        Price = draft.Price,
        Accessibility = draft.Accessibility,
        SectorNafCode = draft.SectorNafCode,
        Website = draft.Website,
        OrganisationId = draft.OrganisationId,
        OccupationRomeCode = draft.OccupationRomeCode,
        TitleFr = draft.Text(ContentDraft.French)?.Title,
        SummaryFr = draft.Text(ContentDraft.French)?.Summary,
        BodyFr = draft.Text(ContentDraft.French)?.BodyMarkdown,
        TitleEn = draft.Text(ContentDraft.English)?.Title,
        SummaryEn = draft.Text(ContentDraft.English)?.Summary,
        BodyEn = draft.Text(ContentDraft.English)?.BodyMarkdown,
    };

    /// <summary>Validates the draft and puts each message beside its field ("Input.EndsAt"…).</summary>
    public static bool Validate(ContentDraft draft, ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, message) in draft.Validate())
        {
            var name = field switch
            {
                "Title.fr" => "TitleFr",
                "Title.en" => "TitleEn",
                "Summary.fr" => "SummaryFr",
                "Summary.en" => "SummaryEn",
                "Body.fr" => "BodyFr",
                "Body.en" => "BodyEn",
                _ => field,
            };
            modelState.AddModelError(prefix + "." + name, message);
        }
        return modelState.IsValid;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
