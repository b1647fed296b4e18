using Escale.Core.Territories;

namespace Escale.Core.Content;

/// <summary>A published item's facet fields: what the listings filter, count and sort on (texts stay in the database).</summary>
public sealed record ContentFacetRow(
    int Id, ContentType Type, int? IntercommunalityId, string[] Personas, ContentTheme[] Themes,
    bool Featured, DateTimeOffset? PublishAt, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt)
{
    /// <summary>"Publié" for the public: the row is published; here only its time can still be to come.</summary>
    public bool IsPublicAt(DateTimeOffset now) => PublishAt is null || PublishAt <= now;

    /// <summary>An event is over once it has ended (or, without an end, started).</summary>
    public DateTimeOffset? OverAt => EndsAt ?? StartsAt;
}

public sealed record ContentIntercommunality(int Id, string Slug, string Name);

public sealed record ContentPersonaEntry(string Slug, LocalizedText Entry);

/// <summary>
/// One loaded state of the published items (scheduled ones included: they become public by the clock alone), newest
/// first, with the personas and intercommunalities the listings count by. Immutable: a change loads a new one.
/// </summary>
public sealed class ContentFacets
{
    private static long _versions;
    private readonly DateTimeOffset[] _moments;

    public ContentFacets(IReadOnlyList<ContentFacetRow> rows, IReadOnlyList<ContentIntercommunality> intercommunalities, IReadOnlyList<ContentPersonaEntry> personas)
    {
        Version = Interlocked.Increment(ref _versions);
        Rows = [.. rows.OrderByDescending(r => r.PublishAt).ThenByDescending(r => r.Id)];
        Intercommunalities = intercommunalities;
        Personas = personas;
        // The times at which public pages change with no write: a scheduled item comes due, an event is over.
        _moments = [.. rows.Select(r => r.PublishAt).Concat(rows.Where(r => r.Type == ContentType.Event).Select(r => r.OverAt))
            .OfType<DateTimeOffset>().Order()];
    }

    /// <summary>Different for every load, in this process.</summary>
    public long Version { get; }

    /// <summary>Newest publication first (then highest id), as the listings show them.</summary>
    public IReadOnlyList<ContentFacetRow> Rows { get; }

    public IReadOnlyList<ContentIntercommunality> Intercommunalities { get; }

    public IReadOnlyList<ContentPersonaEntry> Personas { get; }

    public int Count => Rows.Count;

    /// <summary>How many of those moments have passed at <paramref name="now"/>: public pages change exactly when it does.</summary>
    public int MomentsPassed(DateTimeOffset now)
    {
        var index = Array.BinarySearch(_moments, now);
        if (index < 0)
        {
            return ~index;
        }
        while (index < _moments.Length && _moments[index] <= now)
        {
            index++;
        }
        return index;
    }

    /// <summary>The next moment after <paramref name="now"/>, if any: no page rendered now stays right beyond it.</summary>
    public DateTimeOffset? NextMomentAfter(DateTimeOffset now)
    {
        var passed = MomentsPassed(now);
        return passed < _moments.Length ? _moments[passed] : null;
    }
}
