using System.Globalization;
using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.Communes;

/// <summary>The communes, searchable by name (accents ignored), INSEE code or postal code, and by intercommunality.</summary>
public sealed class IndexModel(EscaleDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(string InseeCode, string Name, string Slug, string PostalCodes, string Intercommunality, string IntercommunalitySlug, int Population);

    public sealed record Option(string Slug, string Name);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "intercommunalite")]
    public string? Intercommunality { get; set; }

    public IReadOnlyList<Option> Intercommunalities { get; private set; } = [];
    public IReadOnlyList<Row> Communes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public string? IntercommunalityError { get; private set; }
    public string? PageError { get; private set; }

    // "page" is also the route value Razor Pages uses for the page path, hence FromQuery.
    // The page number is bound as text so that "abc" or "0" gets a French explanation rather than a silent page 1.
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Slug)
            .Select(e => new Option(e.Slug, e.Name)).ToListAsync(cancellationToken);
        // A refused filter is explained beside its field on this page, the list shown without it, with a 400.
        var filterOn = Intercommunality;
        if (!string.IsNullOrEmpty(Intercommunality) && Intercommunalities.All(e => e.Slug != Intercommunality))
        {
            IntercommunalityError = t["L’intercommunalité « {0} » n’existe pas : choisissez-en une dans la liste.", Intercommunality];
            filterOn = null;
        }

        var query = db.Communes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            // Names are matched on the stored slug: folding accents in C# works the same on SQLite and PostgreSQL,
            // where database-side accent folding (unaccent, collations) would not.
            var folded = Slug.From(text);
            query = query.Where(c => c.InseeCode == text || c.PostalCodes.Contains(text) || (folded != "" && c.Slug.Contains(folded)));
        }
        if (!string.IsNullOrEmpty(filterOn))
        {
            query = query.Where(c => c.Intercommunality!.Slug == filterOn);
        }

        Total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (!string.IsNullOrEmpty(page))
        {
            if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > PageCount)
            {
                PageError = t["La page « {0} » n’existe pas : indiquez un numéro de page entre 1 et {1}.", page, Formats.Number(PageCount)];
            }
            else
            {
                PageNumber = number;
            }
        }

        Communes = await query.OrderBy(c => c.Slug).ThenBy(c => c.InseeCode)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.InseeCode, c.Name, c.Slug, c.PostalCodes, c.Intercommunality!.Name, c.Intercommunality.Slug, c.Population))
            .ToListAsync(cancellationToken);
        if (IntercommunalityError is not null || PageError is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>The list's URL for another page, keeping the search and the filter.</summary>
    public string PageUrl(int number)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            query.Add("q", Q);
        }
        if (!string.IsNullOrEmpty(Intercommunality))
        {
            query.Add("intercommunalite", Intercommunality);
        }
        if (number > 1)
        {
            query.Add("page", number.ToString(CultureInfo.InvariantCulture));
        }
        return "/communes" + query.ToQueryString();
    }
}
