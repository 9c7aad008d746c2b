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
            analysis BLOB);
        CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash);
        CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
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
    private Stories? _stories;
    private People? _people;
    private StoryGroups? _groups;
    private ChronicleIndex? _chronicle;

    // What this process already wrote and need not write again: entity rows. Cleared with a failed batch, whose rows
    // were rolled back.
    private readonly HashSet<string> _entitiesWritten = new(StringComparer.Ordinal);

    /// <summary>Opens (with <paramref name="create"/>, creates) the store in the file at <paramref name="path"/>.</summary>
    public SqliteStore(string path, bool create = true)
    {
        Path = path;
        if (!create && !File.Exists(path)) throw new StoreMissingException("no store there");
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Pooling = false, Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
        }.ToString());
        _connection.Open();
        Execute(Pragmas);
        using (var version = Command("PRAGMA user_version"))
        using (var tables = Command("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'"))
        {
            var found = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
            var exists = Convert.ToInt32(tables.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
            if (exists && found != SchemaVersion)
                throw new InvalidOperationException($"{path} holds a store of another Kronika version (schema {found}, this one reads {SchemaVersion}); ingest into a new file");
            // A store of this version has its tables: a server opening it per request need not state them again.
            if (exists) return;
            if (!create)
            {
                _connection.Dispose();
                throw new StoreMissingException("the file holds no Kronika store");
            }
        }
        Execute(Schema + SharedTables.Of("INTEGER", "TEXT") + $"PRAGMA user_version = {SchemaVersion};");
    }

    /// <summary>Raised whenever the tables change; a store of another version is refused, not misread.</summary>
    public const int SchemaVersion = 10;

    public string Path { get; }

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
        _stories ??= new Stories(ReadStories());
        _people ??= new People(ReadPeople());
        _groups ??= new StoryGroups(ReadGroups());
        _chronicle ??= ChronicleWriter.Load(_connection, (r, i) => DateOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture));
        var outcomes = new List<WriteOutcome>(batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction();
            using var statements = new Statements(this, transaction);
            using var chronicle = new ChronicleWriter(_connection, transaction, d => Day(d));
            foreach (var written in batch)
            {
                var a = written;
                (long Id, string Hash, string? Model)? sameSource = null;
                using (var reader = statements.BySource.With(a.SourceId).ExecuteReader())
                    if (reader.Read()) sameSource = (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
                var sameContent = statements.ByHash.With(a.Hash).ExecuteScalar() as long?;
                var (outcome, original) = _stories.Decide(a, sameSource, sameContent);
                outcomes.Add(outcome);
                if (outcome == WriteOutcome.Unchanged) continue;
                (a, var renamed) = _people.Resolve(a);
                foreach (var (key, canonical) in renamed) statements.Rename.With(canonical, EntityNames.Fold(canonical), key).ExecuteNonQuery();
                // A copy belongs to its original's story; a story of its own to the story whose articles it shares most with, if any.
                var story = original is { } o ? _groups.StoryOf(o) ?? o : _groups.Find(a.Features, a.Date, sameSource?.Id ?? 0);
                object?[] values =
                [
                    a.SourceId, a.Hash, Day(a.Date), a.Title, a.Url, a.Site, a.Language, a.Text, a.Lemmas, Snippets.Pack(a.Spans),
                    unchecked((long)a.SimHash), original, DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture), Facets.Of(a), a.Shown,
                    story, a.Model, StoryFeatures.Pack(a.Features), a.Analysis,
                ];
                long id;
                if (sameSource is { Id: var old })
                {
                    statements.Update.With([.. values, old]).ExecuteNonQuery();
                    statements.DeleteLayers.With(old).ExecuteNonQuery();
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
                foreach (var t in a.Times)
                    statements.Time.With(id, t.Start, t.End, t.Type, t.Value, t.Mod, t.From is { } f ? Day(f) : null, t.To is { } to ? Day(to) : null).ExecuteNonQuery();
                chronicle.Write(_chronicle, id, a);
                _stories.Written(id, a.SimHash, original);
                if (original is null) _groups.Add(id, a.Date, story ?? id, a.Features);
            }
            if (outcomes.Contains(WriteOutcome.Updated))
            {
                Execute(EventQueries.DeleteOrphans, transaction);
                _chronicle = null; // events no article reports any more are gone: read the chronicle again
            }
            transaction.Commit();
        }
        catch
        {
            _stories = null;
            _people = null;
            _groups = null;
            _chronicle = null;
            _entitiesWritten.Clear();
            throw;
        }
        return outcomes;
    }

    /// <summary>The statements of one write, prepared once per batch.</summary>
    private sealed class Statements(SqliteStore store, SqliteTransaction transaction) : IDisposable
    {
        public readonly SqliteCommand BySource = store.Prepare(transaction, "SELECT id, hash, model FROM articles WHERE source_id = $1");
        public readonly SqliteCommand ByHash = store.Prepare(transaction, "SELECT coalesce(duplicate_of, id) FROM articles WHERE hash = $1 LIMIT 1");
        public readonly SqliteCommand Insert = store.Prepare(transaction, """
            INSERT INTO articles (source_id, hash, date, title, url, site, language, text, lemmas, spans, simhash, duplicate_of, ingested, facets, name,
                story_id, model, features, analysis)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id
            """);
        public readonly SqliteCommand Update = store.Prepare(transaction, """
            UPDATE articles SET source_id = $1, hash = $2, date = $3, title = $4, url = $5, site = $6, language = $7, text = $8,
                lemmas = $9, spans = $10, simhash = $11, duplicate_of = $12, ingested = $13, facets = $14, name = $15,
                story_id = $16, model = $17, features = $18, analysis = $19 WHERE id = $20
            """);
        public readonly SqliteCommand DeleteLayers = store.Prepare(transaction, "DELETE FROM mentions WHERE article_id = $1; DELETE FROM times WHERE article_id = $1; DELETE FROM event_mentions WHERE article_id = $1");
        public readonly SqliteCommand Mention = store.Prepare(transaction, "INSERT INTO mentions VALUES ($1, $2, $3, $4)");
        public readonly SqliteCommand Entity = store.Prepare(transaction, "INSERT OR IGNORE INTO entities VALUES ($1, $2, $3, $4, $5)");
        public readonly SqliteCommand Rename = store.Prepare(transaction, "UPDATE entities SET canonical = $1, folded = $2 WHERE key = $3");
        public readonly SqliteCommand Time = store.Prepare(transaction, "INSERT INTO times VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");

        public void Dispose()
        {
            foreach (var command in new[] { BySource, ByHash, Insert, Update, DeleteLayers, Mention, Entity, Time }) command.Dispose();
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

    private List<(string, string)> ReadPeople()
    {
        var list = new List<(string, string)>();
        using var command = Command(People.Query);
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1)));
        return list;
    }

    private List<(long, ulong)> ReadStories()
    {
        var list = new List<(long, ulong)>();
        using var command = Command("SELECT id, simhash FROM articles WHERE duplicate_of IS NULL");
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetInt64(0), unchecked((ulong)reader.GetInt64(1))));
        return list;
    }

    private List<(long, DateOnly, long, uint[])> ReadGroups()
    {
        var list = new List<(long, DateOnly, long, uint[])>();
        using var command = Command("SELECT id, date, coalesce(story_id, id), features FROM articles WHERE duplicate_of IS NULL AND features IS NOT NULL");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add((reader.GetInt64(0), DateOnly.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetInt64(2), StoryFeatures.Unpack((byte[])reader.GetValue(3))));
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

    /// <summary>
    /// Ranked search considers the newest <see cref="RankWindow"/> matching stories (by ingest order): BM25 over every
    /// match of a word found in most articles costs time in proportion to the matches, and in a chronicle the newest
    /// reports of a broad query are the ones wanted. The total counts every match.
    /// </summary>
    public const int RankWindow = 5000;

    public SearchPage Search(SearchRequest request, CancellationToken ct = default) => Interruptible(ct, () => SearchCore(request, ct));

    /// <summary>
    /// Runs a read that <paramref name="ct"/> may stop: cancelling interrupts the statement SQLite is running
    /// (sqlite3_interrupt), and the read ends with <see cref="OperationCanceledException"/>.
    /// </summary>
    private T Interruptible<T>(CancellationToken ct, Func<T> read)
    {
        ct.ThrowIfCancellationRequested();
        using var interrupt = ct.Register(() => SQLitePCL.raw.sqlite3_interrupt(_connection.Handle));
        try
        {
            return read();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException("the search was stopped", e, ct);
        }
    }

    private SearchPage SearchCore(SearchRequest request, CancellationToken ct)
    {
        var parameters = new List<(string, object?)>();
        var match = Match(request);
        var times = After(request, "articles_fts.rowid", parameters);
        if (request.EventDates && (request.From is not null || request.To is not null))
        {
            times += " AND EXISTS (SELECT 1 FROM times t WHERE t.article_id = articles_fts.rowid AND t.day_from IS NOT NULL AND t.day_to >= $from AND t.day_from <= $to)";
            parameters.Add(("$from", Day(request.From ?? DateOnly.MinValue)));
            parameters.Add(("$to", Day(request.To ?? DateOnly.MaxValue)));
        }
        if (match is null && times.Length == 0)
            return Page(Count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL", parameters),
                "SELECT id, 0.0 FROM articles WHERE duplicate_of IS NULL ORDER BY date DESC, id DESC LIMIT $limit OFFSET $offset", parameters, request, ct);
        if (match is null)
            return Page(Count($"SELECT COUNT(*) FROM articles_fts WHERE TRUE{times}", parameters),
                $"SELECT a.id, 0.0 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE TRUE{times} ORDER BY a.date DESC, a.id DESC LIMIT $limit OFFSET $offset", parameters, request, ct);
        parameters.Add(("$q", match));
        var total = Count($"SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH $q{times}", parameters);
        if (request.Query is null)
            return Page(total, $"""
                SELECT a.id, 0.0 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH $q{times}
                ORDER BY a.date DESC, a.id DESC LIMIT $limit OFFSET $offset
                """, parameters, request, ct);
        parameters.Add(("$window", RankWindow));
        return Page(total, $"""
            SELECT id, score FROM (
                SELECT rowid AS id, bm25(articles_fts, 1.0, 0.0) AS score FROM articles_fts WHERE articles_fts MATCH $q{times}
                ORDER BY rowid DESC LIMIT $window)
            ORDER BY score, id DESC LIMIT $limit OFFSET $offset
            """, parameters, request, ct);
    }

    /// <summary>The condition of <see cref="SearchRequest.AfterId"/> on the given id column, or nothing.</summary>
    private static string After(SearchRequest request, string id, List<(string, object?)> parameters)
    {
        if (request.AfterId <= 0) return "";
        parameters.Add(("$after", request.AfterId));
        return $" AND {id} > $after";
    }

    public IReadOnlyList<long> StoryIds(SearchRequest request)
    {
        var (sql, parameters) = Stories(request);
        var ids = new List<long>();
        using var command = Command(sql + " ORDER BY a.date, a.id", null, [.. parameters]);
        using var reader = command.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    /// <summary>The SQL (and its parameters) of the ids of every story the search's query and filters match.</summary>
    private (string Sql, List<(string, object?)> Parameters) Stories(SearchRequest request)
    {
        var parameters = new List<(string, object?)>();
        var times = After(request, "a.id", parameters);
        if (request.EventDates && (request.From is not null || request.To is not null))
        {
            times += " AND EXISTS (SELECT 1 FROM times t WHERE t.article_id = a.id AND t.day_from IS NOT NULL AND t.day_to >= $from AND t.day_from <= $to)";
            parameters.Add(("$from", Day(request.From ?? DateOnly.MinValue)));
            parameters.Add(("$to", Day(request.To ?? DateOnly.MaxValue)));
        }
        var match = Match(request);
        if (match is not null) parameters.Add(("$q", match));
        var sql = match is null
            ? $"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL{times}"
            : $"SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH $q{times}";
        return (sql, parameters);
    }

    private int Count(string sql, List<(string, object?)> parameters)
    {
        using var count = Command(sql, null, [.. parameters]);
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private SearchPage Page(int total, string sql, List<(string, object?)> parameters, SearchRequest request, CancellationToken ct)
    {
        var hits = new List<(long Id, double Score)>();
        using (var select = Command(sql, null, [.. parameters, ("$limit", request.Limit), ("$offset", request.Offset)]))
        using (var reader = select.ExecuteReader())
            while (reader.Read()) hits.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        var matches = request.Query is { } q ? QueryParser.Matcher(q) : _ => false;
        return new SearchPage(total, hits.Select(h =>
        {
            ct.ThrowIfCancellationRequested();
            return Hit(h.Id, h.Score, matches);
        }).ToList());
    }

    private SearchHit Hit(long id, double score, Func<string, bool> matches)
    {
        using var command = Command("""
            SELECT date, title, name, url, text, lemmas, spans, (SELECT COUNT(*) FROM articles c WHERE c.duplicate_of = $id)
            FROM articles WHERE id = $id
            """, null, ("$id", id));
        using var r = command.ExecuteReader();
        r.Read();
        var text = r.GetString(4);
        var (snippet, highlights) = Snippets.Make(text, r.GetString(5), Snippets.Unpack((byte[])r.GetValue(6)), matches);
        return new SearchHit(id, DateOnly.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2),
            r.IsDBNull(3) ? null : r.GetString(3), score, snippet, highlights, r.GetInt32(7));
    }

    /// <summary>
    /// The FTS5 expression of a search: the query on the lemmas, and the filters as facet tokens (publication year,
    /// month, day; entities; entity types) that the index intersects with it. Null when there is neither.
    /// </summary>
    private string? Match(SearchRequest request)
    {
        var parts = new List<string>();
        if (request.Query is { } query) parts.Add("lemmas : " + ToFts(query));
        if (!request.EventDates && (request.From is not null || request.To is not null))
        {
            // Only the years the store holds need words: an open range ends at them.
            var (first, last) = YearsStored();
            var from = request.From is { } f && f.Year >= first ? f : new DateOnly(first, 1, 1);
            var to = request.To is { } t && t.Year <= last ? t : new DateOnly(last, 12, 31);
            var words = Facets.DateRange(from, to);
            parts.Add(words.Count == 0 ? "facets : nothing" : "facets : (" + string.Join(" OR ", words) + ")");
        }
        if (request.EntityKeys is { } keys)
        {
            var typed = request.Type is null ? keys : keys.Where(k => EntityType(k) == request.Type).ToList();
            parts.Add(typed.Count == 0 ? "facets : nothing" : "facets : (" + string.Join(" OR ", typed.Select(Facets.Entity)) + ")");
        }
        else if (request.Type is { } type) parts.Add("facets : " + Facets.Type(type));
        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }

    private (int First, int Last) YearsStored()
    {
        using var command = Command("SELECT substr(min(date), 1, 4), substr(max(date), 1, 4) FROM articles");
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0)
            ? (int.Parse(reader.GetString(0), CultureInfo.InvariantCulture), int.Parse(reader.GetString(1), CultureInfo.InvariantCulture))
            : (DateTime.UtcNow.Year, DateTime.UtcNow.Year);
    }

    private string? EntityType(string key)
    {
        using var command = Command("SELECT type FROM entities WHERE key = $k", null, ("$k", key));
        return command.ExecuteScalar() as string;
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

    public IReadOnlyList<EntitySummary> Entities(string? type, int top)
    {
        using var command = Command($"""
            SELECT e.key, e.canonical, e.type, e.kb, SUM(m.count), COUNT(*)
            FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
            WHERE a.duplicate_of IS NULL {(type is null ? "" : "AND e.type = $type")}
            GROUP BY e.key ORDER BY 6 DESC, 5 DESC, 2 LIMIT $top
            """, null, ("$type", type), ("$top", top));
        return ReadEntities(command);
    }

    private static List<EntitySummary> ReadEntities(SqliteCommand command)
    {
        var list = new List<EntitySummary>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            list.Add(new EntitySummary(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)));
        return list;
    }

    public IReadOnlyList<string> EntityKeys(string name)
    {
        using var command = Command($"SELECT key FROM entities WHERE {EntityNames.Condition('$')}", null, EntityNames.Parameters(name, '$'));
        var keys = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    public Timeline? Timeline(string entityKey, string period, int coMentioned)
    {
        Timeline? result = null;
        EntitySummary? entity;
        using (var command = Command("""
                   SELECT e.key, e.canonical, e.type, e.kb, SUM(m.count), COUNT(*)
                   FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
                   WHERE a.duplicate_of IS NULL AND m.entity_key = $k GROUP BY e.key
                   """, null, ("$k", entityKey)))
            entity = ReadEntities(command).FirstOrDefault();
        if (entity is null) return result;
        var bucket = period switch
        {
            "day" => "{0}",
            "week" => "strftime('%G-W%V', {0})",
            _ => "substr({0}, 1, 7)",
        };
        const string articlesOf = "SELECT m.article_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.duplicate_of IS NULL AND m.entity_key = $k";
        var byPublication = Periods($"SELECT {string.Format(CultureInfo.InvariantCulture, bucket, "a.date")} AS p, COUNT(*) FROM articles a WHERE a.id IN ({articlesOf}) GROUP BY p ORDER BY p", entityKey);
        var byReference = Periods($"SELECT {string.Format(CultureInfo.InvariantCulture, bucket, "t.day_from")} AS p, COUNT(DISTINCT t.article_id) FROM times t WHERE t.day_from IS NOT NULL AND t.day_from = t.day_to AND t.article_id IN ({articlesOf}) GROUP BY p ORDER BY p", entityKey);
        var co = new List<(EntitySummary, int)>();
        using (var command = Command($"""
                   SELECT e.key, e.canonical, e.type, e.kb, SUM(m.count), COUNT(*)
                   FROM mentions m JOIN entities e ON e.key = m.entity_key WHERE m.article_id IN ({articlesOf}) AND m.entity_key <> $k
                   GROUP BY e.key ORDER BY 6 DESC, 5 DESC, 2 LIMIT $top
                   """, null, ("$k", entityKey), ("$top", coMentioned)))
            co.AddRange(ReadEntities(command).Select(e => (e, e.Articles)));
        return new Timeline(entity, byPublication, byReference, co);
    }

    private List<(string, int)> Periods(string sql, string entityKey)
    {
        var list = new List<(string, int)>();
        using var command = Command(sql, null, ("$k", entityKey));
        using var reader = command.ExecuteReader();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetInt32(1)));
        return list;
    }

    public StoredArticle? Get(long id)
    {
        using var command = Command("SELECT source_id, hash, date, title, url, site, language, text, lemmas, spans, simhash, name, model, analysis, features FROM articles WHERE id = $id", null, ("$id", id));
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        var article = new StoredArticle(reader.GetString(0), reader.GetString(1), DateOnly.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
            reader.GetString(7), reader.GetString(8), Snippets.Unpack((byte[])reader.GetValue(9)), unchecked((ulong)reader.GetInt64(10)), [], [], [])
        {
            Shown = reader.GetString(11),
            Model = reader.IsDBNull(12) ? null : reader.GetString(12),
            Analysis = reader.IsDBNull(13) ? null : (byte[])reader.GetValue(13),
            Features = reader.IsDBNull(14) ? [] : StoryFeatures.Unpack((byte[])reader.GetValue(14)),
        };
        reader.Close();
        List<StoredMention> mentions;
        using (var m = Command(StoredMention.Select + "$id", null, ("$id", id)))
        using (var r = m.ExecuteReader())
            mentions = StoredMention.Read(r);
        var times = new List<StoredTime>();
        using (var t = Command("SELECT start_offset, end_offset, type, value, mod, day_from, day_to FROM times WHERE article_id = $id ORDER BY start_offset", null, ("$id", id)))
        using (var r = t.ExecuteReader())
            while (r.Read())
                times.Add(new StoredTime(r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.IsDBNull(5) ? null : DateOnly.Parse(r.GetString(5), CultureInfo.InvariantCulture), r.IsDBNull(6) ? null : DateOnly.Parse(r.GetString(6), CultureInfo.InvariantCulture)));
        return article with { Mentions = mentions, Times = times };
    }

    public EventPage Events(EventRequest request, int mentions = 5, CancellationToken ct = default) => Interruptible(ct, () => EventsCore(request, mentions, ct));

    private EventPage EventsCore(EventRequest request, int mentions, CancellationToken ct)
    {
        var parameters = new List<(string, object?)>();
        var where = EventQueries.Where(request, (name, value) => parameters.Add((name, value is DateOnly d ? Day(d) : value)));
        int total;
        using (var count = Command(EventQueries.Count(where), null, [.. parameters]))
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        var events = new List<EventHit>();
        using (var page = Command(EventQueries.Page(where), null, [.. parameters, ("@limit", request.Limit), ("@offset", request.Offset)]))
        using (var reader = page.ExecuteReader())
            while (reader.Read())
                events.Add(new EventHit(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), [], [], reader.GetInt32(4), []));
        return new EventPage(total, events.Select(e =>
        {
            ct.ThrowIfCancellationRequested();
            return WithDetails(e, mentions);
        }).ToList());
    }

    private EventHit WithDetails(EventHit e, int mentions)
    {
        var actors = new List<string>();
        var targets = new List<string>();
        using (var names = Command(EventQueries.ParticipantNames, null, ("@event", e.Id)))
        using (var reader = names.ExecuteReader())
            while (reader.Read()) (reader.GetString(0) == "actor" ? actors : targets).Add(reader.GetString(1));
        var list = new List<EventMentionHit>();
        using (var command = Command(EventQueries.Mentions, null, ("@event", e.Id), ("@limit", mentions)))
        using (var r = command.ExecuteReader())
            while (r.Read())
                list.Add(new EventMentionHit(r.GetInt64(0), DateOnly.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetString(8),
                    r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11)));
        return e with { Actors = actors, Targets = targets, Mentions = list };
    }

    public void SaveWatch(Watch watch)
    {
        using var command = Command(EventQueries.SaveWatch, null, ("@name", watch.Name), ("@query", watch.Query), ("@entity", watch.Entity), ("@seen", watch.SeenUpTo), ("@created", watch.Created));
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<Watch> Watches()
    {
        var list = new List<Watch>();
        using var command = Command(EventQueries.ListWatches);
        using var r = command.ExecuteReader();
        while (r.Read()) list.Add(new Watch(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4)));
        return list;
    }

    public void MarkSeen(string name, long upTo)
    {
        using var command = Command(EventQueries.MarkSeen, null, ("@name", name), ("@seen", upTo));
        command.ExecuteNonQuery();
    }

    public long LastArticleId()
    {
        using var command = Command(EventQueries.LastArticleId);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static DateOnly ReadDay(System.Data.Common.DbDataReader r, int i) => DateOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    public StoredAnalysis? Analysis(long id) => ChronicleReads.Analysis(_connection, id);

    public IReadOnlyList<long> Stale(string model, long afterId, int limit) => ChronicleReads.Stale(_connection, model, afterId, limit);

    public int StaleCount(string model) => ChronicleReads.StaleCount(_connection, model);

    public StoryInfo? Story(long articleId) => ChronicleReads.Story(_connection, articleId, ReadDay);

    public ChroniclePage Chronicle(ChronicleRequest request, CancellationToken ct = default) => Interruptible(ct, () =>
    {
        (string, List<(string, object?)>)? text = request.Query is { } q
            ? ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q", [("@q", "lemmas : " + ToFts(q))])
            : null;
        return ChronicleReads.Query(_connection, request, text, d => Day(d), ReadDay, ct);
    });

    public VolumeSeries Volume(SearchRequest request, bool monthly, CancellationToken ct = default) => Interruptible(ct, () =>
    {
        var (sql, parameters) = Stories(request);
        return ChartReads.Volume(_connection, request, sql, parameters,
            column => monthly ? $"substr({column}, 1, 7)" : column, d => Day(d), ReadDay);
    });

    public IReadOnlyList<PlaceCount> Places(PlaceRequest request, CancellationToken ct = default) => Interruptible(ct, () =>
        ChartReads.Places(_connection, request, request.Query is { } q
            ? ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q", [("@q", "lemmas : " + ToFts(q))])
            : null, d => Day(d)));

    public void Dispose() => _connection.Dispose();
}

internal static class SqliteCommandExtensions
{
    public static SqliteCommand With(this SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command;
    }
}
