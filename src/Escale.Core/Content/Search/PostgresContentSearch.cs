using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content.Search;

/// <summary>
/// PostgreSQL: a tsvector per item and language in a GIN-indexed table, built with <c>escale_french</c>, a copy of the
/// built-in <c>french</c> configuration that runs words through <c>unaccent</c> before the French stemmer (so "ecole"
/// meets "École"); ranked with ts_rank (title weight A, body D), snippets by ts_headline on the original text.
/// See https://www.postgresql.org/docs/current/unaccent.html.
/// </summary>
public sealed class PostgresContentSearch(EscaleDbContext db) : ContentSearchEngine(db)
{
    private const string Configuration = "escale_french";
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
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{{Configuration}}') THEN
                CREATE TEXT SEARCH CONFIGURATION {{Configuration}} (COPY = french);
                ALTER TEXT SEARCH CONFIGURATION {{Configuration}} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
            END IF;
        END $$;
        CREATE TABLE IF NOT EXISTS content_search (
            item_id integer NOT NULL,
            language varchar(2) NOT NULL,
            title text NOT NULL,
            body text NOT NULL,
            document tsvector NOT NULL,
            PRIMARY KEY (item_id, language));
        CREATE INDEX IF NOT EXISTS ix_content_search_document ON content_search USING GIN (document);
        COMMIT;
        """, cancellationToken);

    protected override async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT NOT EXISTS (SELECT 1 FROM content_search)", cancellationToken) is true;

    protected override Task ClearAsync(CancellationToken cancellationToken) => ExecuteAsync("TRUNCATE content_search", cancellationToken);

    protected override async Task WriteAsync(IReadOnlyCollection<int> removed, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        await using (var delete = Command("DELETE FROM content_search WHERE item_id = ANY(@ids)"))
        {
            Add(delete, "ids", removed.ToArray());
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        if (documents.Count == 0)
        {
            return;
        }
        await using var insert = Command($"""
            INSERT INTO content_search (item_id, language, title, body, document)
            SELECT d.item_id, d.language, d.title, d.body,
                   setweight(to_tsvector('{Configuration}', d.title), 'A') || setweight(to_tsvector('{Configuration}', d.body), 'D')
            FROM unnest(@item_ids, @languages, @titles, @bodies) AS d(item_id, language, title, body)
            """);
        Add(insert, "item_ids", documents.Select(d => d.ItemId).ToArray());
        Add(insert, "languages", documents.Select(d => d.Language).ToArray());
        Add(insert, "titles", documents.Select(d => d.Title).ToArray());
        Add(insert, "bodies", documents.Select(d => d.Body).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    // plainto_tsquery reads the words as plain text (AND between them, no operators), and they are already letters
    // and digits only; PostgreSQL stems them itself.
    protected override IQueryable<SearchMatch> Matches(ContentSearchTerms terms, string language) =>
        Db.Database.SqlQuery<SearchMatch>($"""
            SELECT s.item_id AS "ItemId", -ts_rank(s.document, q.query)::double precision AS "Rank"
            FROM content_search s, plainto_tsquery('escale_french', {string.Join(' ', terms.Words)}) AS q(query)
            WHERE s.language = {language} AND s.document @@ q.query
            """);

    protected override async Task<Dictionary<int, string>> SnippetsAsync(
        IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken)
    {
        var ids = itemIds.ToArray();
        var rows = await Db.Database.SqlQuery<Marked>($"""
            SELECT s.item_id AS "ItemId", ts_headline('escale_french', s.body, plainto_tsquery('escale_french', {string.Join(' ', terms.Words)}), {Headline}) AS "Text"
            FROM content_search s WHERE s.language = {language} AND s.item_id = ANY({ids})
            """).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ItemId, r => SearchSnippet.FromMarked(r.Text));
    }

    private sealed class Marked
    {
        public int ItemId { get; set; }
        public string Text { get; set; } = "";
    }
}
