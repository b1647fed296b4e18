using System.Data.Common;
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
    /// <summary>The matching documents of one language with a rank, lower first; composable, so the public filter joins it.</summary>
    protected abstract IQueryable<SearchMatch> Matches(ContentSearchTerms terms, string language);
    /// <summary>A highlighted snippet, as safe HTML, for each of the page's items.</summary>
    protected abstract Task<Dictionary<int, string>> SnippetsAsync(IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken);

    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await CreateAsync(cancellationToken);
        if (await IsEmptyAsync(cancellationToken) && await db.ContentItems.AnyAsync(c => c.Status == ContentStatus.Published, cancellationToken))
        {
            await RebuildAsync(cancellationToken);
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
                documents.Add(new SearchDocument(item.Id, language, SearchSnippet.Clean(text.Title), SearchSnippet.Clean(body)));
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
        // the type filter and the page in memory. Two SQL passes (count, then page) cost twice the ranking.
        var found = await (from match in Matches(terms, language)
                           join item in db.ContentItems on match.ItemId equals item.Id
                           where item.Status == ContentStatus.Published && item.PublishAt <= now
                           select new { item.Id, item.Type, match.Rank }).ToListAsync(cancellationToken);

        var counts = found.GroupBy(f => f.Type).ToDictionary(g => g.Key, g => g.Count());
        var filtered = query.Type is { } type ? found.Where(f => f.Type == type).ToList() : found;
        var total = filtered.Count;
        var pageSize = Math.Clamp(query.PageSize, 1, 50);
        var pageCount = (total + pageSize - 1) / pageSize;
        var page = Math.Clamp(query.Page, 1, Math.Max(1, pageCount));
        var ids = filtered.OrderBy(f => f.Rank).ThenBy(f => f.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(f => f.Id).ToList();

        var items = await db.ContentItems.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Type, c.Slug, c.PublishAt, c.StartsAt }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var titles = (await db.ContentTranslations.AsNoTracking()
                .Where(t => ids.Contains(t.ContentItemId) && (t.Language == language || t.Language == ContentDraft.French))
                .Select(t => new { t.ContentItemId, t.Language, t.Title }).ToListAsync(cancellationToken))
            .GroupBy(t => t.ContentItemId)
            .ToDictionary(g => g.Key, g => (g.FirstOrDefault(t => t.Language == language) ?? g.First()).Title);
        var snippets = ids.Count == 0 ? [] : await SnippetsAsync(ids, terms, language, cancellationToken);
        return new ContentSearchResult
        {
            Searched = true,
            Total = total,
            Page = page,
            PageCount = pageCount,
            TypeCounts = counts,
            Hits = [.. ids.Where(items.ContainsKey).Select(id => items[id]).Select(r => new ContentSearchHit(r.Id, r.Type, r.Slug,
                titles.GetValueOrDefault(r.Id, r.Slug), snippets.GetValueOrDefault(r.Id, ""), r.PublishAt, r.StartsAt))],
        };
    }

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

/// <summary>One item's text in one language, as indexed: title, and summary + body as plain text (+ an event's venue and organiser).</summary>
public sealed record SearchDocument(int ItemId, string Language, string Title, string Body);

/// <summary>A row of an engine's match query.</summary>
public sealed class SearchMatch
{
    public int ItemId { get; set; }
    public double Rank { get; set; }
}

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
