using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Kronika.Store;

/// <summary>
/// The store on a shared PostgreSQL server: the same tables as <see cref="SqliteStore"/>, the articles' lemmas indexed
/// as a `simple` tsvector (GIN), ranked by ts_rank_cd. Batches are written in transactions.
/// </summary>
public sealed class PostgresStore : IStore
{
    /// <summary>
    /// The articles are partitioned by publication month (`articles_YYYY_MM`, made when a month's first article is
    /// written, see <see cref="AddMonths"/>): each month has its own GIN and B-tree indexes, and a read that names the
    /// date reads one month. A unique key of a partitioned table must hold the partition key, so what must be unique
    /// across all months (the source, the id) and the content hash copies are found by live in `article_keys`, one narrow
    /// unpartitioned row per article written in the same transaction; the layers reference it.
    /// </summary>
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS article_keys (
            article_id BIGINT PRIMARY KEY,
            source_id TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            -- The story this article is (its own id) or is a copy of (the original's id): coalesce(duplicate_of, id).
            original BIGINT NOT NULL,
            date DATE NOT NULL,
            -- The article's SimHash, for the near-copy look-up (StoryLookups.KeyQuarterIndexes).
            simhash BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS article_keys_hash ON article_keys(hash);
        CREATE INDEX IF NOT EXISTS article_keys_copies ON article_keys(original) WHERE original <> article_id;
        CREATE TABLE IF NOT EXISTS articles (
            id BIGSERIAL NOT NULL,
            source_id TEXT NOT NULL,
            name TEXT NOT NULL,
            hash TEXT NOT NULL,
            date DATE NOT NULL,
            language TEXT NOT NULL,
            duplicate_of BIGINT,
            simhash BIGINT NOT NULL,
            ingested TIMESTAMPTZ NOT NULL DEFAULT now(),
            title TEXT NOT NULL,
            url TEXT,
            site TEXT,
            spans BYTEA NOT NULL,
            story_id BIGINT,
            model TEXT,
            lemmas TEXT NOT NULL,
            text TEXT NOT NULL,
            features BYTEA,
            analysis BYTEA,
            tokens BYTEA,
            fts TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', lemmas)) STORED,
            PRIMARY KEY (id, date)) PARTITION BY RANGE (date);
        CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
        -- Stories newest first: a search with filters and no words walks it until its page is full.
        CREATE INDEX IF NOT EXISTS articles_story_date ON articles(date, id) WHERE duplicate_of IS NULL;
        CREATE INDEX IF NOT EXISTS articles_copies ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_model ON articles(model);
        CREATE INDEX IF NOT EXISTS articles_fts ON articles USING GIN (fts) WHERE duplicate_of IS NULL;
        -- One row per entity an article mentions: how often, and where (start, end pairs packed like the lemma spans).
        CREATE TABLE IF NOT EXISTS mentions (
            article_id BIGINT NOT NULL REFERENCES article_keys(article_id) ON DELETE CASCADE,
            entity_key TEXT NOT NULL,
            count INT NOT NULL,
            offsets BYTEA NOT NULL,
            PRIMARY KEY (article_id, entity_key));
        CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_key);
        """;

    private readonly NpgsqlDataSource _source;
    private People? _people;

    /// <summary>The writers' generation after this store's last batch (see <see cref="WriterGeneration"/>); -1 before any.</summary>
    private long _generation = -1;

    /// <summary>Marks the tables' version (as <see cref="SqliteStore.SchemaVersion"/> does in SQLite).</summary>
    private static readonly string SchemaComment = $"kronika schema {SqliteStore.SchemaVersion}";

    /// <summary>What turns a store of schema N into one of N + 1 (as in <see cref="SqliteStore"/>): 11 → 12, the tokens of an
    /// analysis in a column of their own (articles stored before keep their whole analysis in `analysis`); 12 → 13, the counts
    /// per entity and per entity and day (<see cref="EntityStats"/>), filled from the stored mentions; 13 → 14, the story
    /// postings without an index by article (found by the article's features and day); 14 → 15, the articles partitioned
    /// by month: the table is set aside here (its constraints, indexes and the layers' references to it dropped, so the new
    /// table can take their names), the new one made by <see cref="Schema"/>, and <see cref="Partitioned"/> moves the rows;
    /// 15 → 16, the SimHash copied into `article_keys` and its quarter indexes moved there from every month's partition.</summary>
    private static readonly Dictionary<int, string> Upgrades = new()
    {
        [11] = "ALTER TABLE articles ADD COLUMN IF NOT EXISTS tokens BYTEA;",
        [12] = EntityStats.Tables("DATE") + EntityStats.Fill,
        [13] = "DROP INDEX IF EXISTS story_postings_article;",
        [14] = """
            DO $$
            DECLARE r record;
            BEGIN
                IF (SELECT relkind FROM pg_class WHERE oid = to_regclass('articles')) = 'r' THEN
                    ALTER TABLE articles RENAME TO articles_14;
                    FOR r IN SELECT conname, conrelid::regclass AS t FROM pg_constraint WHERE confrelid = to_regclass('articles_14') LOOP
                        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname);
                    END LOOP;
                    FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = to_regclass('articles_14') AND contype IN ('p', 'u') LOOP
                        EXECUTE format('ALTER TABLE articles_14 DROP CONSTRAINT %I', r.conname);
                    END LOOP;
                    FOR r IN SELECT indexrelid::regclass AS i FROM pg_index WHERE indrelid = to_regclass('articles_14') LOOP
                        EXECUTE format('DROP INDEX %s', r.i);
                    END LOOP;
                END IF;
            END $$;
            """,
        [15] = """
            DO $$
            BEGIN
                IF to_regclass('article_keys') IS NOT NULL THEN
                    ALTER TABLE article_keys ADD COLUMN IF NOT EXISTS simhash BIGINT NOT NULL DEFAULT 0;
                    UPDATE article_keys k SET simhash = a.simhash FROM articles a WHERE a.id = k.article_id AND a.date = k.date;
                END IF;
            END $$;
            DROP INDEX IF EXISTS articles_sim0, articles_sim1, articles_sim2, articles_sim3;
            """,
    };

    /// <summary>The second half of the upgrade 14 → 15, after <see cref="Schema"/> made the partitioned table: a partition per
    /// month the old table holds, its rows moved (ids kept, the sequence moved past them), their keys written, the layers'
    /// references pointed at `article_keys`, the old table dropped.</summary>
    private const string Partitioned = """
        DO $$
        DECLARE m date;
        BEGIN
            IF to_regclass('articles_14') IS NOT NULL THEN
                FOR m IN SELECT DISTINCT date_trunc('month', date)::date FROM articles_14 LOOP
                    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF articles FOR VALUES FROM (%L) TO (%L)',
                        'articles_' || to_char(m, 'YYYY_MM'), m, (m + interval '1 month')::date);
                END LOOP;
                INSERT INTO articles (id, source_id, name, hash, date, language, duplicate_of, simhash, ingested, title, url, site, spans,
                        story_id, model, lemmas, text, features, analysis, tokens)
                    SELECT id, source_id, name, hash, date, language, duplicate_of, simhash, ingested, title, url, site, spans,
                        story_id, model, lemmas, text, features, analysis, tokens FROM articles_14;
                INSERT INTO article_keys (article_id, source_id, hash, original, date, simhash)
                    SELECT id, source_id, hash, coalesce(duplicate_of, id), date, simhash FROM articles_14;
                PERFORM setval(pg_get_serial_sequence('articles', 'id'), coalesce((SELECT max(id) FROM articles_14), 0) + 1, false);
                DROP TABLE articles_14;
                ALTER TABLE mentions ADD FOREIGN KEY (article_id) REFERENCES article_keys(article_id) ON DELETE CASCADE;
                ALTER TABLE times ADD FOREIGN KEY (article_id) REFERENCES article_keys(article_id) ON DELETE CASCADE;
                ALTER TABLE event_mentions ADD FOREIGN KEY (article_id) REFERENCES article_keys(article_id) ON DELETE CASCADE;
            END IF;
        END $$;
        """;

    /// <summary>
    /// Opens the store on the server <paramref name="connectionString"/> names, creating its tables (with
    /// <paramref name="create"/>) or upgrading an older store's. With <paramref name="readOnly"/> (an API server on a
    /// replica, which refuses any write) it only checks that the store is there with this schema version: every session
    /// is read-only (`default_transaction_read_only`), nothing is created, locked or upgraded, and <see cref="Write"/> refuses.
    /// </summary>
    public PostgresStore(string connectionString, bool create = true, bool readOnly = false)
    {
        ReadOnly = readOnly;
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 32 };
        if (readOnly) builder.Options = ((builder.Options ?? "") + " -c default_transaction_read_only=on").Trim();
        _source = NpgsqlDataSource.Create(builder.ToString());
        if (readOnly)
        {
            try
            {
                if (ProblemAsync().GetAwaiter().GetResult() is { } problem)
                    throw problem.StartsWith("the database holds no Kronika store", StringComparison.Ordinal)
                        ? new StoreMissingException(problem)
                        : new InvalidOperationException(problem + " (a read-only open does not upgrade it)");
            }
            catch
            {
                _source.Dispose();
                throw;
            }
            return;
        }
        try
        {
            CreateOrUpgrade(create);
        }
        catch
        {
            // Closing the pool ends its sessions, and with them the schema lock a failed open may still hold.
            _source.Dispose();
            throw;
        }
    }

    private void CreateOrUpgrade(bool create)
    {
        using var connection = _source.OpenConnection();
        using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(4711)", connection);
        lockCommand.ExecuteNonQuery();
        var upgrade = "";
        using (var version = new NpgsqlCommand("""
                   SELECT (SELECT obj_description(to_regclass('articles'), 'pg_class')), to_regclass('articles') IS NOT NULL
                   """, connection))
        using (var reader = version.ExecuteReader())
        {
            reader.Read();
            var found = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (reader.GetBoolean(1) && found != SchemaComment)
            {
                // An older store is upgraded step by step (under the schema lock held here), any other refused.
                var from = found?.StartsWith("kronika schema ", StringComparison.Ordinal) == true
                    && int.TryParse(found["kronika schema ".Length..], CultureInfo.InvariantCulture, out var v) ? v : -1;
                for (; from != SqliteStore.SchemaVersion; from++)
                    if (!Upgrades.TryGetValue(from, out var step))
                        throw new InvalidOperationException($"the database holds a store of another Kronika version ({found ?? "no version"}; this one reads {SchemaComment}); use a new database");
                    else upgrade += step;
            }
            if (!reader.GetBoolean(1) && !create)
            {
                reader.Close();
                using var unlockFirst = new NpgsqlCommand("SELECT pg_advisory_unlock(4711)", connection);
                unlockFirst.ExecuteNonQuery();
                throw new StoreMissingException("the database holds no Kronika store");
            }
        }
        // One batch, run as one implicit transaction: a failed upgrade leaves the store as it was.
        using (var command = new NpgsqlCommand(upgrade + Schema + StoryLookups.KeyQuarterIndexes + StoryGroups.Tables("DATE") + SharedTables.Of("BIGSERIAL", "DATE", "article_keys(article_id)") + ChronicleIndex.Table + EntityStats.Tables("DATE") + (upgrade.Length > 0 ? Partitioned : "") + $"COMMENT ON TABLE articles IS '{SchemaComment}';", connection))
            command.ExecuteNonQuery();
        using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(4711)", connection);
        unlock.ExecuteNonQuery();
    }

    /// <summary>Opened for reading only (see the constructor).</summary>
    public bool ReadOnly { get; }

    /// <summary>`postgres://user:password@host:port/database` as an Npgsql connection string.</summary>
    public static string ConnectionString(string uri)
    {
        var u = new Uri(uri);
        var user = u.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = u.Host,
            Port = u.Port > 0 ? u.Port : 5432,
            Database = Uri.UnescapeDataString(u.AbsolutePath.TrimStart('/')),
            Username = user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : null,
            Password = user.Length > 1 ? Uri.UnescapeDataString(user[1]) : null,
        };
        return builder.ToString();
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>Each story feature's count of stories as this writer last knew it (see <see cref="StoryGroups"/>).</summary>
    private readonly Dictionary<uint, long> _featureCounts = [];

    /// <summary>The chronicle events this writer knows (see <see cref="ChronicleIndex"/>).</summary>
    private readonly Dictionary<long, ChronicleIndex.Entry> _events = [];

    /// <summary>How long a writer waits for the others' batches (as SQLite's writers wait on the file lock), not the 30 s of any other statement.</summary>
    private const int WriterWaitSeconds = 600;

    /// <summary>The months whose partition this store has made or seen (see <see cref="AddMonths"/>).</summary>
    private readonly HashSet<DateOnly> _months = [];

    /// <summary>
    /// Makes the partition of each month of <paramref name="days"/> not yet known, in a short transaction of its own under
    /// the writers' lock: a new partition needs the whole `articles` table to itself, so it waits for no other writer's
    /// batch (none runs while this holds the lock) and keeps readers out only while it is made, not for a whole batch.
    /// </summary>
    private void AddMonths(NpgsqlConnection connection, IEnumerable<DateOnly> days)
    {
        var months = days.Select(d => new DateOnly(d.Year, d.Month, 1)).Where(m => !_months.Contains(m)).Distinct().ToList();
        if (months.Count == 0) return;
        using var transaction = connection.BeginTransaction();
        var sql = new StringBuilder("SELECT pg_advisory_xact_lock(4712);");
        foreach (var m in months)
        {
            var end = m.Year == 9999 && m.Month == 12 ? "MAXVALUE" : $"'{m.AddMonths(1):yyyy-MM-dd}'";
            sql.Append(CultureInfo.InvariantCulture, $"CREATE TABLE IF NOT EXISTS articles_{m:yyyy_MM} PARTITION OF articles FOR VALUES FROM ('{m:yyyy-MM-dd}') TO ({end});");
        }
        using (var command = Command(connection, sql.ToString(), transaction))
        {
            command.CommandTimeout = WriterWaitSeconds;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        _months.UnionWith(months);
    }

    /// <summary>How long this store's writes waited for the writers' lock (other writers' batches), in seconds.</summary>
    public double LockWaitSeconds { get; private set; }

    /// <summary>
    /// Writes the batch in one transaction under the writers' lock, after the batch's new months' partitions. Under the
    /// lock, each article's reads go in one round trip (its source's stored version, the first article with its content,
    /// the stories with a SimHash quarter in common, a new id), its story's and events' look-ups as few as they need, and every
    /// write waits (<see cref="DeferredWrites"/>) and goes with the next read: the lock is held for the decisions'
    /// round trips and the server's own work, not a round trip per statement.
    /// </summary>
    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch)
    {
        if (ReadOnly) throw new InvalidOperationException("the store is open read-only");
        using var connection = _source.OpenConnection();
        var outcomes = new List<WriteOutcome>(batch.Count);
        try
        {
            AddMonths(connection, batch.Select(a => a.Date));
            using var transaction = connection.BeginTransaction();
            // The writers' lock, held to the commit: what is a copy, a near-copy, which story and which chronicle event is
            // decided by one writer at a time, each seeing every batch committed before (READ COMMITTED, after the lock).
            var waited = System.Diagnostics.Stopwatch.StartNew();
            long generation;
            using (var writers = Command(connection, "SELECT pg_advisory_xact_lock(4712); " + WriterGeneration.Read, transaction))
            {
                writers.CommandTimeout = WriterWaitSeconds;
                // Two statements, so the generation is read after the lock is held (each statement sees what was committed before it).
                using var reader = writers.ExecuteReader();
                reader.NextResult();
                reader.Read();
                generation = reader.GetInt64(0);
            }
            LockWaitSeconds += waited.Elapsed.TotalSeconds;
            if (generation != _generation) Forget();
            _people ??= new People(ReadPeople(connection));
            if (_featureCounts.Count > StoryGroups.MaxCounts) _featureCounts.Clear();
            if (_events.Count > ChronicleIndex.MaxKnown) _events.Clear();
            using var writes = new DeferredWrites(connection, transaction);
            using var events = new ChronicleIndex(writes, (r, i) => r.GetFieldValue<DateOnly>(i), d => d, _events);
            var lookups = new PostgresStoryLookups(writes);
            var stories = new Stories(lookups);
            var groups = new StoryGroups(lookups, _featureCounts);
            using var chronicle = new ChronicleWriter(writes, d => d, tellsNew: true);
            foreach (var written in batch)
            {
                var a = written;
                (long Id, string Hash, string? Model)? sameSource = null;
                var sameSourceDate = default(DateOnly);
                (DateOnly Date, uint[] Features)? recorded = null; // the stored version's story features, when it is a story that has them
                long? sameContent = null;
                var similar = new List<(long Id, ulong SimHash)>();
                long? newId = null;
                // The stored version of the same source, the first article with the same content, the stories a near-copy
                // could be of and, for a source not stored, its new id (taken under the lock, so ids grow in the order
                // batches commit, as watches read them), in one round trip (with the writes waiting).
                using (var source = Command(connection, """
                    SELECT a.id, a.hash, a.model, a.date, CASE WHEN a.duplicate_of IS NULL THEN a.features END
                    FROM article_keys k JOIN articles a ON a.id = k.article_id AND a.date = k.date WHERE k.source_id = @s
                    """, transaction, ("s", a.SourceId)))
                using (var content = Command(connection, "SELECT original FROM article_keys WHERE hash = @h LIMIT 1", transaction, ("h", a.Hash)))
                using (var near = Command(connection, StoryLookups.KeySimilarQuery("@"), transaction, ("q0", StoryLookups.QuarterOf(a.SimHash, 0)),
                           ("q1", StoryLookups.QuarterOf(a.SimHash, 1)), ("q2", StoryLookups.QuarterOf(a.SimHash, 2)), ("q3", StoryLookups.QuarterOf(a.SimHash, 3))))
                using (var next = Command(connection, "SELECT nextval(pg_get_serial_sequence('articles', 'id')) WHERE NOT EXISTS (SELECT 1 FROM article_keys WHERE source_id = @s)",
                           transaction, ("s", a.SourceId)))
                using (var reader = writes.Reader([source, content, near, next]))
                {
                    if (reader.Read())
                    {
                        sameSource = (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                        sameSourceDate = reader.GetFieldValue<DateOnly>(3);
                        if (!reader.IsDBNull(4)) recorded = (sameSourceDate, StoryFeatures.Unpack(reader.GetFieldValue<byte[]>(4)));
                    }
                    reader.NextResult();
                    if (reader.Read()) sameContent = reader.GetInt64(0);
                    reader.NextResult();
                    while (reader.Read()) similar.Add((reader.GetInt64(0), unchecked((ulong)reader.GetInt64(1))));
                    reader.NextResult();
                    if (reader.Read()) newId = reader.GetInt64(0);
                }
                var (outcome, original) = stories.Decide(a, sameSource, sameContent, similar);
                outcomes.Add(outcome);
                if (outcome == WriteOutcome.Unchanged) continue;
                (a, var renamed) = _people.Resolve(a);
                foreach (var (key, canonical) in renamed)
                    using (var rename = Command(connection, "UPDATE entities SET canonical = @c, folded = @f WHERE key = @k", transaction, ("c", canonical), ("f", EntityNames.Fold(canonical)), ("k", key)))
                        writes.Run(rename);
                var story = original is { } o ? groups.StoryOf(o) ?? o : groups.Find(a.Features, a.Date, sameSource?.Id ?? 0);
                var values = new (string, object?)[]
                {
                    ("story", story), ("model", a.Model), ("features", StoryFeatures.Pack(a.Features)), ("analysis", a.Analysis), ("tokens", a.Tokens),
                    ("s", a.SourceId), ("h", a.Hash), ("d", a.Date), ("t", a.Title), ("u", a.Url), ("site", a.Site), ("lang", a.Language),
                    ("text", a.Text), ("lemmas", a.Lemmas), ("spans", Snippets.Pack(a.Spans)), ("sim", unchecked((long)a.SimHash)), ("dup", original),
                    ("name", a.Shown),
                };
                long id;
                if (sameSource is { Id: var old })
                {
                    // Replacing a stored article is rare: its statements run as they come.
                    writes.Flush();
                    using (var remove = Command(connection, EntityStats.Remove.Replace("a.id = m.article_id", "a.id = m.article_id AND a.date = @was"), transaction, ("id", old), ("was", sameSourceDate)))
                        remove.ExecuteNonQuery();
                    if (recorded is { } r) groups.Remove(old, r.Date, r.Features);
                    writes.Flush();
                    using (var update = Command(connection, """
                        UPDATE articles SET hash = @h, date = @d, title = @t, url = @u, site = @site, language = @lang, text = @text,
                            lemmas = @lemmas, spans = @spans, simhash = @sim, duplicate_of = @dup, name = @name, ingested = now(),
                            story_id = @story, model = @model, features = @features, analysis = @analysis, tokens = @tokens WHERE id = @id AND date = @was;
                        UPDATE article_keys SET hash = @h, date = @d, original = coalesce(@dup, @id), simhash = @sim WHERE article_id = @id;
                        """, transaction, [.. values, ("id", old), ("was", sameSourceDate)]))
                        update.ExecuteNonQuery();
                    using (var delete = Command(connection, "DELETE FROM mentions WHERE article_id = @id; DELETE FROM times WHERE article_id = @id; DELETE FROM event_mentions WHERE article_id = @id", transaction, ("id", old)))
                        delete.ExecuteNonQuery();
                    _events.Clear(); // its reports leave their events: their places are read again
                    id = old;
                }
                else
                {
                    id = newId!.Value;
                    using (var insert = Command(connection, """
                        INSERT INTO articles (id, source_id, hash, date, title, url, site, language, text, lemmas, spans, simhash, duplicate_of, name,
                            story_id, model, features, analysis, tokens)
                        VALUES (@id, @s, @h, @d, @t, @u, @site, @lang, @text, @lemmas, @spans, @sim, @dup, @name, @story, @model, @features, @analysis, @tokens)
                        """, transaction, [.. values, ("id", id)]))
                        writes.Run(insert);
                    using (var key = Command(connection, "INSERT INTO article_keys (article_id, source_id, hash, original, date, simhash) VALUES (@id, @s, @h, coalesce(@dup, @id), @d, @sim)",
                               transaction, ("id", id), ("s", a.SourceId), ("h", a.Hash), ("dup", original), ("d", a.Date), ("sim", unchecked((long)a.SimHash))))
                        writes.Run(key);
                }
                WriteLayers(writes, id, a, story: original is null);
                chronicle.Write(events, id, a);
                if (original is null) groups.Add(id, a.Date, a.Features);
            }
            groups.Flush();
            if (outcomes.Contains(WriteOutcome.Updated))
            {
                writes.Flush();
                using (var orphans = Command(connection, EventQueries.DeleteOrphans, transaction)) orphans.ExecuteNonQuery();
            }
            using (var next = Command(connection, WriterGeneration.Next, transaction)) writes.Run(next);
            writes.Flush();
            transaction.Commit();
            _generation = generation + 1;
        }
        catch
        {
            Forget();
            throw;
        }
        return outcomes;
    }

    /// <summary>Drops what this writer keeps in memory: the next batch reads it again from the database.</summary>
    private void Forget()
    {
        _people = null;
        _featureCounts.Clear();
        _events.Clear();
        _months.Clear();
        _generation = -1;
    }

    /// <summary>
    /// Writes the article's entities, mentions and time expressions and, when it is a <paramref name="story"/> (not a
    /// copy), puts its share into the entity counts: four statements with arrays unnested, not a statement per row, that
    /// wait in <paramref name="writes"/> for the next read.
    /// </summary>
    private void WriteLayers(DeferredWrites writes, long id, StoredArticle a, bool story)
    {
        var (connection, transaction) = ((NpgsqlConnection)writes.Connection, (NpgsqlTransaction)writes.Transaction);
        var entities = a.MentionsByEntity().ToList();
        var keys = entities.Select(e => e.Entity.EntityKey).ToArray();
        var types = entities.Select(e => e.Entity.Type).ToArray();
        var counts = entities.Select(e => e.Count).ToArray();
        using (var insert = Command(connection, "INSERT INTO entities SELECT * FROM unnest(@k, @c, @t, @kb, @f) ON CONFLICT DO NOTHING", transaction,
                   ("k", keys), ("c", entities.Select(e => e.Entity.Canonical).ToArray()), ("t", types), ("kb", entities.Select(e => e.Entity.Kb).ToArray()),
                   ("f", entities.Select(e => EntityNames.Fold(e.Entity.Canonical)).ToArray())))
            writes.Run(insert);
        using (var insert = Command(connection, "INSERT INTO mentions (article_id, entity_key, count, offsets) SELECT @id, * FROM unnest(@k, @n, @o)", transaction,
                   ("id", id), ("k", keys), ("n", counts), ("o", entities.Select(e => e.Offsets).ToArray())))
            writes.Run(insert);
        using (var insert = Command(connection, """
                   INSERT INTO times (article_id, start_offset, end_offset, type, value, mod, day_from, day_to)
                       SELECT @id, * FROM unnest(@ts, @te, @tt, @tv, @tm, @tf, @tto)
                   """, transaction,
                   ("id", id), ("ts", a.Times.Select(t => t.Start).ToArray()), ("te", a.Times.Select(t => t.End).ToArray()), ("tt", a.Times.Select(t => t.Type).ToArray()),
                   ("tv", a.Times.Select(t => t.Value).ToArray()), ("tm", a.Times.Select(t => t.Mod).ToArray()),
                   ("tf", a.Times.Select(t => t.From).ToArray()), ("tto", a.Times.Select(t => t.To).ToArray())))
            writes.Run(insert);
        if (!story || keys.Length == 0) return;
        // The counts from the arrays written above (as EntityStats.Add counts them from the rows), reading no article by id.
        using (var stats = Command(connection, """
                   INSERT INTO entity_stats (entity_key, type, articles, mentions) SELECT k, t, 1, n FROM unnest(@k, @t, @n) AS u(k, t, n)
                   ON CONFLICT (entity_key) DO UPDATE SET articles = entity_stats.articles + 1, mentions = entity_stats.mentions + excluded.mentions
                   """, transaction, ("k", keys), ("t", types), ("n", counts)))
            writes.Run(stats);
        using (var days = Command(connection, """
                   INSERT INTO entity_days (entity_key, day, articles) SELECT k, @d, 1 FROM unnest(@k) AS u(k)
                   ON CONFLICT (entity_key, day) DO UPDATE SET articles = entity_days.articles + 1
                   """, transaction, ("k", keys), ("d", a.Date)))
            writes.Run(days);
    }

    private List<(string, string)> ReadPeople(NpgsqlConnection connection)
    {
        var list = new List<(string, string)>();
        using var command = Command(connection, People.Query);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    private int Count(string sql)
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, sql);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public bool Holds(string sourceId, string hash)
    {
        using var connection = _source.OpenConnection();
        using var command = Command(connection, "SELECT 1 FROM article_keys WHERE source_id = @s AND hash = @h", null, ("s", sourceId), ("h", hash));
        return command.ExecuteScalar() is not null;
    }

    public int ArticleCount() => Count("SELECT COUNT(*) FROM article_keys");

    public int StoryCount() => Count("SELECT COUNT(*) FROM article_keys WHERE original = article_id");

    /// <summary>
    /// Runs a read on a connection of the pool. Cancelling <paramref name="ct"/> makes Npgsql ask the server to cancel the
    /// statement it is running; the read ends with <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<T> Read<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        return await read(connection);
    }

    public async Task<string?> ProblemAsync(CancellationToken ct = default)
    {
        try
        {
            return await Read(async connection =>
            {
                using var command = Command(connection, "SELECT obj_description(to_regclass('articles'), 'pg_class')");
                var found = await command.ExecuteScalarAsync(ct) as string;
                return found == SchemaComment ? null : $"the database holds {found ?? "no Kronika store"}, this version reads {SchemaComment}";
            }, ct);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return e.Message;
        }
    }

    public Task<IReadOnlyList<long>> StoryIdsAsync(SearchRequest request, CancellationToken ct = default) => Read<IReadOnlyList<long>>(async connection =>
    {
        var (sql, parameters) = Stories(request);
        var ids = new List<long>();
        using var select = Command(connection, sql + (request.Sort == SearchSort.Newest ? " ORDER BY a.date DESC, a.id DESC" : " ORDER BY a.date, a.id"), null, [.. parameters]);
        using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        return ids;
    }, ct);

    /// <summary>The SQL (and its parameters) of the ids of every story the search's query and filters match.</summary>
    private static (string Sql, List<(string, object?)> Parameters) Stories(SearchRequest request)
    {
        var where = new StringBuilder("a.duplicate_of IS NULL");
        var parameters = new List<(string, object?)>();
        if (request.Query is { } query) where.Append($" AND a.fts @@ ({ToTsQuery(query, parameters)})");
        AddFilters(request, where, parameters);
        return ($"SELECT a.id FROM articles a WHERE {where}", parameters);
    }

    public Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct = default) => Read(async connection =>
    {
        var where = new StringBuilder("a.duplicate_of IS NULL");
        var parameters = new List<(string, object?)>();
        var score = "0.0::float8";
        // Every order ends in the id: a total order, so pages neither repeat nor skip a story.
        var order = request.Sort == SearchSort.Oldest ? "a.date, a.id" : "a.date DESC, a.id DESC";
        if (request.Query is { } query)
        {
            var tsquery = ToTsQuery(query, parameters);
            where.Append($" AND a.fts @@ ({tsquery})");
            if (request.Sort == SearchSort.Relevance)
            {
                score = $"ts_rank_cd(a.fts, {tsquery})::float8";
                order = "score DESC, a.date DESC, a.id DESC";
            }
        }
        AddFilters(request, where, parameters);
        int total;
        using (var count = Command(connection, $"SELECT COUNT(*) FROM articles a WHERE {where}", null, [.. parameters]))
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var hits = new List<(long, double, DateOnly)>();
        using (var select = Command(connection, $"SELECT a.id, {score} AS score, a.date FROM articles a WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset", null,
                   [.. parameters, ("limit", request.Limit), ("offset", request.Offset)]))
        using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) hits.Add((reader.GetInt64(0), reader.GetDouble(1), reader.GetFieldValue<DateOnly>(2)));
        var matches = request.Query is { } q2 ? QueryParser.Matcher(q2) : _ => false;
        var page = new List<SearchHit>(hits.Count);
        foreach (var (id, s, date) in hits) page.Add(await Hit(connection, id, date, s, matches, ct));
        return new SearchPage(total, page);
    }, ct);

    /// <summary>One hit, read from its month's partition; its copies counted in `article_keys` (they may be of any month).</summary>
    private async Task<SearchHit> Hit(NpgsqlConnection connection, long id, DateOnly date, double score, Func<string, bool> matches, CancellationToken ct)
    {
        using var command = Command(connection, """
            SELECT date, title, name, url, text, lemmas, spans, (SELECT COUNT(*) FROM article_keys c WHERE c.original = @id AND c.article_id <> @id)
            FROM articles WHERE id = @id AND date = @d
            """, null, ("id", id), ("d", date));
        using var r = await command.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var (snippet, highlights) = Snippets.Make(r.GetString(4), r.GetString(5), Snippets.Unpack(r.GetFieldValue<byte[]>(6)), matches);
        return new SearchHit(id, r.GetFieldValue<DateOnly>(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), score,
            snippet, highlights, Convert.ToInt32(r.GetInt64(7)));
    }

    /// <summary>The query as a tsquery expression; every word goes in as a parameter, never as SQL or tsquery syntax.</summary>
    private static string ToTsQuery(QueryNode node, List<(string, object?)> parameters)
    {
        string Param(object value)
        {
            var name = $"p{parameters.Count}";
            parameters.Add((name, value));
            return "@" + name;
        }
        return node switch
        {
            TermNode t => "(" + string.Join(" || ", t.Alternatives.Select(a => $"plainto_tsquery('simple', {Param(a)})")) + ")",
            PrefixNode p => $"to_tsquery('simple', {Param("'" + p.Prefix.Replace("'", "''").Replace("\\", "") + "':*")})",
            PhraseNode ph => $"phraseto_tsquery('simple', {Param(string.Join(' ', ph.Lemmas))})",
            AndNode a => "(" + string.Join(" && ", a.Parts.Select(p => ToTsQuery(p, parameters))) + ")",
            OrNode o => "(" + string.Join(" || ", o.Parts.Select(p => ToTsQuery(p, parameters))) + ")",
            NotNode n => $"({ToTsQuery(n.Include, parameters)} && !!{ToTsQuery(n.Exclude, parameters)})",
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
    }

    private static void AddFilters(SearchRequest request, StringBuilder where, List<(string, object?)> parameters)
    {
        if (request.AfterId > 0) { where.Append(" AND a.id > @after"); parameters.Add(("after", request.AfterId)); }
        if (!request.EventDates)
        {
            if (request.From is { } f) { where.Append(" AND a.date >= @from"); parameters.Add(("from", f)); }
            if (request.To is { } t) { where.Append(" AND a.date <= @to"); parameters.Add(("to", t)); }
        }
        else if (request.From is not null || request.To is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM times t WHERE t.article_id = a.id AND t.day_from IS NOT NULL AND t.day_to >= @from AND t.day_from <= @to)");
            parameters.Add(("from", request.From ?? new DateOnly(1, 1, 1)));
            parameters.Add(("to", request.To ?? new DateOnly(9999, 12, 31)));
        }
        if (request.EntityKeys is { } keys)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.key = m.entity_key WHERE m.article_id = a.id AND m.entity_key = ANY(@keys)");
            parameters.Add(("keys", keys.ToArray()));
            if (request.Type is { } type) { where.Append(" AND e.type = @type"); parameters.Add(("type", type)); }
            where.Append(')');
        }
        else if (request.Type is { } type)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.key = m.entity_key WHERE m.article_id = a.id AND e.type = @type)");
            parameters.Add(("type", type));
        }
    }

    private async Task<List<EntitySummary>> Entities(NpgsqlConnection connection, string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        using var command = Command(connection, sql, null, parameters);
        var list = new List<EntitySummary>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new EntitySummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Convert.ToInt32(reader.GetInt64(4)), Convert.ToInt32(reader.GetInt64(5))));
        return list;
    }

    public Task<IReadOnlyList<EntitySummary>> EntitiesAsync(string? type, int top, CancellationToken ct = default) => Read<IReadOnlyList<EntitySummary>>(async connection =>
        await Entities(connection, EntityStats.Top(type is not null), ct, ("type", type), ("top", top)), ct);

    public Task<IReadOnlyList<string>> EntityKeysAsync(string name, CancellationToken ct = default) => Read<IReadOnlyList<string>>(async connection =>
    {
        using var command = Command(connection, $"SELECT key FROM entities WHERE {EntityNames.Condition('@')}", null, EntityNames.Parameters(name, '@'));
        var keys = new List<string>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
        return keys;
    }, ct);

    public Task<Timeline?> TimelineAsync(string entityKey, string period, int coMentioned, TimelineParts parts = TimelineParts.All, CancellationToken ct = default) => Read(async connection =>
    {
        var entity = (await Entities(connection, EntityStats.One, ct, ("k", entityKey))).FirstOrDefault();
        if (entity is null) return null;
        var format = period switch { "day" => "YYYY-MM-DD", "week" => "IYYY-\"W\"IW", _ => "YYYY-MM" };
        var articlesOf = EntityStats.Newest(entity.Articles);
        var byPublication = await Periods(connection, $"SELECT to_char(d.day, '{format}') AS p, SUM(d.articles)::bigint FROM entity_days d WHERE d.entity_key = @k GROUP BY p ORDER BY p", entityKey, ct);
        var byReference = parts.HasFlag(TimelineParts.ByReference)
            ? await Periods(connection, $"SELECT to_char(t.day_from, '{format}') AS p, COUNT(DISTINCT t.article_id) FROM times t WHERE t.day_from IS NOT NULL AND t.day_from = t.day_to AND t.article_id IN ({articlesOf}) GROUP BY p ORDER BY p", entityKey, ct)
            : [];
        var co = parts.HasFlag(TimelineParts.CoMentioned) ? await Entities(connection, EntityStats.CoMentioned(articlesOf), ct, ("k", entityKey), ("top", coMentioned)) : [];
        return new Timeline(entity, byPublication, byReference, co.Select(e => (e, e.Articles)).ToList());
    }, ct);

    private async Task<List<(string, int)>> Periods(NpgsqlConnection connection, string sql, string entityKey, CancellationToken ct)
    {
        using var command = Command(connection, sql, null, ("k", entityKey));
        var list = new List<(string, int)>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), Convert.ToInt32(reader.GetInt64(1))));
        return list;
    }

    public Task<StoredArticle?> GetAsync(long id, CancellationToken ct = default) => Read(async connection =>
    {
        StoredArticle article;
        using (var command = Command(connection, "SELECT source_id, hash, date, title, url, site, language, text, lemmas, spans, simhash, name, model, analysis, features, tokens FROM articles WHERE id = @id AND date = (SELECT date FROM article_keys WHERE article_id = @id)", null, ("id", id)))
        using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            article = new StoredArticle(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetString(8), Snippets.Unpack(reader.GetFieldValue<byte[]>(9)), unchecked((ulong)reader.GetInt64(10)), [], [], [])
            {
                Shown = reader.GetString(11),
                Model = reader.IsDBNull(12) ? null : reader.GetString(12),
                Analysis = reader.IsDBNull(13) ? null : reader.GetFieldValue<byte[]>(13),
                Features = reader.IsDBNull(14) ? [] : StoryFeatures.Unpack(reader.GetFieldValue<byte[]>(14)),
                Tokens = reader.IsDBNull(15) ? null : reader.GetFieldValue<byte[]>(15),
            };
        }
        List<StoredMention> mentions;
        using (var command = Command(connection, StoredMention.Select + "@id", null, ("id", id)))
        using (var r = await command.ExecuteReaderAsync(ct))
            mentions = await StoredMention.ReadAsync(r, ct);
        var times = new List<StoredTime>();
        using (var command = Command(connection, "SELECT start_offset, end_offset, type, value, mod, day_from, day_to FROM times WHERE article_id = @id ORDER BY start_offset", null, ("id", id)))
        using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                times.Add(new StoredTime(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6)));
        return (StoredArticle?)(article with { Mentions = mentions, Times = times });
    }, ct);

    public Task<EventPage> EventsAsync(EventRequest request, int mentions = 5, CancellationToken ct = default) => Read(async connection =>
    {
        var parameters = new List<(string, object?)>();
        var where = EventQueries.Where(request, (name, value) => parameters.Add((name, value)));
        int total;
        using (var count = Command(connection, EventQueries.Count(where), null, [.. parameters]))
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var events = new List<EventHit>();
        using (var page = Command(connection, EventQueries.Page(where), null, [.. parameters, ("limit", request.Limit), ("offset", request.Offset)]))
        using (var reader = await page.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                events.Add(new EventHit(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), [], [], Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), []));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var actors = new List<string>();
            var targets = new List<string>();
            using (var names = Command(connection, EventQueries.ParticipantNames, null, ("event", e.Id)))
            using (var reader = await names.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) (reader.GetString(0) == "actor" ? actors : targets).Add(reader.GetString(1));
            var list = new List<EventMentionHit>();
            using (var command = Command(connection, EventQueries.Mentions, null, ("event", e.Id), ("limit", mentions)))
            using (var r = await command.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct))
                    list.Add(new EventMentionHit(r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3),
                        r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetString(8),
                        r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11)));
            events[i] = e with { Actors = actors, Targets = targets, Mentions = list };
        }
        return new EventPage(total, events);
    }, ct);

    public Task SaveWatchAsync(Watch watch, CancellationToken ct = default) => Read(async connection =>
    {
        using var command = Command(connection, EventQueries.SaveWatch, null, ("name", watch.Name), ("query", watch.Query), ("entity", watch.Entity), ("seen", watch.SeenUpTo), ("created", watch.Created));
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task<IReadOnlyList<Watch>> WatchesAsync(CancellationToken ct = default) => Read<IReadOnlyList<Watch>>(async connection =>
    {
        var list = new List<Watch>();
        using var command = Command(connection, EventQueries.ListWatches);
        using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new Watch(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4)));
        return list;
    }, ct);

    public Task MarkSeenAsync(string name, long upTo, CancellationToken ct = default) => Read(async connection =>
    {
        using var command = Command(connection, EventQueries.MarkSeen, null, ("name", name), ("seen", upTo));
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task<long> LastArticleIdAsync(CancellationToken ct = default) => Read(async connection =>
    {
        using var command = Command(connection, EventQueries.LastArticleId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }, ct);

    private static DateOnly ReadDay(System.Data.Common.DbDataReader r, int i) => r.GetFieldValue<DateOnly>(i);

    /// <summary>The condition that reads article `@id` from its month's partition alone: its date from `article_keys`.</summary>
    private const string OneMonth = " AND date = (SELECT date FROM article_keys WHERE article_id = @id)";

    public Task<StoredAnalysis?> AnalysisAsync(long id, bool tokens = false, CancellationToken ct = default) => Read(c => ChronicleReads.AnalysisAsync(c, id, tokens, ct, OneMonth), ct);

    public IReadOnlyList<long> Stale(string model, long afterId, int limit)
    {
        using var connection = _source.OpenConnection();
        return ChronicleReads.Stale(connection, model, afterId, limit);
    }

    public int StaleCount(string model)
    {
        using var connection = _source.OpenConnection();
        return ChronicleReads.StaleCount(connection, model);
    }

    public Task<StoryInfo?> StoryAsync(long articleId, CancellationToken ct = default) => Read(c => ChronicleReads.StoryAsync(c, articleId, ReadDay, ct, StoryOf), ct);

    /// <summary>An article's story id: its story's row (the article itself, or the one it copies) found by key and read from its month alone.</summary>
    private const string StoryOf = """
        SELECT coalesce(s.story_id, s.id) FROM articles s
        WHERE s.id = (SELECT original FROM article_keys WHERE article_id = @id)
          AND s.date = (SELECT o.date FROM article_keys o WHERE o.article_id = (SELECT original FROM article_keys WHERE article_id = @id))
        """;

    public Task<ChroniclePage> ChronicleAsync(ChronicleRequest request, CancellationToken ct = default) => Read(connection =>
    {
        (string, List<(string, object?)>)? text = null;
        if (request.Query is { } q)
        {
            var parameters = new List<(string, object?)>();
            text = ($"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL AND a.fts @@ ({ToTsQuery(q, parameters)})", parameters);
        }
        return ChronicleReads.QueryAsync(connection, request, text, d => d, ReadDay, ct);
    }, ct);

    public Task<VolumeSeries> VolumeAsync(SearchRequest request, bool monthly, CancellationToken ct = default) => Read(connection =>
    {
        var (sql, parameters) = Stories(request);
        return Task.FromResult(ChartReads.Volume(connection, request, sql, parameters,
            column => $"to_char({column}, '{(monthly ? "YYYY-MM" : "YYYY-MM-DD")}')", d => d, ReadDay));
    }, ct);

    public Task<IReadOnlyList<PlaceCount>> PlacesAsync(PlaceRequest request, CancellationToken ct = default) => Read(connection =>
    {
        (string, List<(string, object?)>)? text = null;
        if (request.Query is { } q)
        {
            var parameters = new List<(string, object?)>();
            text = ($"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL AND a.fts @@ ({ToTsQuery(q, parameters)})", parameters);
        }
        return Task.FromResult(ChartReads.Places(connection, request, text, d => d));
    }, ct);

    public void Dispose() => _source.Dispose();
}
