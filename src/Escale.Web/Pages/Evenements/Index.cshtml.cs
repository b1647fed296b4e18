using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Errors;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.Evenements;

/// <summary>
/// Events in date order: the upcoming ones by default, one month with <c>?mois=2026-12</c>, or a period with
/// <c>?du=…&amp;au=…</c> (days in Paris time, both included). Months and days are read strictly: a malformed one is a 400.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public static readonly ContentType[] Types = [ContentType.Event];

    public ContentListingView Listing { get; private set; } = null!;

    /// <summary>The month shown, or whose neighbours the navigation offers (the current one when none is chosen).</summary>
    public DateOnly Month { get; private set; }

    public bool MonthChosen { get; private set; }

    public bool PeriodChosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? mois, string? du, string? au, CancellationToken cancellationToken)
    {
        if (!ContentQueryString.TryParse(Request.Query, Types, out var filter, out var error))
        {
            return this.BadRequestPage(error!);
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        Month = new DateOnly(today.Year, today.Month, 1);
        var dates = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(mois))
        {
            if (!DateOnly.TryParseExact(mois.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                return this.BadRequestPage("Le mois doit s’écrire comme « 2026-12 ».");
            }
            if (!string.IsNullOrWhiteSpace(du) || !string.IsNullOrWhiteSpace(au))
            {
                return this.BadRequestPage("Choisissez un mois ou une période, pas les deux.");
            }
            Month = month;
            MonthChosen = true;
            filter = filter with { From = Start(month), Until = Start(month.AddMonths(1)) };
            dates.Add(new("mois", mois.Trim()));
        }
        else if (!string.IsNullOrWhiteSpace(du) || !string.IsNullOrWhiteSpace(au))
        {
            DateOnly? from = null, until = null;
            if (!string.IsNullOrWhiteSpace(du))
            {
                if (!DateOnly.TryParseExact(du.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return this.BadRequestPage("La date de début doit s’écrire comme « 2026-12-24 ».");
                }
                from = d;
            }
            if (!string.IsNullOrWhiteSpace(au))
            {
                if (!DateOnly.TryParseExact(au.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return this.BadRequestPage("La date de fin doit s’écrire comme « 2026-12-31 ».");
                }
                until = d;
            }
            if (from is not null && until is not null && until < from)
            {
                return this.BadRequestPage("La fin de la période ne peut pas précéder son début.");
            }
            PeriodChosen = true;
            filter = filter with { From = from is { } f ? Start(f) : null, Until = until is { } u ? Start(u.AddDays(1)) : null };
            dates.Add(new("du", from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            dates.Add(new("au", until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        else
        {
            // Upcoming: every event not yet over.
            filter = filter with { From = now };
        }
        var result = await ContentListing.SearchAsync(db, await index.FacetsAsync(cancellationToken), Types, filter, now, eventsByDate: true, cancellationToken);
        Listing = new ContentListingView("/evenements", "Événements", result, filter, ShowTypes: false, dates, ShowDates: true);
        return Page();
    }

    public string MonthLink(DateOnly month) =>
        "/evenements" + ContentQueryString.ToQueryString(Listing.Filter with { Page = 1 }, 1,
            [new("mois", month.ToString("yyyy-MM", CultureInfo.InvariantCulture))]);

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    private static DateTimeOffset Start(DateOnly day) => ParisTime.FromLocal(day.ToDateTime(TimeOnly.MinValue));
}
