namespace Escale.Core.Content.Search;

/// <summary>
/// Full-text search over public content, one implementation per database (SQLite FTS5, PostgreSQL tsvector).
/// The index is derived data: <see cref="ContentSearchInterceptor"/> keeps it current on every save of an item.
/// </summary>
public interface IContentSearch
{
    /// <summary>Creates the index if missing (idempotent) and fills it when it is empty but content exists.</summary>
    Task PrepareAsync(CancellationToken cancellationToken = default);

    /// <summary>Re-reads these items and indexes the published ones; the others (and deleted ones) leave the index.</summary>
    Task IndexAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken = default);

    Task RemoveAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken = default);

    /// <summary>Empties the index and indexes every published item again.</summary>
    Task RebuildAsync(CancellationToken cancellationToken = default);

    Task<ContentSearchResult> SearchAsync(ContentSearchQuery query, CancellationToken cancellationToken = default);
}

public sealed record ContentSearchQuery
{
    public string? Text { get; init; }
    /// <summary>"fr" or "en"; an item without that translation is searched (and shown) in French.</summary>
    public string Language { get; init; } = ContentDraft.French;
    public ContentType? Type { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    /// <summary>Items scheduled after this moment are not public yet.</summary>
    public required DateTimeOffset Now { get; init; }
}

public sealed record ContentSearchHit(int ItemId, ContentType Type, string Slug, string Title, string SnippetHtml, DateTimeOffset? PublishAt, DateTimeOffset? StartsAt)
{
    /// <summary>The language of <see cref="Title"/> and the snippet: French when the item has no translation in the one searched.</summary>
    public string TextLanguage { get; init; } = ContentDraft.French;
}

public sealed record ContentSearchResult
{
    public IReadOnlyList<ContentSearchHit> Hits { get; init; } = [];
    public int Total { get; init; }
    public int Page { get; init; } = 1;
    public int PageCount { get; init; }
    /// <summary>Matches per type, ignoring the type filter (the facet).</summary>
    public IReadOnlyDictionary<ContentType, int> TypeCounts { get; init; } = new Dictionary<ContentType, int>();
    /// <summary>Why the query could not be run, in French (too long, only stop words…), or null.</summary>
    public string? Problem { get; init; }
    /// <summary>False when nothing was typed: the page shows the form alone.</summary>
    public bool Searched { get; init; }
}
