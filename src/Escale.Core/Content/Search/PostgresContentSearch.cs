using System.Data.Common;
using Escale.Core.Data;
using Escale.Core.Text;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Content.Search;

/// <summary>
/// PostgreSQL: a table per language with a tsvector of the words' search forms (<see cref="FrenchWordForms"/>, made in the
/// app for the text and the query alike) and a GIN index, built with <c>escale_french</c>, a copy of the
/// built-in <c>french</c> configuration that runs words through <c>unaccent</c> before the French stemmer (so "ecole"
/// meets "École"); ranked with ts_rank (title weight A, body D), snippets by ts_headline on the original text.
/// See https://www.postgresql.org/docs/current/unaccent.html.
/// </summary>
public sealed class PostgresContentSearch(EscaleDbContext db) : ContentSearchEngine(db)
{
    private static readonly string Headline =
        $"StartSel={SearchSnippet.Open}, StopSel={SearchSnippet.Close}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    protected override DateTimeOffset? ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

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
        CREATE TABLE IF NOT EXISTS {{VersionTable}} (version integer NOT NULL);
        {{string.Join("\n", Languages.Select(language => $"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('{Table(language)}') AND attname = 'item_type') THEN
                    DROP TABLE IF EXISTS {Table(language)};
                END IF;
            END $$;
            CREATE TABLE IF NOT EXISTS {Table(language)} (
                item_id integer PRIMARY KEY,
                item_type smallint NOT NULL,
                publish_at timestamptz,
                title text NOT NULL,
                body text NOT NULL,
                document tsvector NOT NULL);
            -- A search ranks thousands of rows: their tsvector stays in the row, uncompressed, while the long body text
            -- (read for ten snippets) goes out of line first.
            ALTER TABLE {Table(language)} ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN document SET STORAGE MAIN;
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
                INSERT INTO {Table(language)} (item_id, item_type, publish_at, title, body, document)
                SELECT d.item_id, d.item_type, d.publish_at, d.title, d.body,
                       setweight(to_tsvector('escale_french', d.title_forms), 'A') || setweight(to_tsvector('escale_french', d.body_forms), 'D')
                FROM unnest(@item_ids, @item_types, @publish_ats, @titles, @bodies, @title_forms, @body_forms)
                    AS d(item_id, item_type, publish_at, title, body, title_forms, body_forms)
                """);
            Add(insert, "item_ids", rows.Select(d => d.ItemId).ToArray());
            Add(insert, "item_types", rows.Select(d => (short)d.Type).ToArray());
            Add(insert, "publish_ats", rows.Select(d => d.PublishAt?.UtcDateTime).ToArray());
            Add(insert, "titles", rows.Select(d => d.Title).ToArray());
            Add(insert, "bodies", rows.Select(d => d.Body).ToArray());
            // The words' search forms ("Infirmière·s" → "infirmier"), made in the app like the query's: the same folding on both sides.
            Add(insert, "title_forms", rows.Select(d => FrenchWordForms.Normalize(d.Title)).ToArray());
            Add(insert, "body_forms", rows.Select(d => FrenchWordForms.Normalize(d.Body)).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // plainto_tsquery reads the words as plain text (AND between them, no operators), and they are already letters
    // and digits only; PostgreSQL stems them itself.
    protected override async Task<List<SearchMatch>> MatchesAsync(ContentSearchTerms terms, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The table name is one of two constants; the words and the time go as parameters.
        return await ReadAsync($"""
            SELECT s.item_id, s.item_type, -ts_rank(s.document, q.query)::double precision
            FROM {Table(language)} s, plainto_tsquery('escale_french', @words) AS q(query)
            WHERE s.document @@ q.query AND s.publish_at <= @now
            """,
            command =>
            {
                Add(command, "words", string.Join(' ', terms.Forms));
                Add(command, "now", now.UtcDateTime);
            },
            reader => new SearchMatch(reader.GetInt32(0), (ContentType)reader.GetInt16(1), reader.GetDouble(2)), cancellationToken);
    }

    protected override async Task<Dictionary<int, SearchText>> SnippetsAsync(
        IReadOnlyList<int> itemIds, ContentSearchTerms terms, string language, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync($"""
            SELECT s.item_id, s.title,
                   ts_headline('escale_french', s.body, plainto_tsquery('escale_french', @words) || plainto_tsquery('escale_french', @forms), @options)
            FROM {Table(language)} s WHERE s.item_id = ANY(@ids)
            """,
            command =>
            {
                // The body is the original text, not its search forms: the words as typed mark "céramique", their forms
                // mark "infirmières" for "infirmier" (either query marks, as || is OR).
                Add(command, "words", string.Join(' ', terms.Words));
                Add(command, "forms", string.Join(' ', terms.Forms));
                Add(command, "options", Headline);
                Add(command, "ids", itemIds.ToArray());
            },
            reader => (Id: reader.GetInt32(0), Title: reader.GetString(1), Text: reader.GetString(2)), cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new SearchText(r.Title, SearchSnippet.FromMarked(r.Text)));
    }
}
