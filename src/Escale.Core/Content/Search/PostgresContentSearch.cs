using System.Globalization;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content.Search;

/// <summary>
/// PostgreSQL: a table per language with a tsvector and a GIN index, built with <c>escale_french</c>, a copy of the
/// built-in <c>french</c> configuration that runs words through <c>unaccent</c> before the French stemmer (so "ecole"
/// meets "École"); ranked with ts_rank (title weight A, body D), snippets by ts_headline on the original text.
/// See https://www.postgresql.org/docs/current/unaccent.html.
/// </summary>
public sealed class PostgresContentSearch(EscaleDbContext db) : ContentSearchEngine(db)
{
    private static readonly string Headline =
        $"StartSel={SearchSnippet.Open}, StopSel={SearchSnippet.Close}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    protected override Task CreateAsync(CancellationToken cancellationToken) => ExecuteAsync(
        // unaccent ships with Debian's postgresql package (contrib) and is a trusted extension since PostgreSQL 13: the
        // database owner may create it. The advisory lock lets two instances start at once.
        $$"""
        BEGIN;
        SELECT pg_advisory_xact_lock(7007);
        CREATE EXTENSION IF NOT EXISTS unaccent;
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'escale_french') THEN
                CREATE TEXT SEARCH CONFIGURATION escale_french (COPY = french);
                ALTER TEXT SEARCH CONFIGURATION escale_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
            END IF;
        END $$;
        {{string.Join("\n", Languages.Select(language => $"""
            CREATE TABLE IF NOT EXISTS {Table(language)} (
                item_id integer PRIMARY KEY,
                title text NOT NULL,
                body text NOT NULL,
                document tsvector NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_{Table(language)}_document ON {Table(language)} USING GIN (document);
            """))}}
        COMMIT;
        """, cancellationToken);

    protected override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarAsync($"SELECT NOT EXISTS (SELECT 1 FROM {Table(ContentDraft.French)})", cancellationToken) is true;

    protected override Task ClearAsync(CancellationToken cancellationToken) =>
        ExecuteAsync($"TRUNCATE {string.Join(", ", Languages.Select(Table))}", cancellationToken);

    protected override async Task WriteAsync(IReadOnlyCollection<int> removed, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var language in Languages)
        {
            await using (var delete = Command($"DELETE FROM {Table(language)} WHERE item_id = ANY(@ids)"))
            {
                Add(delete, "ids", removed.ToArray());
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            var rows = documents.Where(d => d.Language == language).ToList();
            if (rows.Count == 0)
            {
                continue;
            }
            await using var insert = Command($"""
                INSERT INTO {Table(language)} (item_id, title, body, document)
                SELECT d.item_id, d.title, d.body,
                       setweight(to_tsvector('escale_french', d.title), 'A') || setweight(to_tsvector('escale_french', d.body), 'D')
                FROM unnest(@item_ids, @titles, @bodies) AS d(item_id, title, body)
                """);
            Add(insert, "item_ids", rows.Select(d => d.ItemId).ToArray());
            Add(insert, "titles", rows.Select(d => d.Title).ToArray());
            Add(insert, "bodies", rows.Select(d => d.Body).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // plainto_tsquery reads the words as plain text (AND between them, no operators), and they are already letters
    // and digits only; PostgreSQL stems them itself.
    protected override IQueryable<SearchMatch> Matches(ContentSearchTerms terms, string language)
    {
        // The table name is one of two constants; the words go as a parameter.
        var sql = $$"""
            SELECT s.item_id AS "ItemId", -ts_rank(s.document, q.query)::double precision AS "Rank"
            FROM {{Table(language)}} s, plainto_tsquery('escale_french', {0}) AS q(query)
            WHERE s.document @@ q.query
            """;
        return Db.Database.SqlQueryRaw<SearchMatch>(sql, string.Join(' ', terms.Words));
    }

    protected override async Task<Dictionary<int, string>> SnippetsAsync(
        IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', itemIds.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        var sql = $$"""
            SELECT s.item_id AS "ItemId", ts_headline('escale_french', s.body, plainto_tsquery('escale_french', {0}), {1}) AS "Text"
            FROM {{Table(language)}} s WHERE s.item_id IN ({{ids}})
            """;
        var rows = await Db.Database.SqlQueryRaw<Marked>(sql, string.Join(' ', terms.Words), Headline).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ItemId, r => SearchSnippet.FromMarked(r.Text));
    }

    private sealed class Marked
    {
        public int ItemId { get; set; }
        public string Text { get; set; } = "";
    }
}
