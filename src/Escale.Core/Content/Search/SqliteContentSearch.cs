using System.Data.Common;
using System.Globalization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Escale.Core.Content.Search;

/// <summary>
/// SQLite: an FTS5 table per language of stems made in the app (<see cref="FrenchAnalysis"/>), ranked with bm25, the
/// title ten times the body; the rowid is the item's id. FTS5's own snippet() can only mark the column that matched,
/// here the stems; the snippet is therefore cut from the original text kept beside them and marked in the app with
/// the same analysis (<see cref="SearchSnippet.Build"/>).
/// </summary>
public sealed class SqliteContentSearch(EscaleDbContext db) : ContentSearchEngine(db)
{
    private static readonly DateTimeOffsetToBinaryConverter Times = new();

    protected override DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) => (DateTimeOffset)Times.ConvertFromProvider(reader.GetInt64(ordinal))!;

    /// <summary>Each indexed item's type and publication time (Unix milliseconds), for every language's table.</summary>
    private const string Items = "content_search_items";

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
        // Beside the FTS5 tables, not in them: a search reads the type and date of every match, and an FTS5 row holds
        // the whole text (overflow pages included), where this table's rows are a few bytes each, read by rowid.
        await ExecuteAsync($"CREATE TABLE IF NOT EXISTS {Items} (item_id INTEGER PRIMARY KEY, item_type INTEGER NOT NULL, publish_at INTEGER)", cancellationToken);
        await ExecuteAsync($"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer NOT NULL)", cancellationToken);
    }

    // The items table is checked, not the French one: a database indexed before it existed is rebuilt once.
    protected override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT NOT EXISTS (SELECT 1 FROM {Items})", cancellationToken) is 1L;

    protected override async Task ClearAsync(CancellationToken cancellationToken)
    {
        foreach (var table in Languages.Select(Table).Append(Items))
        {
            await ExecuteAsync($"DELETE FROM {table}", cancellationToken);
        }
    }

    protected override async Task WriteAsync(IReadOnlyCollection<int> removed, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        // Ids are integers from the database, never visitor input: inlining them keeps one statement per batch.
        var ids = string.Join(',', removed.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        await using (var delete = Command($"DELETE FROM {Items} WHERE item_id IN ({ids})"))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = Command($"INSERT OR REPLACE INTO {Items} (item_id, item_type, publish_at) VALUES ($item_id, $item_type, $publish_at)"))
        {
            foreach (var name in new[] { "$item_id", "$item_type", "$publish_at" })
            {
                Add(insert, name, 0);
            }
            foreach (var document in documents.DistinctBy(d => d.ItemId))
            {
                insert.Parameters[0].Value = document.ItemId;
                insert.Parameters[1].Value = (int)document.Type;
                insert.Parameters[2].Value = document.PublishAt is { } at ? at.ToUnixTimeMilliseconds() : DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
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

    protected override async Task<List<SearchMatch>> MatchesAsync(ContentSearchTerms terms, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Each stem is a quoted FTS5 string (letters and digits only, quotes doubled all the same): implicit AND.
        var match = string.Join(' ', terms.Stems.Select(s => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        // The table name is one of two constants; the match expression and the time go as parameters. CROSS JOIN keeps
        // SQLite's order: the FTS5 match first, then each match's type and date by rowid.
        return await ReadAsync($"""
            SELECT i.item_id, i.item_type, bm25({Table(language)}, 10.0, 1.0)
            FROM {Table(language)} CROSS JOIN {Items} i ON i.item_id = {Table(language)}.rowid
            WHERE {Table(language)} MATCH $match AND i.publish_at <= $now
            """,
            command =>
            {
                Add(command, "$match", match);
                Add(command, "$now", now.ToUnixTimeMilliseconds());
            },
            reader => new SearchMatch(reader.GetInt32(0), (ContentType)reader.GetInt32(1), reader.GetDouble(2)), cancellationToken);
    }

    protected override async Task<Dictionary<int, SearchText>> SnippetsAsync(
        IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', itemIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var stems = terms.Stems.ToHashSet(StringComparer.Ordinal);
        var rows = await ReadAsync($"SELECT rowid, title_text, body_text FROM {Table(language)} WHERE rowid IN ({ids})", _ => { },
            reader => (Id: reader.GetInt32(0), Title: reader.GetString(1), Body: reader.GetString(2)), cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SearchText(r.Title, SearchSnippet.Build(r.Body, stems)));
    }
}
