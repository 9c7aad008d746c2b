using Npgsql;

namespace Kronika.Store.Tests;

/// <summary>
/// The conformance suite on PostgreSQL: KRONIKA_TEST_POSTGRES names a server (postgres://user:password@host/database;
/// `.ci/run` starts one). Each test works in a schema of its own, dropped afterwards.
/// </summary>
public sealed class PostgresStoreTests : StoreConformance
{
    private readonly string _schema = "kronika_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    protected override IStore OpenStore()
    {
        var uri = Environment.GetEnvironmentVariable("KRONIKA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(uri)) Assert.Skip("KRONIKA_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)");
        _connectionString = PostgresStore.ConnectionString(uri);
        try
        {
            using var connection = new NpgsqlConnection(_connectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {_schema}", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException e)
        {
            Assert.Skip($"the PostgreSQL server in KRONIKA_TEST_POSTGRES cannot be reached: {e.Message}");
        }
        return new PostgresStore(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
    }

    protected override void ToSchema11(IReadOnlyDictionary<long, byte[]> whole)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        foreach (var (id, blob) in whole)
        {
            using var update = new NpgsqlCommand("UPDATE articles SET analysis = @a WHERE id = @id", connection);
            update.Parameters.AddWithValue("a", blob);
            update.Parameters.AddWithValue("id", id);
            update.ExecuteNonQuery();
        }
        using var alter = new NpgsqlCommand("ALTER TABLE articles DROP COLUMN tokens; COMMENT ON TABLE articles IS 'kronika schema 11';", connection);
        alter.ExecuteNonQuery();
    }

    protected override List<string> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name.TrimStart('@'), value);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            })));
        return rows;
    }

    protected override void ToSchema13(IReadOnlyDictionary<long, (byte[] Head, byte[] Tokens)> analyses)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        foreach (var (id, (head, tokens)) in analyses)
        {
            using var update = new NpgsqlCommand("UPDATE articles SET analysis = @a, tokens = @t WHERE id = @id", connection);
            update.Parameters.AddWithValue("a", head);
            update.Parameters.AddWithValue("t", tokens);
            update.Parameters.AddWithValue("id", id);
            update.ExecuteNonQuery();
        }
        using var alter = new NpgsqlCommand("CREATE INDEX story_postings_article ON story_postings(article_id); COMMENT ON TABLE articles IS 'kronika schema 13';", connection);
        alter.ExecuteNonQuery();
    }

    protected override void ToSchema12()
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand("DROP TABLE entity_stats; DROP TABLE entity_days; COMMENT ON TABLE articles IS 'kronika schema 12';", connection);
        command.ExecuteNonQuery();
    }

    private string InSchema(bool readOnly = false)
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { SearchPath = _schema };
        // What a hot standby does: every transaction read-only, any CREATE, INSERT or UPDATE refused.
        if (readOnly) builder.Options = "-c default_transaction_read_only=on";
        return builder.ToString();
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(InSchema());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>What a reader sees of the store: counts, a search's hits and each article as read back.</summary>
    private static List<string> Seen(IStore store)
    {
        var seen = new List<string> { $"{store.ArticleCount()} articles, {store.StoryCount()} stories" };
        foreach (var hit in store.Search(new SearchRequest(Articles.Query("Putinas"), Limit: 50)).Hits)
            seen.Add($"{hit.Id} {hit.Date} {hit.Title} copies {hit.Copies}");
        for (var id = 1L; id <= store.LastArticleId(); id++)
            if (store.Get(id) is { } a) seen.Add($"{id} {a.SourceId} {a.Date} mentions {a.Mentions.Count} times {a.Times.Count}");
        return seen;
    }

    [Fact]
    public void A_store_of_schema_14_is_upgraded_to_monthly_partitions_keeping_every_article_copy_and_layer()
    {
        var samples = Articles.Samples;
        var original = Articles.Sample("putinas-kim");
        Store.Write([.. samples, original with { SourceId = "https://kitas-portalas.lt/x", Url = "https://kitas-portalas.lt/x" }]);
        var before = Seen(Store);
        var months = samples.Select(a => new DateOnly(a.Date.Year, a.Date.Month, 1)).Distinct().Count();
        Assert.Equal([$"{months}"], Rows("SELECT COUNT(*) FROM pg_inherits WHERE inhparent = to_regclass('articles')"));
        // As schema 14 kept it: one unpartitioned table, unique by id and by source, its layers referencing it.
        Execute("""
            CREATE TABLE articles_plain AS SELECT * FROM articles;
            DROP TABLE article_keys CASCADE;
            DROP TABLE articles;
            ALTER TABLE articles_plain RENAME TO articles;
            ALTER TABLE articles ADD CONSTRAINT articles_pkey PRIMARY KEY (id), ADD CONSTRAINT articles_source_id_key UNIQUE (source_id);
            CREATE INDEX articles_hash ON articles(hash);
            CREATE INDEX articles_date ON articles(date);
            CREATE INDEX articles_fts ON articles USING GIN (fts) WHERE duplicate_of IS NULL;
            ALTER TABLE mentions ADD FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE;
            ALTER TABLE times ADD FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE;
            ALTER TABLE event_mentions ADD FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE;
            COMMENT ON TABLE articles IS 'kronika schema 14';
            """);
        Assert.Equal(["r"], Rows("SELECT relkind::text FROM pg_class WHERE oid = to_regclass('articles')"));

        using var upgraded = new PostgresStore(InSchema());
        Assert.Equal(["p"], Rows("SELECT relkind::text FROM pg_class WHERE oid = to_regclass('articles')"));
        Assert.Equal([$"{months}"], Rows("SELECT COUNT(*) FROM pg_inherits WHERE inhparent = to_regclass('articles')"));
        Assert.Equal(["3"], Rows("SELECT COUNT(*) FROM pg_constraint WHERE confrelid = to_regclass('article_keys')"));
        Assert.Equal(before, Seen(upgraded));
        // Writing again: the same articles are found by their source, the copy by its text, a new one takes the next id.
        Assert.All(upgraded.Write(samples), o => Assert.Equal(WriteOutcome.Unchanged, o));
        Assert.Equal([WriteOutcome.Copy], upgraded.Write([original with { SourceId = "https://trecias.lt/x", Url = "https://trecias.lt/x" }]));
        Assert.Equal(samples.Count + 2, upgraded.LastArticleId()); // the next id after the moved ones
        Assert.Equal(samples.Count + 2, upgraded.ArticleCount());
    }

    [Fact]
    public void A_store_of_schema_15_is_upgraded_with_the_near_copy_lookup_on_the_article_keys()
    {
        var samples = Articles.Samples;
        Store.Write(samples);
        var before = Seen(Store);
        // As schema 15 kept it: no SimHash in the keys, the quarter indexes on every month's partition.
        Execute("""
            ALTER TABLE article_keys DROP COLUMN simhash;
            CREATE INDEX articles_sim0 ON articles ((simhash & 65535)) WHERE duplicate_of IS NULL;
            COMMENT ON TABLE articles IS 'kronika schema 15';
            """);

        using var upgraded = new PostgresStore(InSchema());
        Assert.Equal(["0"], Rows("SELECT COUNT(*) FROM article_keys k JOIN articles a ON a.id = k.article_id AND a.date = k.date WHERE k.simhash <> a.simhash"));
        Assert.Equal(["0"], Rows("SELECT COUNT(*) FROM pg_indexes WHERE tablename LIKE 'articles%' AND indexdef LIKE '%65535%'"));
        Assert.Equal(["4"], Rows("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'article_keys' AND indexname LIKE 'article_keys_sim%'"));
        Assert.Equal(before, Seen(upgraded));
        // A stored article's near-copy (another text, the same SimHash) from another source is found through the keys.
        var original = Articles.Sample("putinas-kim");
        Assert.Equal([WriteOutcome.Copy], upgraded.Write([original with { SourceId = "https://trecias.lt/y", Url = "https://trecias.lt/y", Hash = "kitas-tekstas" }]));
    }

    [Fact]
    public void A_new_month_gets_its_partition_and_an_article_moved_to_another_month_moves_with_its_layers()
    {
        var article = Articles.Sample("putinas-kim");
        Store.Write([article]);
        var mentions = Store.Get(Store.LastArticleId())!.Mentions.Count;
        Assert.True(mentions > 0);
        var later = article with { Date = new DateOnly(2031, 2, 3), Hash = article.Hash + "-later" };
        Assert.Equal([WriteOutcome.Updated], Store.Write([later]));
        Assert.Contains("articles_2031_02", Rows("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('articles')"));
        Assert.Equal(["2031-02-03"], Rows("SELECT date FROM articles_2031_02"));
        Assert.Equal(["2031-02-03"], Rows("SELECT date FROM article_keys"));
        var stored = Store.Get(Store.LastArticleId())!;
        Assert.Equal(new DateOnly(2031, 2, 3), stored.Date);
        Assert.Equal(mentions, stored.Mentions.Count);
        Assert.True(Store.Holds(article.SourceId, later.Hash));
    }

    [Fact]
    public async Task A_read_only_open_checks_the_version_and_creates_nothing_where_every_write_is_refused()
    {
        Store.Write(Articles.Samples);
        var seen = Seen(Store);
        // A standby refuses the statements an ordinary open runs; the read-only open runs none of them.
        Assert.ThrowsAny<PostgresException>(() => new PostgresStore(InSchema(readOnly: true)).Dispose());
        using (var replica = new PostgresStore(InSchema(readOnly: true), create: false, readOnly: true))
        {
            Assert.Equal(seen, Seen(replica));
            Assert.Null(await replica.ProblemAsync(TestContext.Current.CancellationToken));
            Assert.Contains("read-only", Assert.Throws<InvalidOperationException>(() => replica.Write([Articles.Sample("putinas-kim")])).Message);
        }
        // Another version is refused, not upgraded; no store at all is a missing store.
        Execute("COMMENT ON TABLE articles IS 'kronika schema 14'");
        Assert.Contains("does not upgrade", Assert.Throws<InvalidOperationException>(() => new PostgresStore(InSchema(readOnly: true), readOnly: true)).Message);
        Assert.Equal(["kronika schema 14"], Rows("SELECT obj_description(to_regclass('articles'), 'pg_class')"));
        Execute("DROP TABLE articles CASCADE");
        Assert.Throws<StoreMissingException>(() => new PostgresStore(InSchema(readOnly: true), readOnly: true));
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_connectionString is null) return;
        using var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        command.ExecuteNonQuery();
    }
}
