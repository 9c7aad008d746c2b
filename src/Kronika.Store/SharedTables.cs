namespace Kronika.Store;

/// <summary>
/// The tables both stores define alike, in their own types (`id` for a generated key, `day` for a calendar day):
/// entities, time expressions, chronicle events (with their participants and reports), watches and the writers' generation.
/// The layers of an article reference the table `articles` names (PostgreSQL: `article_keys`, its articles being partitioned).
/// </summary>
public static class SharedTables
{
    public static string Of(string id, string day, string articles = "articles(id)") => $"""
        CREATE TABLE IF NOT EXISTS entities (
            key TEXT PRIMARY KEY,
            canonical TEXT NOT NULL,
            type TEXT NOT NULL,
            kb TEXT,
            folded TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS entities_folded ON entities(folded);
        CREATE INDEX IF NOT EXISTS entities_kb ON entities(kb);
        CREATE TABLE IF NOT EXISTS times (
            article_id BIGINT NOT NULL REFERENCES {articles} ON DELETE CASCADE,
            start_offset INT NOT NULL,
            end_offset INT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            mod TEXT,
            day_from {day},
            day_to {day});
        CREATE INDEX IF NOT EXISTS times_article ON times(article_id);

        CREATE TABLE IF NOT EXISTS events (
            id {id} PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            mode TEXT,
            date TEXT,
            day_from {day} NOT NULL,
            day_to {day} NOT NULL,
            reported {day} NOT NULL);
        CREATE INDEX IF NOT EXISTS events_day ON events(day_from);
        CREATE INDEX IF NOT EXISTS events_reported ON events(reported);
        -- The chronicle's type filter, within its dates.
        CREATE INDEX IF NOT EXISTS events_type_day ON events(type, day_from);
        CREATE TABLE IF NOT EXISTS event_participants (
            event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            entity_key TEXT NOT NULL,
            role TEXT NOT NULL,
            side TEXT NOT NULL,
            PRIMARY KEY (event_id, entity_key, role));
        -- The chronicle's participant filters read these alone (key or side, role, event), never the table; they
        -- replace the indexes on the key and on the side alone.
        DROP INDEX IF EXISTS event_participants_entity;
        DROP INDEX IF EXISTS event_participants_side;
        CREATE INDEX IF NOT EXISTS event_participants_entity_role ON event_participants(entity_key, role, event_id);
        CREATE INDEX IF NOT EXISTS event_participants_side_role ON event_participants(side, role, event_id);
        CREATE TABLE IF NOT EXISTS event_mentions (
            article_id BIGINT NOT NULL REFERENCES {articles} ON DELETE CASCADE,
            trigger_start INT NOT NULL,
            trigger_end INT NOT NULL,
            event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            sentence_start INT NOT NULL,
            sentence TEXT NOT NULL,
            modality TEXT NOT NULL,
            source TEXT,
            location TEXT,
            quantities TEXT NOT NULL,
            date TEXT,
            day_from {day} NOT NULL,
            day_to {day} NOT NULL,
            location_key TEXT,
            location_side TEXT,
            PRIMARY KEY (article_id, trigger_start));
        CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event_id);
        -- The chronicle's text filter (articles a query matches → their events) and place filter read these alone.
        CREATE INDEX IF NOT EXISTS event_mentions_article_event ON event_mentions(article_id, event_id);
        CREATE INDEX IF NOT EXISTS event_mentions_place ON event_mentions(location_key, event_id);
        CREATE TABLE IF NOT EXISTS watches (
            name TEXT PRIMARY KEY,
            query TEXT,
            entity TEXT,
            seen_up_to BIGINT NOT NULL,
            created TEXT NOT NULL);
        -- How many batches writers have committed: a writer whose last batch was not the last one committed reads what
        -- it keeps in memory again (see WriterGeneration).
        CREATE TABLE IF NOT EXISTS writers (
            id INT PRIMARY KEY,
            generation BIGINT NOT NULL);
        INSERT INTO writers VALUES (1, 0) ON CONFLICT DO NOTHING;
        """;
}

/// <summary>
/// Several writers on one store (processes on any machines): each batch is written while holding the store's one
/// write lock (PostgreSQL: a transaction-level advisory lock; SQLite: the file's write lock, taken when the transaction
/// begins), and bumps the generation. A writer that finds the generation moved since its own last batch knows another
/// writer committed in between, and reads again whatever it keeps in memory (people, chronicle events) before deciding
/// anything; copies, near-copies and stories are looked up in the database itself (<see cref="StoryLookups"/>).
/// </summary>
public static class WriterGeneration
{
    public const string Read = "SELECT generation FROM writers WHERE id = 1";

    public const string Next = "UPDATE writers SET generation = generation + 1 WHERE id = 1";
}
