using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Kronika.Store;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, written in transactions (a killed process leaves every committed
/// batch and nothing half-written), searched through an FTS5 index of the articles' lemmas ranked by BM25.
/// </summary>
public sealed class SqliteStore : IStore
{
    // Settings of each connection (WAL mode stays with the file once set).
    private const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA mmap_size = 1073741824;
        PRAGMA cache_size = -262144;
        PRAGMA foreign_keys = ON;
        """;

    private const string Schema = """
        -- Small columns first: filters read them without walking the overflow pages of the text.
        CREATE TABLE IF NOT EXISTS articles (
            id INTEGER PRIMARY KEY,
            source_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            hash TEXT NOT NULL,
            date TEXT NOT NULL,
            language TEXT NOT NULL,
            duplicate_of INTEGER,
            simhash INTEGER NOT NULL,
            ingested TEXT NOT NULL,
            title TEXT NOT NULL,
            facets TEXT NOT NULL,
            url TEXT,
            site TEXT,
            spans BLOB NOT NULL,
            story_id INTEGER,
            model TEXT,
            lemmas TEXT NOT NULL,
            text TEXT NOT NULL,
            features BLOB,
            analysis BLOB,
            tokens BLOB);
        CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
        CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
        -- Stories newest first: a search with filters and no words walks it until its page is full.
        CREATE INDEX IF NOT EXISTS articles_story_date ON articles(date, id) WHERE duplicate_of IS NULL;
        CREATE INDEX IF NOT EXISTS articles_copies ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_model ON articles(model);
        -- One row per entity an article mentions: how often, and where (start, end pairs packed like the lemma spans).
        CREATE TABLE IF NOT EXISTS mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_key TEXT NOT NULL,
            count INTEGER NOT NULL,
            offsets BLOB NOT NULL,
            PRIMARY KEY (article_id, entity_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_key);
        -- The lemmas, and the filters as facet words (see Facets), so that filters are index intersections too.
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(lemmas, facets, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        -- Only stories are indexed: copies are never search results, and searching needs no join to leave them out.
        CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles WHEN new.duplicate_of IS NULL BEGIN
            INSERT INTO articles_fts(rowid, lemmas, facets) VALUES (new.id, new.lemmas, new.facets);
        END;
        CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, lemmas, facets) SELECT 'delete', old.id, old.lemmas, old.facets WHERE old.duplicate_of IS NULL;
            INSERT INTO articles_fts(rowid, lemmas, facets) SELECT new.id, new.lemmas, new.facets WHERE new.duplicate_of IS NULL;
        END;
        CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles WHEN old.duplicate_of IS NULL BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, lemmas, facets) VALUES ('delete', old.id, old.lemmas, old.facets);
        END;
        """;

    private readonly SqliteConnection _connection;
    private People? _people;

    /// <summary>The writers' generation after this store's last batch (see <see cref="WriterGeneration"/>); -1 before any.</summary>
    private long _generation = -1;

    // What this process already wrote and need not write again: entity rows. Cleared with a failed batch, whose rows
    // were rolled back, and when another writer committed in between.
    private readonly HashSet<string> _entitiesWritten = new(StringComparer.Ordinal);

    /// <summary>Each story feature's count of stories as this writer last knew it (see <see cref="StoryGroups"/>).</summary>
    private readonly Dictionary<uint, long> _featureCounts = [];

    /// <summary>The chronicle events this writer knows (see <see cref="ChronicleIndex"/>).</summary>
    private readonly Dictionary<long, ChronicleIndex.Entry> _events = [];

    /// <summary>
    /// False: event reports join only events with the same key, as before the chronicle merge (bench/ measures what the
    /// merge costs with it; a store written this way has a thinner chronicle).
    /// </summary>
    public bool MergeChronicle { get; init; } = true;

    /// <summary>
    /// Opens (with <paramref name="create"/>, creates) the store in the file at <paramref name="path"/>. With
    /// <paramref name="readOnly"/> every connection is opened read-only: the store must exist with this schema version
    /// (nothing is created or upgraded) and <see cref="Write"/> refuses.
    /// </summary>
    public SqliteStore(string path, bool create = true, bool readOnly = false)
    {
        Path = path;
        ReadOnly = readOnly;
        create &= !readOnly;
        if (!create && !File.Exists(path)) throw new StoreMissingException("no store there");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false, Mode = readOnly ? SqliteOpenMode.ReadOnly : create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // Writers of other processes queue on the file's write lock: a batch waits for theirs instead of failing.
            DefaultTimeout = 600,
        }.ToString());
        _connection.Open();
        if (readOnly)
        {
            try
            {
                using var version = Command("SELECT (SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'), (SELECT user_version FROM pragma_user_version)");
                using var r = version.ExecuteReader();
                r.Read();
                if (r.GetInt64(0) == 0) throw new StoreMissingException("the file holds no Kronika store");
                if (r.GetInt64(1) != SchemaVersion)
                    throw new InvalidOperationException($"{path} holds schema {r.GetInt64(1)}, this version reads {SchemaVersion} (a read-only open does not upgrade it)");
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
            return;
        }
        Execute(Pragmas);
        // Two processes creating one new file at once: the check and the tables under the file's write lock, so the
        // second sees the first's whole schema, never its tables without their version.
        if (create) Execute("BEGIN IMMEDIATE");
        try
        {
            using (var version = Command("PRAGMA user_version"))
            using (var tables = Command("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'"))
            {
                var found = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
                var exists = Convert.ToInt32(tables.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
                if (exists && found != SchemaVersion) Upgrade(path, found, locked: create);
                if (!exists && !create) throw new StoreMissingException("the file holds no Kronika store");
                // A store of this version has its tables: a server opening it need not state them again.
                if (!exists)
                    Execute(Schema + StoryLookups.QuarterIndexes + StoryGroups.Tables("INTEGER", " WITHOUT ROWID") + SharedTables.Of("INTEGER", "TEXT") + ChronicleIndex.Table + EntityStats.Tables("TEXT") + $"PRAGMA user_version = {SchemaVersion};");
            }
            if (create) Execute("COMMIT");
        }
        catch
        {
            if (create) Execute("ROLLBACK");
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Raised whenever the tables change; a store of another version is upgraded (<see cref="Upgrades"/>) or refused, never misread.</summary>
    public const int SchemaVersion = 16;

    /// <summary>
    /// What turns a store of schema N into one of N + 1, keeping every stored article readable. 11 → 12: the tokens of
    /// an analysis get a column of their own (articles stored before keep their whole analysis in `analysis`; see
    /// <see cref="AnalysisBlob"/>), so that a view without tokens reads and decompresses a tenth of the analysis. 12 → 13: the
    /// counts per entity and per entity and day (<see cref="EntityStats"/>), filled from the stored mentions. 13 → 14: the
    /// story postings kept WITHOUT ROWID, by day number, with no index by article (found by the article's features and day).
    /// 14 → 15: nothing here (the PostgreSQL store's articles partitioned by month; the version is the two stores' one).
    /// 15 → 16: nothing here (the PostgreSQL store's near-copy look-up moved to `article_keys`).
    /// </summary>
    private static readonly Dictionary<int, string> Upgrades = new()
    {
        [11] = "ALTER TABLE articles ADD COLUMN tokens BLOB;",
        [12] = EntityStats.Tables("TEXT") + EntityStats.Fill,
        [13] = """
            CREATE TABLE story_postings_14 (feature BIGINT NOT NULL, day INTEGER NOT NULL, article_id BIGINT NOT NULL, PRIMARY KEY (feature, day, article_id)) WITHOUT ROWID;
            INSERT INTO story_postings_14 SELECT feature, CAST(julianday(day) - 1721425.5 AS INTEGER), article_id FROM story_postings;
            DROP TABLE story_postings;
            ALTER TABLE story_postings_14 RENAME TO story_postings;
            """,
        [14] = "",
        [15] = "",
    };

    /// <summary>Upgrades the store from schema <paramref name="found"/> under the file's write lock (taken here unless <paramref name="locked"/>).</summary>
    private void Upgrade(string path, int found, bool locked)
    {
        if (!locked) Execute("BEGIN IMMEDIATE");
        try
        {
            // Another process may have upgraded it while this one waited for the lock.
            using (var version = Command("PRAGMA user_version")) found = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            for (; found != SchemaVersion; found++)
            {
                if (!Upgrades.TryGetValue(found, out var sql))
                    throw new InvalidOperationException($"{path} holds a store of another Kronika version (schema {found}, this one reads {SchemaVersion}); ingest into a new file");
                Execute(sql + $"PRAGMA user_version = {found + 1};");
            }
            if (!locked) Execute("COMMIT");
        }
        catch
        {
            if (!locked) Execute("ROLLBACK");
            throw;
        }
    }

    public string Path { get; }

    /// <summary>Opened for reading only (see the constructor).</summary>
    public bool ReadOnly { get; }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch)
    {
        if (ReadOnly) throw new InvalidOperationException("the store is open read-only");
        var outcomes = new List<WriteOutcome>(batch.Count);
        try
        {
            // BEGIN IMMEDIATE: the file's write lock, held to the commit, so no other process decides in between.
            using var transaction = _connection.BeginTransaction(deferred: false);
            long generation;
            using (var read = Command(WriterGeneration.Read, transaction)) generation = Convert.ToInt64(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            if (generation != _generation) Forget();
            _people ??= new People(ReadPeople(transaction));
            if (_entitiesWritten.Count > 100_000) _entitiesWritten.Clear(); // a bounded cache: the insert ignores a known entity anyway
            if (_featureCounts.Count > StoryGroups.MaxCounts) _featureCounts.Clear();
            if (_events.Count > ChronicleIndex.MaxKnown) _events.Clear();
            using var writes = new DeferredWrites(_connection, transaction);
            using var events = MergeChronicle ? new ChronicleIndex(writes, (r, i) => DateOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture), d => Day(d), _events) : null;
            using var lookups = new SqliteStoryLookups(_connection, transaction);
            var stories = new Stories(lookups);
            var groups = new StoryGroups(lookups, _featureCounts);
            using var statements = new Statements(this, transaction);
            using var chronicle = new ChronicleWriter(writes, d => Day(d));
            foreach (var written in batch)
            {
                var a = written;
                (long Id, string Hash, string? Model)? sameSource = null;
                (DateOnly Date, uint[] Features)? recorded = null; // the stored version's story features, when it is a story that has them
                using (var reader = statements.BySource.With(a.SourceId).ExecuteReader())
                    if (reader.Read())
                    {
                        sameSource = (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                        if (!reader.IsDBNull(4)) recorded = (DateOnly.Parse(reader.GetString(3), CultureInfo.InvariantCulture), StoryFeatures.Unpack((byte[])reader.GetValue(4)));
                    }
                var sameContent = statements.ByHash.With(a.Hash).ExecuteScalar() as long?;
                var (outcome, original) = stories.Decide(a, sameSource, sameContent);
                outcomes.Add(outcome);
                if (outcome == WriteOutcome.Unchanged) continue;
                (a, var renamed) = _people.Resolve(a);
                foreach (var (key, canonical) in renamed) statements.Rename.With(canonical, EntityNames.Fold(canonical), key).ExecuteNonQuery();
                // A copy belongs to its original's story; a story of its own to the story whose articles it shares most with, if any.
                var story = original is { } o ? groups.StoryOf(o) ?? o : groups.Find(a.Features, a.Date, sameSource?.Id ?? 0);
                object?[] values =
                [
                    a.SourceId, a.Hash, Day(a.Date), a.Title, a.Url, a.Site, a.Language, a.Text, a.Lemmas, Snippets.Pack(a.Spans),
                    unchecked((long)a.SimHash), original, DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), Facets.Of(a), a.Shown,
                    story, a.Model, StoryFeatures.Pack(a.Features), a.Analysis, a.Tokens,
                ];
                long id;
                if (sameSource is { Id: var old })
                {
                    statements.RemoveStats.With(old).ExecuteNonQuery();
                    if (recorded is { } r) groups.Remove(old, r.Date, r.Features);
                    statements.Update.With([.. values, old]).ExecuteNonQuery();
                    statements.DeleteLayers.With(old).ExecuteNonQuery();
                    _events.Clear(); // its reports leave their events: their places are read again
                    id = old;
                }
                else
                    id = (long)statements.Insert.With(values).ExecuteScalar()!;
                foreach (var (m, count, offsets) in a.MentionsByEntity())
                {
                    statements.Mention.With(id, m.EntityKey, count, offsets).ExecuteNonQuery();
                    if (_entitiesWritten.Add(m.EntityKey))
                        statements.Entity.With(m.EntityKey, m.Canonical, m.Type, m.Kb, EntityNames.Fold(m.Canonical)).ExecuteNonQuery();
                }
                statements.AddStats.With(id).ExecuteNonQuery();
                foreach (var t in a.Times)
                    statements.Time.With(id, t.Start, t.End, t.Type, t.Value, t.Mod, t.From is { } f ? Day(f) : null, t.To is { } to ? Day(to) : null).ExecuteNonQuery();
                chronicle.Write(events, id, a);
                if (original is null) groups.Add(id, a.Date, a.Features);
            }
            groups.Flush();
            if (outcomes.Contains(WriteOutcome.Updated))
            {
                Execute(EventQueries.DeleteOrphans, transaction);
            }
            Execute(WriterGeneration.Next, transaction);
            transaction.Commit();
            _generation = generation + 1;
        }
        catch
        {
            Forget();
            throw;
        }
        BoundWal();
        return outcomes;
    }

    /// <summary>How large the write-ahead log may grow before a write waits for the readers and empties it.</summary>
    private const long MaxWalBytes = 64L << 20;

    /// <summary>
    /// SQLite's automatic checkpoints copy the log into the file only up to the oldest reader's snapshot, and start the
    /// log again only when no reader uses it: with reads never pausing (a server under load) the log grows without end
    /// (330 MB in 13 minutes of the soak bench, every read slower). Past <see cref="MaxWalBytes"/> the writer copies it
    /// all and truncates it, waiting for the readers of the moment to finish (readers are never blocked); if it cannot
    /// (another process writing), the next batch tries again.
    /// </summary>
    private void BoundWal()
    {
        var wal = new FileInfo(Path + "-wal");
        if (!wal.Exists || wal.Length < MaxWalBytes) return;
        using var get = _connection.CreateCommand();
        get.CommandText = "PRAGMA busy_timeout";
        var timeout = Convert.ToInt64(get.ExecuteScalar(), CultureInfo.InvariantCulture);
        try
        {
            // SQLite's own busy handler waits for the readers (up to 10 s); without it the checkpoint gives up at once.
            Execute("PRAGMA busy_timeout = 10000; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // busy, locked: the next batch tries again
        {
        }
        finally
        {
            Execute($"PRAGMA busy_timeout = {timeout}");
        }
    }

    /// <summary>Drops what this writer keeps in memory: the next batch reads it again from the file.</summary>
    private void Forget()
    {
        _people = null;
        _entitiesWritten.Clear();
        _featureCounts.Clear();
        _events.Clear();
        _generation = -1;
    }

    /// <summary>The statements of one write, prepared once per batch.</summary>
    private sealed class Statements(SqliteStore store, SqliteTransaction transaction) : IDisposable
    {
        public readonly SqliteCommand BySource = store.Prepare(transaction, "SELECT id, hash, model, date, CASE WHEN duplicate_of IS NULL THEN features END FROM articles WHERE source_id = $1");
        public readonly SqliteCommand ByHash = store.Prepare(transaction, "SELECT coalesce(duplicate_of, id) FROM articles WHERE hash = $1 LIMIT 1");
        public readonly SqliteCommand Insert = store.Prepare(transaction, """
            INSERT INTO articles (source_id, hash, date, title, url, site, language, text, lemmas, spans, simhash, duplicate_of, ingested, facets, name,
                story_id, model, features, analysis, tokens)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) RETURNING id
            """);
        public readonly SqliteCommand Update = store.Prepare(transaction, """
            UPDATE articles SET source_id = $1, hash = $2, date = $3, title = $4, url = $5, site = $6, language = $7, text = $8,
                lemmas = $9, spans = $10, simhash = $11, duplicate_of = $12, ingested = $13, facets = $14, name = $15,
                story_id = $16, model = $17, features = $18, analysis = $19, tokens = $20 WHERE id = $21
            """);
        public readonly SqliteCommand DeleteLayers = store.Prepare(transaction, "DELETE FROM mentions WHERE article_id = $1; DELETE FROM times WHERE article_id = $1; DELETE FROM event_mentions WHERE article_id = $1");
        public readonly SqliteCommand Mention = store.Prepare(transaction, "INSERT INTO mentions VALUES ($1, $2, $3, $4)");
        public readonly SqliteCommand Entity = store.Prepare(transaction, "INSERT OR IGNORE INTO entities VALUES ($1, $2, $3, $4, $5)");
        public readonly SqliteCommand Rename = store.Prepare(transaction, "UPDATE entities SET canonical = $1, folded = $2 WHERE key = $3");
        public readonly SqliteCommand Time = store.Prepare(transaction, "INSERT INTO times VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        public readonly SqliteCommand RemoveStats = store.Prepare(transaction, EntityStats.Remove);
        public readonly SqliteCommand AddStats = store.Prepare(transaction, EntityStats.Add);

        public void Dispose()
        {
            foreach (var command in new[] { BySource, ByHash, Insert, Update, DeleteLayers, Mention, Entity, Rename, Time, RemoveStats, AddStats }) command.Dispose();
        }
    }

    /// <summary>
    /// A command whose parameters (`$1`, `$2`, … or `@name`s in order of first use) are set in order by
    /// <see cref="SqliteCommandExtensions.With"/>.
    /// </summary>
    private SqliteCommand Prepare(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 1; sql.Contains($"${i}", StringComparison.Ordinal); i++) command.Parameters.Add(new SqliteParameter($"${i}", null));
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
            command.Parameters.Add(new SqliteParameter(name, null));
        return command;
    }

    private List<(string, string)> ReadPeople(SqliteTransaction transaction)
    {
        var list = new List<(string, string)>();
        using var command = Command(People.Query, transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    public bool Holds(string sourceId, string hash)
    {
        using var command = Command("SELECT 1 FROM articles WHERE source_id = $s AND hash = $h", null, ("$s", sourceId), ("$h", hash));
        return command.ExecuteScalar() is not null;
    }

    public int ArticleCount()
    {
        using var command = Command("SELECT COUNT(*) FROM articles");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public int StoryCount()
    {
        using var command = Command("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // Reads go to a pool of connections of their own (the writer keeps its one): each read takes one, and returns it
    // when done, so requests read side by side while WAL lets the writer go on. The pool is bounded (reads beyond it
    // wait their turn, cancellably): each connection keeps a page cache, and the cores bound how many reads can run.
    private readonly ConcurrentBag<SqliteConnection> _readers = [];
    private readonly SemaphoreSlim _readerSlots = new(MaxReaders, MaxReaders);
    private volatile bool _disposed;

    /// <summary>How many reads run at once on one store.</summary>
    public static readonly int MaxReaders = Math.Max(4, 2 * Environment.ProcessorCount);

    // Settings of a reading connection: a page cache of 16 MB and no memory map (each connection maps the file on its
    // own, so a map per reader multiplies the server's resident memory by the readers; the OS caches the file once).
    private const string ReaderPragmas = """
        PRAGMA mmap_size = 0;
        PRAGMA cache_size = -16384;
        PRAGMA foreign_keys = ON;
        """;

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ReaderPragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Runs a read on a pooled connection that <paramref name="ct"/> may stop: cancelling interrupts the statement SQLite
    /// is running (sqlite3_interrupt), and the read ends with <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<T> Read<T>(Func<SqliteConnection, Task<T>> read, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _readerSlots.WaitAsync(ct);
        try
        {
            var connection = _readers.TryTake(out var pooled) ? pooled : OpenReader();
            try
            {
                using var interrupt = ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
                return await read(connection);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && ct.IsCancellationRequested)
            {
                throw new OperationCanceledException("the read was stopped", e, ct);
            }
            finally
            {
                if (_disposed) connection.Dispose();
                else _readers.Add(connection);
            }
        }
        finally
        {
            _readerSlots.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public async Task<string?> ProblemAsync(CancellationToken ct = default)
    {
        // A connection of its own, not a pooled one: an open connection keeps reading a file that was moved or deleted.
        try
        {
            if (!File.Exists(Path)) return $"no store at {Path}";
            using var connection = OpenReader();
            using var command = Command(connection, "SELECT (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles')");
            using var r = await command.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (r.GetInt64(1) == 0) return $"{Path} holds no Kronika store";
            return r.GetInt64(0) == SchemaVersion ? null : $"{Path} holds schema {r.GetInt64(0)}, this version reads {SchemaVersion}";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Ranked search ranks the newest <see cref="RankWindow"/> matching stories (by ingest order): BM25 over every
    /// match of a word found in most articles costs time in proportion to the matches, and in a chronicle the newest
    /// reports of a broad query are the ones wanted. The older matches follow the ranked ones, newest first, so that
    /// every match the total counts has its place and pages past the window are not empty.
    /// </summary>
    public int RankWindow { get; init; } = 5000;

    public Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct = default) => Read(c => SearchCore(c, request, ct), ct);

    private async Task<SearchPage> SearchCore(SqliteConnection connection, SearchRequest request, CancellationToken ct)
    {
        var parameters = new List<(string, object?)>();
        var match = await Match(connection, request, ct);
        var times = After(request, "articles_fts.rowid", parameters);
        if (request.EventDates && (request.From is not null || request.To is not null))
        {
            times += " AND EXISTS (SELECT 1 FROM times t WHERE t.article_id = articles_fts.rowid AND t.day_from IS NOT NULL AND t.day_to >= $from AND t.day_from <= $to)";
            parameters.Add(("$from", Day(request.From ?? DateOnly.MinValue)));
            parameters.Add(("$to", Day(request.To ?? DateOnly.MaxValue)));
        }
        // Without words (or sorted by date) the order is the publication date, then the id: a total order, so pages
        // neither repeat nor skip a story.
        var dir = request.Sort == SearchSort.Oldest ? "ASC" : "DESC";
        var byDate = $"ORDER BY a.date {dir}, a.id {dir} LIMIT $limit OFFSET $offset";
        if (match is null && times.Length == 0)
            return await Page(connection, await Count(connection, "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL", parameters, ct),
                $"SELECT a.id, 0.0 FROM articles a WHERE a.duplicate_of IS NULL {byDate}", parameters, request, ct);
        if (match is null)
            return await Page(connection, await Count(connection, $"SELECT COUNT(*) FROM articles_fts WHERE TRUE{times}", parameters, ct),
                $"SELECT a.id, 0.0 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE TRUE{times} {byDate}", parameters, request, ct);
        parameters.Add(("$q", match));
        var total = await Count(connection, $"SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH $q{times}", parameters, ct);
        if (request.Query is null && total > FilterWalk)
            // Filters only, matching many: walk the stories by date (articles_story_date) and keep those the filters
            // hold for, until the page is full, instead of sorting every match.
            return await Page(connection, total, $"SELECT a.id, 0.0 FROM articles a WHERE a.duplicate_of IS NULL{await FilterConditions(connection, request, parameters, ct)} {byDate}",
                parameters, request, ct);
        if (request.Query is not null && request.Sort != SearchSort.Relevance && total > FilterWalk)
            // Words sorted by date, matching many: the same walk, each story looked up in the matches (`+` keeps the
            // planner from reading the matches first and sorting them all).
            return await Page(connection, total, $"""
                SELECT a.id, 0.0 FROM articles a WHERE a.duplicate_of IS NULL
                    AND +a.id IN (SELECT articles_fts.rowid FROM articles_fts WHERE articles_fts MATCH $q{times}) {byDate}
                """, parameters, request, ct);
        if (request.Query is null || request.Sort != SearchSort.Relevance)
            return await Page(connection, total, $"""
                SELECT a.id, 0.0 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH $q{times}
                {byDate}
                """, parameters, request, ct);
        parameters.Add(("$window", RankWindow));
        var ranked = $"""
            SELECT id, score FROM (
                SELECT rowid AS id, bm25(articles_fts, 1.0, 0.0) AS score FROM articles_fts WHERE articles_fts MATCH $q{times}
                ORDER BY rowid DESC LIMIT $window)
            ORDER BY score, id DESC LIMIT $limit OFFSET $offset
            """;
        if (request.Offset + request.Limit <= RankWindow) return await Page(connection, total, ranked, parameters, request, ct);
        // A page reaching past the window: its ranked part, then the older matches newest first (the matches in ingest
        // order from the window on).
        var head = request.Offset < RankWindow ? await Page(connection, total, ranked, parameters, request with { Limit = RankWindow - request.Offset }, ct) : null;
        if (head?.Hits.Count >= request.Limit) return head;
        var tail = await Page(connection, total, $"""
            SELECT rowid, bm25(articles_fts, 1.0, 0.0) FROM articles_fts WHERE articles_fts MATCH $q{times}
            ORDER BY rowid DESC LIMIT $limit OFFSET $offset
            """, parameters, request with { Limit = request.Limit - (head?.Hits.Count ?? 0), Offset = Math.Max(request.Offset, RankWindow) }, ct);
        return new SearchPage(total, [.. head?.Hits ?? [], .. tail.Hits]);
    }

    /// <summary>
    /// Above this many matches a filter-only search walks the stories by date rather than sorting its matches: the walk
    /// reads about limit × stories ÷ matches rows, the sort every match.
    /// </summary>
    public static int FilterWalk { get; set; } = 2000;

    /// <summary>The search's filters (no words) as conditions on `articles a`, alike with the facets <see cref="Match"/> gives.</summary>
    private static async Task<string> FilterConditions(SqliteConnection connection, SearchRequest request, List<(string, object?)> parameters, CancellationToken ct)
    {
        // $after, and $from and $to of event dates, are the parameters SearchCore gave already.
        var where = new StringBuilder(request.AfterId > 0 ? " AND a.id > $after" : "");
        if (!request.EventDates)
        {
            if (request.From is { } f) { where.Append(" AND a.date >= $from2"); parameters.Add(("$from2", Day(f))); }
            if (request.To is { } t) { where.Append(" AND a.date <= $to2"); parameters.Add(("$to2", Day(t))); }
        }
        else if (request.From is not null || request.To is not null)
            where.Append(" AND EXISTS (SELECT 1 FROM times t WHERE t.article_id = a.id AND t.day_from IS NOT NULL AND t.day_to >= $from AND t.day_from <= $to)");
        if (request.EntityKeys is { } keys)
        {
            var typed = new List<string>();
            foreach (var k in keys)
                if (request.Type is null || await EntityType(connection, k, ct) == request.Type) typed.Add(k);
            var names = typed.Select((k, i) => $"$k{i}").ToList();
            for (var i = 0; i < typed.Count; i++) parameters.Add((names[i], typed[i]));
            where.Append(typed.Count == 0 ? " AND 0" : $" AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_key IN ({string.Join(", ", names)}))");
        }
        else if (request.Type is { } type)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.key = m.entity_key WHERE m.article_id = a.id AND lower(e.type) = $type2)");
            parameters.Add(("$type2", type.ToLowerInvariant()));
        }
        return where.ToString();
    }

    /// <summary>The condition of <see cref="SearchRequest.AfterId"/> on the given id column, or nothing.</summary>
    private static string After(SearchRequest request, string id, List<(string, object?)> parameters)
    {
        if (request.AfterId <= 0) return "";
        parameters.Add(("$after", request.AfterId));
        return $" AND {id} > $after";
    }

    public Task<IReadOnlyList<long>> StoryIdsAsync(SearchRequest request, CancellationToken ct = default) => Read<IReadOnlyList<long>>(async connection =>
    {
        var (sql, parameters) = await Stories(connection, request, ct);
        var ids = new List<long>();
        using var command = Command(connection, sql + (request.Sort == SearchSort.Newest ? " ORDER BY a.date DESC, a.id DESC" : " ORDER BY a.date, a.id"), [.. parameters]);
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
        return ids;
    }, ct);

    /// <summary>The SQL (and its parameters) of the ids of every story the search's query and filters match.</summary>
    private static async Task<(string Sql, List<(string, object?)> Parameters)> Stories(SqliteConnection connection, SearchRequest request, CancellationToken ct)
    {
        var parameters = new List<(string, object?)>();
        var times = After(request, "a.id", parameters);
        if (request.EventDates && (request.From is not null || request.To is not null))
        {
            times += " AND EXISTS (SELECT 1 FROM times t WHERE t.article_id = a.id AND t.day_from IS NOT NULL AND t.day_to >= $from AND t.day_from <= $to)";
            parameters.Add(("$from", Day(request.From ?? DateOnly.MinValue)));
            parameters.Add(("$to", Day(request.To ?? DateOnly.MaxValue)));
        }
        var match = await Match(connection, request, ct);
        if (match is not null) parameters.Add(("$q", match));
        var sql = match is null
            ? $"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL{times}"
            : $"SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH $q{times}";
        return (sql, parameters);
    }

    private static async Task<int> Count(SqliteConnection connection, string sql, List<(string, object?)> parameters, CancellationToken ct)
    {
        using var count = Command(connection, sql, [.. parameters]);
        return Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<SearchPage> Page(SqliteConnection connection, int total, string sql, List<(string, object?)> parameters, SearchRequest request, CancellationToken ct)
    {
        var hits = new List<(long Id, double Score)>();
        using (var select = Command(connection, sql, [.. parameters, ("$limit", request.Limit), ("$offset", request.Offset)]))
        using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) hits.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        var matches = request.Query is { } q ? QueryParser.Matcher(q) : _ => false;
        var page = new List<SearchHit>(hits.Count);
        foreach (var h in hits) page.Add(await Hit(connection, h.Id, h.Score, matches, ct));
        return new SearchPage(total, page);
    }

    private static async Task<SearchHit> Hit(SqliteConnection connection, long id, double score, Func<string, bool> matches, CancellationToken ct)
    {
        using var command = Command(connection, """
            SELECT date, title, name, url, text, lemmas, spans, (SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = $id)
            FROM articles WHERE id = $id
            """, ("$id", id));
        using var r = await command.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var text = r.GetString(4);
        var (snippet, highlights) = Snippets.Make(text, r.GetString(5), Snippets.Unpack((byte[])r.GetValue(6)), matches);
        return new SearchHit(id, DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), score, snippet, highlights, r.GetInt32(7));
    }

    /// <summary>
    /// The FTS5 expression of a search: the query on the lemmas, and the filters as facet tokens (publication year,
    /// month, day; entities; entity types) that the index intersects with it. Null when there is neither.
    /// </summary>
    private static async Task<string?> Match(SqliteConnection connection, SearchRequest request, CancellationToken ct)
    {
        var parts = new List<string>();
        if (request.Query is { } query) parts.Add("lemmas : " + ToFts(query));
        if (!request.EventDates && (request.From is not null || request.To is not null))
        {
            // Only the years the store holds need words: an open range ends at them.
            var (first, last) = await YearsStored(connection, ct);
            var from = request.From is { } f && f.Year >= first ? f : new DateOnly(first, 1, 1);
            var to = request.To is { } t && t.Year <= last ? t : new DateOnly(last, 12, 31);
            var words = Facets.DateRange(from, to);
            parts.Add(words.Count == 0 ? "facets : nothing" : "facets : (" + string.Join(" OR ", words) + ")");
        }
        if (request.EntityKeys is { } keys)
        {
            var typed = new List<string>();
            foreach (var k in keys)
                if (request.Type is null || await EntityType(connection, k, ct) == request.Type) typed.Add(k);
            parts.Add(typed.Count == 0 ? "facets : nothing" : "facets : (" + string.Join(" OR ", typed.Select(Facets.Entity)) + ")");
        }
        else if (request.Type is { } type) parts.Add("facets : " + Facets.Type(type));
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    private static async Task<(int First, int Last)> YearsStored(SqliteConnection connection, CancellationToken ct)
    {
        using var command = Command(connection, "SELECT substr(min(date), 1, 4), substr(max(date), 1, 4) FROM articles");
        using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && !reader.IsDBNull(0)
            ? (int.Parse(reader.GetString(0), CultureInfo.InvariantCulture), int.Parse(reader.GetString(1), CultureInfo.InvariantCulture))
            : (DateTime.UtcNow.Year, DateTime.UtcNow.Year);
    }

    private static async Task<string?> EntityType(SqliteConnection connection, string key, CancellationToken ct)
    {
        using var command = Command(connection, "SELECT type FROM entities WHERE key = $k", ("$k", key));
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The query as an FTS5 expression; every word is quoted, so no user text is read as FTS5 syntax.</summary>
    public static string ToFts(QueryNode node) => node switch
    {
        TermNode t => t.Alternatives.Length == 1 ? Quote(t.Alternatives[0]) : "(" + string.Join(" OR ", t.Alternatives.Select(Quote)) + ")",
        PrefixNode p => Quote(p.Prefix) + "*",
        PhraseNode ph => Quote(string.Join(' ', ph.Lemmas)),
        AndNode a => "(" + string.Join(" AND ", a.Parts.Select(ToFts)) + ")",
        OrNode o => "(" + string.Join(" OR ", o.Parts.Select(ToFts)) + ")",
        NotNode n => "(" + ToFts(n.Include) + " NOT " + ToFts(n.Exclude) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static string Quote(string s) => "\"" + s.Replace("\0", "").Replace("\"", "\"\"") + "\"";

    public Task<IReadOnlyList<EntitySummary>> EntitiesAsync(string? type, int top, CancellationToken ct = default) => Read<IReadOnlyList<EntitySummary>>(async connection =>
    {
        using var command = Command(connection, EntityStats.Top(type is not null), ("@type", type), ("@top", top));
        return await ReadEntities(command, ct);
    }, ct);

    private static async Task<List<EntitySummary>> ReadEntities(SqliteCommand command, CancellationToken ct)
    {
        var list = new List<EntitySummary>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new EntitySummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        return list;
    }

    public Task<IReadOnlyList<string>> EntityKeysAsync(string name, CancellationToken ct = default) => Read<IReadOnlyList<string>>(async connection =>
    {
        using var command = Command(connection, $"SELECT key FROM entities WHERE {EntityNames.Condition('$')}", EntityNames.Parameters(name, '$'));
        var keys = new List<string>();
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys.Add(reader.GetString(0));
        return keys;
    }, ct);

    public Task<Timeline?> TimelineAsync(string entityKey, string period, int coMentioned, TimelineParts parts = TimelineParts.All, CancellationToken ct = default) => Read(async connection =>
    {
        EntitySummary? entity;
        using (var command = Command(connection, EntityStats.One, ("@k", entityKey)))
            entity = (await ReadEntities(command, ct)).FirstOrDefault();
        if (entity is null) return null;
        var bucket = period switch
        {
            "day" => "{0}",
            "week" => "strftime('%G-W%V', {0})",
            _ => "substr({0}, 1, 7)",
        };
        var byPublication = await Periods(connection, $"SELECT {string.Format(CultureInfo.InvariantCulture, bucket, "d.day")} AS p, SUM(d.articles) FROM entity_days d WHERE d.entity_key = @k GROUP BY p ORDER BY p", entityKey, null, ct);
        if (parts == TimelineParts.None) return new Timeline(entity, byPublication, [], []);
        // The entity's newest stories, read once for both scans.
        var newest = new List<long>();
        using (var command = Command(connection, EntityStats.Newest(entity.Articles), ("@k", entityKey)))
        using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) newest.Add(reader.GetInt64(0));
        var ids = "[" + string.Join(',', newest) + "]";
        const string articlesOf = "SELECT value FROM json_each(@ids)";
        var byReference = parts.HasFlag(TimelineParts.ByReference)
            ? await Periods(connection, $"SELECT {string.Format(CultureInfo.InvariantCulture, bucket, "t.day_from")} AS p, COUNT(DISTINCT t.article_id) FROM times t WHERE t.day_from IS NOT NULL AND t.day_from = t.day_to AND t.article_id IN ({articlesOf}) GROUP BY p ORDER BY p", entityKey, ids, ct)
            : [];
        var co = new List<(EntitySummary, int)>();
        if (parts.HasFlag(TimelineParts.CoMentioned))
            using (var command = Command(connection, EntityStats.CoMentioned(articlesOf), ("@k", entityKey), ("@ids", ids), ("@top", coMentioned)))
                co.AddRange((await ReadEntities(command, ct)).Select(e => (e, e.Articles)));
        return new Timeline(entity, byPublication, byReference, co);
    }, ct);

    private static async Task<List<(string, int)>> Periods(SqliteConnection connection, string sql, string entityKey, string? ids, CancellationToken ct)
    {
        var list = new List<(string, int)>();
        using var command = Command(connection, sql, ("@k", entityKey), ("@ids", ids));
        using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetString(0), reader.GetInt32(1)));
        return list;
    }

    public Task<StoredArticle?> GetAsync(long id, CancellationToken ct = default) => Read(async connection =>
    {
        StoredArticle article;
        using (var command = Command(connection, "SELECT source_id, hash, date, title, url, site, language, text, lemmas, spans, simhash, name, model, analysis, features, tokens FROM articles WHERE id = $id", ("$id", id)))
        using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            article = new StoredArticle(reader.GetString(0), reader.GetString(1), DateOnly.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
                reader.GetString(7), reader.GetString(8), Snippets.Unpack((byte[])reader.GetValue(9)), unchecked((ulong)reader.GetInt64(10)), [], [], [])
            {
                Shown = reader.GetString(11),
                Model = reader.IsDBNull(12) ? null : reader.GetString(12),
                Analysis = reader.IsDBNull(13) ? null : (byte[])reader.GetValue(13),
                Features = reader.IsDBNull(14) ? [] : StoryFeatures.Unpack((byte[])reader.GetValue(14)),
                Tokens = reader.IsDBNull(15) ? null : (byte[])reader.GetValue(15),
            };
        }
        List<StoredMention> mentions;
        using (var m = Command(connection, StoredMention.Select + "$id", ("$id", id)))
        using (var r = await m.ExecuteReaderAsync(ct))
            mentions = await StoredMention.ReadAsync(r, ct);
        var times = new List<StoredTime>();
        using (var t = Command(connection, "SELECT start_offset, end_offset, type, value, mod, day_from, day_to FROM times WHERE article_id = $id ORDER BY start_offset", ("$id", id)))
        using (var r = await t.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                times.Add(new StoredTime(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : DateOnly.Parse(r.GetString(5), CultureInfo.InvariantCulture), r.IsDBNull(6) ? null : DateOnly.Parse(r.GetString(6), CultureInfo.InvariantCulture)));
        return (StoredArticle?)(article with { Mentions = mentions, Times = times });
    }, ct);

    public Task<EventPage> EventsAsync(EventRequest request, int mentions = 5, CancellationToken ct = default) => Read(async connection =>
    {
        var parameters = new List<(string, object?)>();
        var where = EventQueries.Where(request, (name, value) => parameters.Add((name, value is DateOnly d ? Day(d) : value)));
        int total;
        using (var count = Command(connection, EventQueries.Count(where), [.. parameters]))
            total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        var events = new List<EventHit>();
        using (var page = Command(connection, EventQueries.Page(where), [.. parameters, ("@limit", request.Limit), ("@offset", request.Offset)]))
        using (var reader = await page.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                events.Add(new EventHit(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), [], [], reader.GetInt32(4), []));
        for (var i = 0; i < events.Count; i++) events[i] = await WithDetails(connection, events[i], mentions, ct);
        return new EventPage(total, events);
    }, ct);

    private static async Task<EventHit> WithDetails(SqliteConnection connection, EventHit e, int mentions, CancellationToken ct)
    {
        var actors = new List<string>();
        var targets = new List<string>();
        using (var names = Command(connection, EventQueries.ParticipantNames, ("@event", e.Id)))
        using (var reader = await names.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) (reader.GetString(0) == "actor" ? actors : targets).Add(reader.GetString(1));
        var list = new List<EventMentionHit>();
        using (var command = Command(connection, EventQueries.Mentions, ("@event", e.Id), ("@limit", mentions)))
        using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                list.Add(new EventMentionHit(r.GetInt64(0), DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11)));
        return e with { Actors = actors, Targets = targets, Mentions = list };
    }

    public Task SaveWatchAsync(Watch watch, CancellationToken ct = default) => Read(async connection =>
    {
        using var command = Command(connection, EventQueries.SaveWatch, ("@name", watch.Name), ("@query", watch.Query), ("@entity", watch.Entity), ("@seen", watch.SeenUpTo), ("@created", watch.Created));
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
        using var command = Command(connection, EventQueries.MarkSeen, ("@name", name), ("@seen", upTo));
        return await command.ExecuteNonQueryAsync(ct);
    }, ct);

    public Task<long> LastArticleIdAsync(CancellationToken ct = default) => Read(async connection =>
    {
        using var command = Command(connection, EventQueries.LastArticleId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }, ct);

    private static DateOnly ReadDay(System.Data.Common.DbDataReader r, int i) => DateOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    public Task<StoredAnalysis?> AnalysisAsync(long id, bool tokens = false, CancellationToken ct = default) => Read(c => ChronicleReads.AnalysisAsync(c, id, tokens, ct), ct);

    public IReadOnlyList<long> Stale(string model, long afterId, int limit) => ChronicleReads.Stale(_connection, model, afterId, limit);

    public int StaleCount(string model) => ChronicleReads.StaleCount(_connection, model);

    public Task<StoryInfo?> StoryAsync(long articleId, CancellationToken ct = default) => Read(c => ChronicleReads.StoryAsync(c, articleId, ReadDay, ct), ct);

    public Task<ChroniclePage> ChronicleAsync(ChronicleRequest request, CancellationToken ct = default) => Read(connection =>
    {
        (string, List<(string, object?)>)? text = request.Query is { } q
            ? ("SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH @q", [("@q", "lemmas : " + ToFts(q))])
            : null;
        // SQLite 3.49 plans the walk as a scan of every event and a sort unless told to follow the order's index.
        return ChronicleReads.QueryAsync(connection, request, text, d => Day(d), ReadDay, ct,
            byReport => byReport ? " INDEXED BY events_reported" : " INDEXED BY events_day");
    }, ct);

    public Task<VolumeSeries> VolumeAsync(SearchRequest request, bool monthly, CancellationToken ct = default) => Read(async connection =>
    {
        var (sql, parameters) = await Stories(connection, request, ct);
        return ChartReads.Volume(connection, request, sql, parameters,
            column => monthly ? $"substr({column}, 1, 7)" : column, d => Day(d), ReadDay);
    }, ct);

    public Task<IReadOnlyList<PlaceCount>> PlacesAsync(PlaceRequest request, CancellationToken ct = default) => Read(connection =>
        Task.FromResult(ChartReads.Places(connection, request, request.Query is { } q
            ? ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q", [("@q", "lemmas : " + ToFts(q))])
            : null, d => Day(d))), ct);

    public void Dispose()
    {
        _disposed = true;
        while (_readers.TryTake(out var reader)) reader.Dispose();
        _connection.Dispose();
    }
}

internal static class SqliteCommandExtensions
{
    public static SqliteCommand With(this SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
