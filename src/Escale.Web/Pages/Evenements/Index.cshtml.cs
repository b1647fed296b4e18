using System.Globalization;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Pages.Recits;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.Evenements;

/// <summary>
/// Events in date order: the upcoming ones by default, one month with <c>?mois=2026-12</c>, or a period with
/// <c>?du=…&amp;au=…</c> (days in Paris time, both included). Months and days are read strictly: a malformed one, or a
/// period that ends before it starts, is refused beside its field on this same page, what was typed and the other
/// filters kept.
/// <c>?vue=mois</c> draws one month (the current one by default) as a calendar grid instead of a list.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public static readonly ContentType[] Types = [ContentType.Event];

    public const string MonthViewValue = "mois";

    public sealed record CalendarDay(DateOnly Date, bool InMonth, bool IsToday, IReadOnlyList<ContentCard> Events);

    /// <summary>The month grid, Monday first, whole weeks (days of the neighbouring months included, their events too).</summary>
    public IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks { get; private set; } = [];

    public bool MonthView { get; private set; }

    public ContentListingView Listing { get; private set; } = null!;

    /// <summary>The month shown, or whose neighbours the navigation opportunities (the current one when none is chosen).</summary>
    public DateOnly Month { get; private set; }

    public bool MonthChosen { get; private set; }

    public bool PeriodChosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? mois, string? du, string? au, string? vue, CancellationToken cancellationToken)
    {
        var facets = await index.FacetsAsync(cancellationToken);
        var filter = ContentQueryString.Read(Request.Query, Types, facets, out var errors);
        (mois, du, au, vue) = (Blank(mois), Blank(du), Blank(au), Blank(vue));
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now));
        Month = new DateOnly(today.Year, today.Month, 1);
        if (vue is not null && vue != MonthViewValue)
        {
            errors["vue"] = "La vue doit être « liste » (sans paramètre) ou « mois ».";
            vue = null;
        }
        DateOnly? month = null;
        if (mois is not null)
        {
            if (DateOnly.TryParseExact(mois, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var chosen))
            {
                month = chosen;
            }
            else
            {
                errors["mois"] = "Le mois doit s’écrire comme « 2026-12 ».";
            }
        }
        // A refused period is given back as typed, and the listing falls back to what comes next.
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        void KeepTyped()
        {
            if (du is not null) { typed["du"] = du; }
            if (au is not null) { typed["au"] = au; }
        }
        if (vue is not null)
        {
            if (du is not null || au is not null)
            {
                errors["vue"] = "La vue par mois montre un mois entier : choisissez un mois, pas une période.";
            }
            if (month is { } shown)
            {
                Month = shown;
                MonthChosen = true;
            }
            return await MonthViewAsync(filter, today, now, errors, cancellationToken);
        }
        var dates = new List<KeyValuePair<string, string?>>();
        if (month is not null && (du is not null || au is not null))
        {
            errors["mois"] = "Choisissez un mois ou une période, pas les deux.";
            KeepTyped();
            filter = filter with { From = now };
        }
        else if (month is { } chosenMonth)
        {
            Month = chosenMonth;
            MonthChosen = true;
            filter = filter with { From = Start(chosenMonth), Until = Start(chosenMonth.AddMonths(1)) };
            dates.Add(new("mois", mois));
        }
        else if (du is not null || au is not null)
        {
            var from = ReadDay(du, "du", "La date de début doit s’écrire comme « 2026-12-24 ».", errors);
            var until = ReadDay(au, "au", "La date de fin doit s’écrire comme « 2026-12-31 ».", errors);
            if (from is not null && until is not null && until < from)
            {
                errors["au"] = "La fin de la période ne peut pas précéder son début.";
            }
            if (errors.ContainsKey("du") || errors.ContainsKey("au"))
            {
                KeepTyped();
                filter = filter with { From = now };
            }
            else
            {
                PeriodChosen = true;
                filter = filter with { From = from is { } f ? Start(f) : null, Until = until is { } u ? Start(u.AddDays(1)) : null };
                dates.Add(new("du", from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                dates.Add(new("au", until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
        else
        {
            // Upcoming: every event not yet over.
            filter = filter with { From = now };
        }
        var result = await ContentListing.SearchAsync(db, facets, Types, filter, now, eventsByDate: true, cancellationToken);
        Listing = new ContentListingView("/evenements", "Événements", result, filter, ShowTypes: false, dates, ShowDates: true)
        {
            Errors = errors,
            Typed = typed,
        };
        return Refused(errors);
    }

    /// <summary>
    /// The page itself when something was refused, each message beside its field and every other filter kept, with a
    /// 400 so that it is neither cached nor indexed as a listing.
    /// </summary>
    private PageResult Refused(Dictionary<string, string> errors)
    {
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    private static DateOnly? ReadDay(string? value, string parameter, string message, Dictionary<string, string> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[parameter] = message;
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public string MonthLink(DateOnly month) =>
        "/evenements" + ContentQueryString.ToQueryString(Listing.Filter with { Page = 1, From = null, Until = null }, 1,
            MonthView ? [new("vue", MonthViewValue), new("mois", Iso(month))] : [new("mois", Iso(month))]);

    /// <summary>The switch between the two views, keeping the facets and, where there is one, the month.</summary>
    public string ListLink => "/evenements" + ContentQueryString.ToQueryString(Listing.Filter with { Page = 1, From = null, Until = null }, 1,
        MonthView && MonthChosen ? [new("mois", Iso(Month))] : []);

    public string MonthViewLink => "/evenements" + ContentQueryString.ToQueryString(Listing.Filter with { Page = 1, From = null, Until = null }, 1,
        MonthChosen ? [new("vue", MonthViewValue), new("mois", Iso(Month))] : [new("vue", MonthViewValue)]);

    public string CurrentMonthLink => "/evenements" + ContentQueryString.ToQueryString(Listing.Filter with { Page = 1, From = null, Until = null }, 1,
        [new("vue", MonthViewValue)]);

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    public static string ShortDayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    public static string DayLabel(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    private async Task<IActionResult> MonthViewAsync(
        ContentFilter filter, DateOnly today, DateTimeOffset now, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        MonthView = true;
        var first = Month.AddDays(-(((int)Month.DayOfWeek + 6) % 7));
        var end = Month.AddMonths(1);
        var last = end.AddDays((7 - ((int)end.DayOfWeek + 6) % 7) % 7);
        filter = filter with { From = Start(first), Until = Start(last), Page = 1 };
        // Every event of the grid, not a page of them: a month holds a few dozen at most.
        var result = await ContentListing.SearchAsync(db, await index.FacetsAsync(cancellationToken), Types, filter, now, eventsByDate: true, cancellationToken, pageSize: int.MaxValue);
        var spans = result.Items.Select(e => (Event: e, Days: DaysOf(e))).ToList();
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var monday = first; monday < last; monday = monday.AddDays(7))
        {
            weeks.Add([.. Enumerable.Range(0, 7).Select(i => monday.AddDays(i)).Select(day => new CalendarDay(
                day, day.Month == Month.Month && day.Year == Month.Year, day == today,
                [.. spans.Where(s => s.Days.First <= day && day <= s.Days.Last).Select(s => s.Event)]))]);
        }
        Weeks = weeks;
        var month = new KeyValuePair<string, string?>("mois", Iso(Month));
        Listing = new ContentListingView("/evenements", "Événements", result, filter, ShowTypes: false, [])
        {
            Hidden = MonthChosen ? [new("vue", MonthViewValue), month] : [new("vue", MonthViewValue)],
            ShowResults = false,
            Errors = errors,
        };
        return Refused(errors);
    }

    /// <summary>
    /// The Paris days an event covers. An end at midnight closes the day before (an evening until 00:00 is not on
    /// the next day's square).
    /// </summary>
    internal static (DateOnly First, DateOnly Last) DaysOf(ContentCard card)
    {
        var start = ParisTime.ToLocal(card.StartsAt ?? card.PublishAt);
        var end = card.EndsAt is { } e && e > (card.StartsAt ?? e) ? ParisTime.ToLocal(e) : start;
        if (end > start && end.TimeOfDay == TimeSpan.Zero)
        {
            end = end.AddTicks(-1);
        }
        return (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
    }

    private static string Iso(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string MonthName(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    private static DateTimeOffset Start(DateOnly day) => ParisTime.FromLocal(day.ToDateTime(TimeOnly.MinValue));
}
