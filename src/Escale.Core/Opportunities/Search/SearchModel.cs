using System.Globalization;
using System.Text;

namespace Escale.Core.Opportunities.Search;

/// <summary>A published opportunity as the search holds it in memory: its facets and what a result line shows.</summary>
public sealed record SearchRow(
    int Id,
    OpportunityKind Kind,
    string Title,
    string Slug,
    string? EmployerName,
    int CommuneId,
    string CommuneName,
    int IntercommunalityId,
    double Latitude,
    double Longitude,
    string? RomeCode,
    string? RomeDomainCode,
    string? RomeGrandDomainCode,
    ContractType? Contract,
    RemoteWork Remote,
    int? SalaryMin,
    int? SalaryMax,
    DateTimeOffset PublishedAt,
    /// <summary>Title, employer, occupation, place and contract as search forms (<see cref="Text.FrenchWordForms"/>), for text matching.</summary>
    string SearchText,
    WorkingTime? WorkingTime = null,
    /// <summary>A takeover's or creation's activity, NAF rév. 2 ("56.10A"), for the household matching.</summary>
    string? NafCode = null,
    /// <summary>A takeover's highest asking price, euros.</summary>
    int? PriceMax = null);

public enum SearchSort
{
    Recent,
    Salary,
    Distance,
}

/// <summary>What a visitor asked for; every field is optional.</summary>
public sealed record SearchQuery
{
    public OpportunityKind? Kind { get; init; }
    public string? GrandDomain { get; init; }
    public string? Domain { get; init; }
    public string? Rome { get; init; }
    public ContractType? Contract { get; init; }
    public int? IntercommunalityId { get; init; }
    /// <summary>Centre of a radius search, with <see cref="RadiusKm"/>.</summary>
    public (double Latitude, double Longitude)? Centre { get; init; }
    public int? RadiusKm { get; init; }
    public bool RemoteOnly { get; init; }
    /// <summary>Opportunities that may pay at least this gross yearly amount.</summary>
    public int? SalaryAtLeast { get; init; }
    public int? PostedWithinDays { get; init; }
    public string? Text { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record FacetValue(string Value, int Count);

public sealed record SearchResult(
    IReadOnlyList<SearchRow> Items,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class SearchText
{
    /// <summary>
    /// The one rule for a search text, everywhere (opportunities page, API, alerts, map, feeds, and the content search): a
    /// word is a run of letters or digits, and a text without any (<c>*</c>, <c>--</c>, <c>"</c>) is no text filter.
    /// </summary>
    public static bool HasWord(string? text) => text is not null && text.Any(char.IsLetterOrDigit);

    /// <summary>Lower case without accents, words separated by single spaces: "Infirmière à Saint-Céré" → "infirmiere a saint cere".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = text.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "oe", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }
}
