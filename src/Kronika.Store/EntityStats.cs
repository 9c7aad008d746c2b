namespace Kronika.Store;

/// <summary>
/// Counts of each entity kept at write time, in both stores, so that entity lists and timelines read a few rows instead of
/// grouping every mention: per entity, the stories (articles that are not copies, `duplicate_of IS NULL`) mentioning it and
/// its mentions in them; per entity and publication day, the stories mentioning it. A write takes an article's share out
/// (<see cref="Remove"/>) before its row or mentions change, and puts it back (<see cref="Add"/>) after its mentions are
/// written, in the same transaction; each reads the article's row, so a copy counts nowhere and a story that becomes a copy
/// (or stops being one, or moves to another day) moves its share with it.
/// </summary>
public static class EntityStats
{
    /// <summary>How many of an entity's newest stories its page scans for co-mentioned entities and referenced days.</summary>
    public const int Scanned = 2000;

    /// <summary>The tables, with `day` the stores' type of a calendar day.</summary>
    public static string Tables(string day) => $"""
        CREATE TABLE IF NOT EXISTS entity_stats (
            entity_key TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            articles BIGINT NOT NULL,
            mentions BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS entity_stats_type ON entity_stats(type, articles DESC, mentions DESC);
        CREATE INDEX IF NOT EXISTS entity_stats_top ON entity_stats(articles DESC, mentions DESC);
        CREATE TABLE IF NOT EXISTS entity_days (
            entity_key TEXT NOT NULL,
            day {day} NOT NULL,
            articles BIGINT NOT NULL,
            PRIMARY KEY (entity_key, day));

        """;

    /// <summary>Fills the tables afresh from the stored mentions (the upgrade of a store from schema 12, or from an older one whose
    /// upgrade to 12 already created them).</summary>
    public const string Fill = """
        DELETE FROM entity_stats;
        DELETE FROM entity_days;
        INSERT INTO entity_stats (entity_key, type, articles, mentions)
            SELECT m.entity_key, e.type, COUNT(*), SUM(m.count) FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
            WHERE a.duplicate_of IS NULL GROUP BY m.entity_key, e.type;
        INSERT INTO entity_days (entity_key, day, articles)
            SELECT m.entity_key, a.date, COUNT(*) FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
            WHERE a.duplicate_of IS NULL GROUP BY m.entity_key, a.date;

        """;

    /// <summary>Takes article `@id`'s share out of the counts, if it is a story: run before its row or its mentions change.</summary>
    public const string Remove = """
        UPDATE entity_stats SET articles = entity_stats.articles - 1, mentions = entity_stats.mentions - m.count
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.article_id = @id AND a.duplicate_of IS NULL AND entity_stats.entity_key = m.entity_key;
        UPDATE entity_days SET articles = entity_days.articles - 1
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.article_id = @id AND a.duplicate_of IS NULL AND entity_days.entity_key = m.entity_key AND entity_days.day = a.date;
        DELETE FROM entity_stats WHERE articles <= 0 AND entity_key IN (SELECT entity_key FROM mentions WHERE article_id = @id);
        DELETE FROM entity_days WHERE articles <= 0 AND entity_key IN (SELECT entity_key FROM mentions WHERE article_id = @id);
        """;

    /// <summary>Puts article `@id`'s share into the counts, if it is a story: run after its mentions are written.</summary>
    public const string Add = """
        INSERT INTO entity_stats (entity_key, type, articles, mentions)
            SELECT m.entity_key, e.type, 1, m.count FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
            WHERE m.article_id = @id AND a.duplicate_of IS NULL
            ON CONFLICT (entity_key) DO UPDATE SET articles = entity_stats.articles + 1, mentions = entity_stats.mentions + excluded.mentions;
        INSERT INTO entity_days (entity_key, day, articles)
            SELECT m.entity_key, a.date, 1 FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
            WHERE m.article_id = @id AND a.duplicate_of IS NULL
            ON CONFLICT (entity_key, day) DO UPDATE SET articles = entity_days.articles + 1;
        """;

    /// <summary>
    /// The `@top` entities most mentioned with `@k` in the stories <paramref name="articlesOf"/> selects: the mentions
    /// grouped by entity first, and only the top rows joined to their names.
    /// </summary>
    public static string CoMentioned(string articlesOf) => $"""
        SELECT e.key, e.canonical, e.type, e.kb, c.mentions, c.articles FROM (
            SELECT m.entity_key, SUM(m.count) AS mentions, COUNT(*) AS articles FROM mentions m
            WHERE m.article_id IN ({articlesOf}) AND m.entity_key <> @k GROUP BY m.entity_key) c
        JOIN entities e ON e.key = c.entity_key
        ORDER BY c.articles DESC, c.mentions DESC, e.canonical LIMIT @top
        """;

    /// <summary>An entity's summary from the counts (`@k`, or the top `@top` of a type: <see cref="Top"/>).</summary>
    public const string One = """
        SELECT e.key, e.canonical, e.type, e.kb, s.mentions, s.articles FROM entity_stats s JOIN entities e ON e.key = s.entity_key
        WHERE s.entity_key = @k
        """;

    /// <summary>The `@top` entities (of type `@type` when <paramref name="typed"/>) by stories, then mentions, then name.</summary>
    public static string Top(bool typed) => $"""
        SELECT e.key, e.canonical, e.type, e.kb, s.mentions, s.articles FROM entity_stats s JOIN entities e ON e.key = s.entity_key
        {(typed ? "WHERE s.type = @type" : "")}
        ORDER BY s.articles DESC, s.mentions DESC, e.canonical LIMIT @top
        """;

    /// <summary>
    /// The entity `@k`'s newest <see cref="Scanned"/> stories, for what its page counts by scanning. An entity in at most
    /// four times as many stories has them read by its mentions (at most 4 × <see cref="Scanned"/> rows and their copies'); a
    /// commoner one walks the stories newest first back to the day its newest <see cref="Scanned"/> begin (read from
    /// `entity_days`), looking each up in `mentions` — for an entity in most stories, little more than <see cref="Scanned"/>.
    /// </summary>
    public static string Newest(int articles, int n = Scanned) => articles <= 4 * n ? ByMentions(n) : ByDates(n);

    /// <summary>The entity `@k`'s newest <paramref name="n"/> stories, read by its mentions.</summary>
    public static string ByMentions(int n) => $"""
        SELECT m.article_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.duplicate_of IS NULL AND m.entity_key = @k
        ORDER BY a.date DESC, a.id DESC LIMIT {n}
        """;

    /// <summary>The entity `@k`'s newest <paramref name="n"/> stories, walking the stories newest first back to the day they begin.</summary>
    public static string ByDates(int n) => $"""
        SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL
            AND a.date >= (SELECT min(d.day) FROM (SELECT day, SUM(articles) OVER (ORDER BY day DESC) - articles AS newer FROM entity_days WHERE entity_key = @k) d WHERE d.newer < {n})
            AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_key = @k)
        ORDER BY a.date DESC, a.id DESC LIMIT {n}
        """;
}
