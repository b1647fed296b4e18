using System.Globalization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content.Search;

/// <summary>
/// SQLite: an FTS5 table per language of stems made in the app (<see cref="FrenchAnalysis"/>), ranked with bm25, the
/// title ten times the body; the rowid is the item's id. FTS5's own snippet() can only mark the column that matched,
/// here the stems; the snippet is therefore cut from the original text kept beside them and marked in the app with
/// the same analysis (<see cref="SearchSnippet.Build"/>).
/// </summary>
public sealed class SqliteContentSearch(EscaleDbContext db) : ContentSearchEngine(db)
{
    protected override async Task CreateAsync(CancellationToken cancellationToken)
    {
        foreach (var language in Languages)
        {
            await ExecuteAsync($"""
                CREATE VIRTUAL TABLE IF NOT EXISTS {Table(language)} USING fts5(
                    title, body, title_text UNINDEXED, body_text UNINDEXED,
                    tokenize = 'unicode61 remove_diacritics 2')
                """, cancellationToken);
        }
    }

    protected override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT NOT EXISTS (SELECT 1 FROM {Table(ContentDraft.French)})", cancellationToken) is 1L;

    protected override async Task ClearAsync(CancellationToken cancellationToken)
    {
        foreach (var language in Languages)
        {
            await ExecuteAsync($"DELETE FROM {Table(language)}", cancellationToken);
        }
    }

    protected override async Task WriteAsync(IReadOnlyCollection<int> removed, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        // Ids are integers from the database, never visitor input: inlining them keeps one statement per batch.
        var ids = string.Join(',', removed.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        foreach (var language in Languages)
        {
            await using (var delete = Command($"DELETE FROM {Table(language)} WHERE rowid IN ({ids})"))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            var rows = documents.Where(d => d.Language == language).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            await using var insert = Command(
                $"INSERT INTO {Table(language)} (rowid, title, body, title_text, body_text) VALUES ($rowid, $title, $body, $title_text, $body_text)");
            foreach (var name in new[] { "$rowid", "$title", "$body", "$title_text", "$body_text" })
            {
                Add(insert, name, "");
            }
            foreach (var document in rows)
            {
                insert.Parameters[0].Value = document.ItemId;
                insert.Parameters[1].Value = FrenchAnalysis.Stems(document.Title);
                insert.Parameters[2].Value = FrenchAnalysis.Stems(document.Body);
                insert.Parameters[3].Value = document.Title;
                insert.Parameters[4].Value = document.Body;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    protected override IQueryable<SearchMatch> Matches(ContentSearchTerms terms, string language)
    {
        // Each stem is a quoted FTS5 string (letters and digits only, quotes doubled all the same): implicit AND.
        var match = string.Join(' ', terms.Stems.Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        // The table name is one of two constants; the match expression goes as a parameter.
        var sql = $"SELECT rowid AS ItemId, bm25({Table(language)}, 10.0, 1.0) AS Rank FROM {Table(language)} WHERE {Table(language)} MATCH {{0}}";
        return Db.Database.SqlQueryRaw<SearchMatch>(sql, match);
    }

    protected override async Task<Dictionary<int, string>> SnippetsAsync(
        IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', itemIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var sql = $"SELECT rowid AS ItemId, body_text AS Body FROM {Table(language)} WHERE rowid IN ({ids})";
        var rows = await Db.Database.SqlQueryRaw<SnippetSource>(sql).ToListAsync(cancellationToken);
        var stems = terms.Stems.ToHashSet(StringComparer.Ordinal);
        return rows.ToDictionary(r => r.ItemId, r => SearchSnippet.Build(r.Body, stems));
    }

    private sealed class SnippetSource
    {
        public int ItemId { get; set; }
        public string Body { get; set; } = "";
    }
}
