using System.Data.Common;
using System.Globalization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Escale.Core.Content.Search;

/// <summary>What both engines share: which items to index, and the public filter, facet and paging around a match.</summary>
public abstract class ContentSearchEngine(EscaleDbContext db) : IContentSearch
{
    protected static readonly string[] Languages = [ContentDraft.French, ContentDraft.English];

    /// <summary>One table per language, so that a search reads only its language's rows; the name is never visitor input.</summary>
    protected static string Table(string language) => language == ContentDraft.English ? "content_search_en" : "content_search_fr";
    private const int RebuildBatch = 500;

    protected EscaleDbContext Db => db;

    /// <summary>Creates the table or virtual table and its indexes if missing.</summary>
    protected abstract Task CreateAsync(CancellationToken cancellationToken);
    protected abstract Task<bool> IsEmptyAsync(CancellationToken cancellationToken);
    protected abstract Task WriteAsync(IReadOnlyCollection<int> removed, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken);
    protected abstract Task ClearAsync(CancellationToken cancellationToken);
    /// <summary>
    /// The public matches of one language (published at or before <paramref name="now"/>, from the type and date kept in
    /// the index row): id, type and rank, lower first. Read with a plain data reader: thousands of rows may come back.
    /// </summary>
    protected abstract Task<List<SearchMatch>> MatchesAsync(ContentSearchTerms terms, string language, DateTimeOffset now, CancellationToken cancellationToken);
    /// <summary>The indexed title (the language's, else French) and a highlighted snippet, as safe HTML, for each of the page's items.</summary>
    protected abstract Task<Dictionary<int, SearchText>> SnippetsAsync(IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken);

    /// <summary>
    /// The version of the analysis the index was built with, kept in a one-row table: raise it when what is indexed for a
    /// text changes (2: words take their search form, <see cref="Text.FrenchWordForms"/>), and start-up rebuilds the index.
    /// </summary>
    private const int AnalysisVersion = 2;
    /// <summary>Created by each engine's <see cref="CreateAsync"/> beside its index (PostgreSQL: under its start-up lock).</summary>
    protected const string VersionTable = "content_search_version";

    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await CreateAsync(cancellationToken);
        var built = Convert.ToInt32(await ScalarAsync($"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}", cancellationToken), CultureInfo.InvariantCulture);
        if ((built != AnalysisVersion || await IsEmptyAsync(cancellationToken)) && await db.ContentItems.AnyAsync(c => c.Status == ContentStatus.Published, cancellationToken))
        {
            await RebuildAsync(cancellationToken);
        }
        if (built != AnalysisVersion)
        {
            await ExecuteAsync($"DELETE FROM {VersionTable}; INSERT INTO {VersionTable} (version) VALUES ({AnalysisVersion})", cancellationToken);
        }
    }

    public async Task IndexAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken = default)
    {
        if (itemIds.Count == 0)
        {
            return;
        }
        var items = await db.ContentItems.AsNoTracking()
            .Where(c => itemIds.Contains(c.Id) && c.Status == ContentStatus.Published)
            .Select(c => new
            {
                c.Id,
                c.Type,
                c.PublishAt,
                c.Venue,
                c.Organiser,
                Texts = c.Translations.Select(t => new { t.Language, t.Title, t.Summary, t.BodyMarkdown }).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        var documents = new List<SearchDocument>(items.Count * Languages.Length);
        foreach (var item in items)
        {
            foreach (var language in Languages)
            {
                // The visitor's language, else French: the same fallback the public pages show.
                var text = item.Texts.FirstOrDefault(t => t.Language == language) ?? item.Texts.FirstOrDefault(t => t.Language == ContentDraft.French);
                if (text is null)
                {
                    continue;
                }
                var body = string.Join("\n", new[] { text.Summary, ContentMarkdown.ToPlainText(text.BodyMarkdown), item.Venue, item.Organiser }
                    .Where(s => !string.IsNullOrWhiteSpace(s)));
                documents.Add(new SearchDocument(item.Id, language, item.Type, item.PublishAt, SearchSnippet.Clean(text.Title), SearchSnippet.Clean(body)));
            }
        }
        await InTransactionAsync(() => WriteAsync(itemIds, documents, cancellationToken), cancellationToken);
    }

    public Task RemoveAsync(IReadOnlyCollection<int> itemIds, CancellationToken cancellationToken = default) =>
        itemIds.Count == 0 ? Task.CompletedTask : InTransactionAsync(() => WriteAsync(itemIds, [], cancellationToken), cancellationToken);

    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        await ClearAsync(cancellationToken);
        var ids = await db.ContentItems.Where(c => c.Status == ContentStatus.Published).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(RebuildBatch))
        {
            await IndexAsync(batch, cancellationToken);
        }
    }

    public async Task<ContentSearchResult> SearchAsync(ContentSearchQuery query, CancellationToken cancellationToken = default)
    {
        var terms = ContentSearchTerms.Parse(query.Text);
        if (terms.IsEmpty)
        {
            return new ContentSearchResult { Problem = terms.Problem, Searched = terms.Problem is not null };
        }
        var language = query.Language == ContentDraft.English ? ContentDraft.English : ContentDraft.French;
        var now = query.Now;
        // One pass: every public match's type and rank (a few thousand small rows at most), then the facet counts,
        // the type filter and the page in memory. The type and date live in the index row: no join to ContentItems.
        var found = await MatchesAsync(terms, language, now, cancellationToken);

        var counts = new Dictionary<ContentType, int>();
        foreach (var match in found)
        {
            counts[match.Type] = counts.GetValueOrDefault(match.Type) + 1;
        }
        var filtered = query.Type is { } type ? found.FindAll(f => f.Type == type) : found;
        var total = filtered.Count;
        var pageSize = Math.Clamp(query.PageSize, 1, 50);
        var pageCount = (total + pageSize - 1) / pageSize;
        var page = Math.Clamp(query.Page, 1, Math.Max(1, pageCount));
        var ids = Page(filtered, (page - 1) * pageSize, pageSize);

        // The page's items are read from ContentItems with the public filter again: a row left stale by a write that
        // bypassed the interceptor (ExecuteUpdate, raw SQL) can miscount, never show a withdrawn item. A plain reader:
        // the same EF query cost about 4 ms a search on PostgreSQL.
        var items = (await PublicItemsAsync(ids, cancellationToken)).Where(i => i.PublishAt <= now).ToDictionary(i => i.Id);
        var snippets = ids.Count == 0 ? [] : await SnippetsAsync(ids, terms, language, cancellationToken);
        return new ContentSearchResult
        {
            Searched = true,
            Total = total,
            Page = page,
            PageCount = pageCount,
            TypeCounts = counts,
            Hits = [.. ids.Where(items.ContainsKey).Select(id => items[id]).Select(r => new ContentSearchHit(r.Id, r.Type, r.Slug,
                snippets.GetValueOrDefault(r.Id)?.Title ?? r.Slug, snippets.GetValueOrDefault(r.Id)?.SnippetHtml ?? "", r.PublishAt, r.StartsAt)
            {
                TextLanguage = language == ContentDraft.English && r.HasEnglish ? ContentDraft.English : ContentDraft.French,
            })],
        };
    }

    private async Task<List<PublicItem>> PublicItemsAsync(List<int> ids, CancellationToken cancellationToken) => ids.Count == 0 ? [] : await ReadAsync(
        // Integer ids from the index, never visitor input; SQLite takes the double-quoted names too.
        $"""
        SELECT "Id", "Type", "Slug", "PublishAt", "StartsAt",
          EXISTS (SELECT 1 FROM "ContentTranslations" t WHERE t."ContentItemId" = "ContentItems"."Id" AND t."Language" = '{ContentDraft.English}')
        FROM "ContentItems"
        WHERE "Id" IN ({string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) AND "Status" = '{nameof(ContentStatus.Published)}'
        """,
        _ => { },
        reader => new PublicItem(reader.GetInt32(0), Enum.Parse<ContentType>(reader.GetString(1)), reader.GetString(2), Time(reader, 3), Time(reader, 4),
            reader.GetBoolean(5)),
        cancellationToken);

    /// <summary>A DateTimeOffset column as the provider stores it (SQLite: EF's binary converter).</summary>
    protected abstract DateTimeOffset? ReadTime(DbDataReader reader, int ordinal);

    private DateTimeOffset? Time(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);

    private sealed record PublicItem(int Id, ContentType Type, string Slug, DateTimeOffset? PublishAt, DateTimeOffset? StartsAt, bool HasEnglish);

    /// <summary>
    /// The ids of <paramref name="count"/> matches from <paramref name="skip"/>, best rank first (then lowest id): a
    /// partial selection, not a sort of every match — page 1 of 7,000 matches keeps ten.
    /// </summary>
    internal static List<int> Page(List<SearchMatch> matches, int skip, int count)
    {
        var wanted = skip + count;
        if (wanted >= matches.Count / 4)
        {
            return [.. matches.OrderBy(m => m.Rank).ThenBy(m => m.ItemId).Skip(skip).Take(count).Select(m => m.ItemId)];
        }
        // A max-heap of the best `wanted` so far: its root is the worst of them, replaced when a better one comes.
        var best = new PriorityQueue<SearchMatch, SearchMatch>(wanted + 1, Worse);
        foreach (var match in matches)
        {
            if (best.Count < wanted)
            {
                best.Enqueue(match, match);
            }
            else if (Worse.Compare(match, best.Peek()) > 0)
            {
                best.DequeueEnqueue(match, match);
            }
        }
        return [.. best.UnorderedItems.Select(e => e.Element).OrderBy(m => m.Rank).ThenBy(m => m.ItemId).Skip(skip).Take(count).Select(m => m.ItemId)];
    }

    /// <summary>Orders the worse match first (higher rank, then higher id), for the heap above.</summary>
    private static readonly Comparer<SearchMatch> Worse = Comparer<SearchMatch>.Create((a, b) =>
        a.Rank != b.Rank ? b.Rank.CompareTo(a.Rank) : b.ItemId.CompareTo(a.ItemId));

    /// <summary>A command on the context's connection, inside its current transaction if any.</summary>
    protected DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    protected static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Runs on an open connection, in the caller's transaction or a new one (one commit for many rows).</summary>
    private async Task InTransactionAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.CurrentTransaction is not null)
            {
                await write();
                return;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await write();
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads rows with a plain data reader (no EF materialisation) on an open connection.</summary>
    protected async Task<List<T>> ReadAsync<T>(string sql, Action<DbCommand> parameters, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(sql);
            parameters(command);
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(row(reader));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(sql);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>
/// One item's text in one language, as indexed: title, and summary + body as plain text (+ an event's venue and
/// organiser); with its type and publication time, so that a search filters and counts without a join.
/// </summary>
public sealed record SearchDocument(int ItemId, string Language, ContentType Type, DateTimeOffset? PublishAt, string Title, string Body);

/// <summary>A hit's title as indexed, and its snippet as safe HTML.</summary>
public sealed record SearchText(string Title, string SnippetHtml);

/// <summary>A row of an engine's match query: lower rank first.</summary>
public readonly record struct SearchMatch(int ItemId, ContentType Type, double Rank);

/// <summary>Chooses the engine for the context's database provider.</summary>
public static class ContentSearchEngines
{
    public static IContentSearch For(EscaleDbContext db) => db.Database.ProviderName switch
    {
        DatabaseProviders.SqliteProviderName => new SqliteContentSearch(db),
        DatabaseProviders.PostgresProviderName => new PostgresContentSearch(db),
        var other => throw new InvalidOperationException($"No content search for the database provider '{other}'."),
    };
}
