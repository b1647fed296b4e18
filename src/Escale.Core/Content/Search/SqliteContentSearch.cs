using System.Globalization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content.Search;

/// <summary>
/// SQLite: an FTS5 table of stems made in the app (<see cref="FrenchAnalysis"/>), ranked with bm25, title ten times the body.
/// The rowid encodes the item and the language (id × 2, + 1 for English), so that a page's rows are found by key.
/// FTS5's own snippet() can only mark the column that matched, here the stems; the snippet is therefore cut from the
/// original text kept beside them and marked in the app with the same analysis (<see cref="SearchSnippet.Build"/>).
/// </summary>
public sealed class SqliteContentSearch(EscaleDbContext db) : ContentSearchEngine(db)
{
    protected override Task CreateAsync(CancellationToken cancellationToken) => ExecuteAsync(
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS content_search USING fts5(
            title, body, title_text UNINDEXED, body_text UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2')
        """, cancellationToken);

    protected override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT NOT EXISTS (SELECT 1 FROM content_search)", cancellationToken) is 1L;

    protected override Task ClearAsync(CancellationToken cancellationToken) => ExecuteAsync("DELETE FROM content_search", cancellationToken);

    protected override async Task WriteAsync(IReadOnlyCollection<int> removed, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        // Ids are integers from the database, never visitor input: inlining them keeps one statement per batch.
        var rowIds = string.Join(',', removed.SelectMany(id => new[] { RowId(id, ContentDraft.French), RowId(id, ContentDraft.English) })
            .Select(r => r.ToString(CultureInfo.InvariantCulture)));
        await using (var delete = Command($"DELETE FROM content_search WHERE rowid IN ({rowIds})"))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        if (documents.Count == 0)
        {
            return;
        }
        await using var insert = Command(
            "INSERT INTO content_search (rowid, title, body, title_text, body_text) VALUES ($rowid, $title, $body, $title_text, $body_text)");
        foreach (var name in new[] { "$rowid", "$title", "$body", "$title_text", "$body_text" })
        {
            Add(insert, name, "");
        }
        foreach (var document in documents)
        {
            insert.Parameters[0].Value = RowId(document.ItemId, document.Language);
            insert.Parameters[1].Value = FrenchAnalysis.Stems(document.Title);
            insert.Parameters[2].Value = FrenchAnalysis.Stems(document.Body);
            insert.Parameters[3].Value = document.Title;
            insert.Parameters[4].Value = document.Body;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    protected override IQueryable<SearchMatch> Matches(ContentSearchTerms terms, string language)
    {
        // Each stem is a quoted FTS5 string (letters and digits only, quotes doubled all the same): implicit AND.
        var match = string.Join(' ', terms.Stems.Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var parity = language == ContentDraft.English ? 1 : 0;
        return Db.Database.SqlQuery<SearchMatch>($"""
            SELECT rowid / 2 AS ItemId, bm25(content_search, 10.0, 1.0) AS Rank
            FROM content_search WHERE content_search MATCH {match} AND rowid % 2 = {parity}
            """);
    }

    protected override async Task<Dictionary<int, string>> SnippetsAsync(
        IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken)
    {
        var rowIds = itemIds.Select(id => RowId(id, language)).ToList();
        var rows = await Db.Database.SqlQuery<SnippetSource>($"SELECT rowid AS RowId, body_text AS Body FROM content_search")
            .Where(r => rowIds.Contains(r.RowId)).ToListAsync(cancellationToken);
        var stems = terms.Stems.ToHashSet(StringComparer.Ordinal);
        return rows.ToDictionary(r => (int)(r.RowId / 2), r => SearchSnippet.Build(r.Body, stems));
    }

    private static long RowId(int itemId, string language) => itemId * 2L + (language == ContentDraft.English ? 1 : 0);

    private sealed class SnippetSource
    {
        public long RowId { get; set; }
        public string Body { get; set; } = "";
    }
}
