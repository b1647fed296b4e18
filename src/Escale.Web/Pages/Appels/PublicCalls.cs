using Escale.Core.Calls;
using Escale.Core.Content;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Escale.Web.Pages.Appels;

/// <summary>
/// The public side of the calls, read once and kept in memory: the list, each call page's content (its Markdown already
/// made safe HTML) and each laureates' list. Entries key on <see cref="CallsDataVersion"/>, which every save of a call,
/// an application or a follow-up moves, and live at most <see cref="Lifetime"/>. Phases are not cached: they are read
/// from the dates at each request, so a deadline is never passed late.
/// </summary>
public static class PublicCalls
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public sealed record Listed(int Id, string Slug, string Title, CallKind Kind, CallAudience Audience, int? MinAge, int? MaxAge, string Summary,
        DateTimeOffset? PublishedAt, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? ResultsPublishedAt, DateTimeOffset? FollowUpStartsAt,
        DateTimeOffset UpdatedAt)
    {
        public CallPhase PhaseAt(DateTimeOffset now) => CallPhases.At(PublishedAt, OpensAt, ClosesAt, ResultsPublishedAt, FollowUpStartsAt, now);
    }

    public sealed record Prize(string Title, string? Description, decimal? AmountEuros);

    public sealed record Question(string Label, string? Help, CallFieldType Type, bool Required, FieldVisibility Visibility, IReadOnlyList<string> Choices);

    public sealed record CallPage(Listed Call, string DescriptionHtml, string? Organiser, string? ContactEmail, IReadOnlyList<string> Themes,
        IReadOnlyList<string> Intercommunalities, int MinTeamSize, int MaxTeamSize, bool GuardianAuthorisationForAllMinors,
        string? EligibilityConditions, DateTimeOffset? ResultsExpectedAt, IReadOnlyList<Prize> Prizes, IReadOnlyList<Question> Questions);

    /// <summary>Published (now or later) calls, soonest deadline first; the page keeps those public at its time.</summary>
    public static Task<IReadOnlyList<Listed>> ListAsync(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version, CancellationToken cancellationToken) =>
        CachedAsync(cache, version, "calls", async () => (IReadOnlyList<Listed>)await db.Calls.AsNoTracking().Where(c => c.PublishedAt != null)
            .OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)
            .Select(c => new Listed(c.Id, c.Slug, c.Title, c.Kind, c.Audience, c.MinAge, c.MaxAge, c.Summary, c.PublishedAt, c.OpensAt, c.ClosesAt,
                c.ResultsPublishedAt, c.FollowUpStartsAt, c.UpdatedAt))
            .ToListAsync(cancellationToken));

    /// <summary>The call's page if it is public at <paramref name="now"/>, null otherwise (a draft is not found).</summary>
    public static async Task<CallPage?> PageAsync(EscaleDbContext db, IMemoryCache cache, CallsDataVersion version, string slug, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await CachedAsync(cache, version, "call:" + slug, () => LoadAsync(db, slug, cancellationToken));
        return page is not null && page.Call.PhaseAt(now) != CallPhase.Draft ? page : null;
    }

    private static async Task<CallPage?> LoadAsync(EscaleDbContext db, string slug, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Slug == slug).Select(c => new
        {
            Listed = new Listed(c.Id, c.Slug, c.Title, c.Kind, c.Audience, c.MinAge, c.MaxAge, c.Summary, c.PublishedAt, c.OpensAt, c.ClosesAt,
                c.ResultsPublishedAt, c.FollowUpStartsAt, c.UpdatedAt),
            c.Description, c.Organiser, c.ContactEmail, c.Themes, c.MinTeamSize, c.MaxTeamSize, c.RequiresGuardianAuthorisationForAllMinors,
            c.EligibilityConditions, c.ResultsExpectedAt,
            Intercommunalities = c.ResidentIntercommunalities.OrderBy(e => e.Name).Select(e => e.Name).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (call is null || call.Listed.PublishedAt is null)
        {
            return null;
        }
        var prizes = await db.CallPrizes.AsNoTracking().Where(p => p.CallId == call.Listed.Id).OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new Prize(p.Title, p.Description, p.AmountEuros)).ToListAsync(cancellationToken);
        var fields = await db.CallFields.AsNoTracking().Where(f => f.CallId == call.Listed.Id).OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return new CallPage(call.Listed, ContentMarkdown.ToSafeHtml(call.Description), call.Organiser, call.ContactEmail,
            [.. (call.Themes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            call.Intercommunalities, call.MinTeamSize, call.MaxTeamSize, call.RequiresGuardianAuthorisationForAllMinors, call.EligibilityConditions,
            call.ResultsExpectedAt, prizes,
            [.. fields.Select(f => new Question(f.Label, f.Help, f.Type, f.Required, f.Visibility, f.ChoiceList))]);
    }

    /// <summary>An entry of the shared memory cache, keyed on the data version so that a save is never shown late.</summary>
    public static async Task<T> CachedAsync<T>(IMemoryCache cache, CallsDataVersion version, string key, Func<Task<T>> load)
    {
        var versioned = $"calls:{version.Value}:{key}";
        if (cache.TryGetValue(versioned, out T? found) && found is not null)
        {
            return found;
        }
        var loaded = await load();
        if (loaded is not null)
        {
            cache.Set(versioned, loaded, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });
        }
        return loaded;
    }
}
