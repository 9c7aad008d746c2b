namespace Kronika.Store.Tests;

public sealed class SqliteStoreTests : StoreConformance
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-store-").FullName;

    protected override IStore OpenStore() => new SqliteStore(Path.Combine(_dir, "kronika.db"));

    private SqliteStore? _ranking;

    protected override IStore RankingAtMost(int window) => _ranking ??= new SqliteStore(Path.Combine(_dir, "kronika.db")) { RankWindow = window };

    public override void Dispose()
    {
        _ranking?.Dispose();
        base.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    protected override void ToSchema11(IReadOnlyDictionary<long, byte[]> whole)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "kronika.db")};Pooling=false");
        connection.Open();
        foreach (var (id, blob) in whole)
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE articles SET analysis = $a WHERE id = $id";
            update.Parameters.AddWithValue("$a", blob);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }
        using var alter = connection.CreateCommand();
        alter.CommandText = "ALTER TABLE articles DROP COLUMN tokens; PRAGMA user_version = 11;";
        alter.ExecuteNonQuery();
    }

    protected override List<string> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "kronika.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    protected override void ToSchema13(IReadOnlyDictionary<long, (byte[] Head, byte[] Tokens)> analyses)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "kronika.db")};Pooling=false");
        connection.Open();
        foreach (var (id, (head, tokens)) in analyses)
        {
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE articles SET analysis = $a, tokens = $t WHERE id = $id";
            update.Parameters.AddWithValue("$a", head);
            update.Parameters.AddWithValue("$t", tokens);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }
        using var alter = connection.CreateCommand();
        alter.CommandText = PostingsAsSchema13 + "PRAGMA user_version = 13;";
        alter.ExecuteNonQuery();
    }

    /// <summary>The story postings as schema 13 kept them: a rowid table by text day, with an index by article.</summary>
    private const string PostingsAsSchema13 = """
        CREATE TABLE story_postings_13 (feature BIGINT NOT NULL, day TEXT NOT NULL, article_id BIGINT NOT NULL, PRIMARY KEY (feature, day, article_id));
        INSERT INTO story_postings_13 SELECT feature, date(day + 1721425.5), article_id FROM story_postings;
        DROP TABLE story_postings;
        ALTER TABLE story_postings_13 RENAME TO story_postings;
        CREATE INDEX story_postings_article ON story_postings(article_id);
        """;

    protected override void ToSchema12()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "kronika.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = PostingsAsSchema13 + "DROP TABLE entity_stats; DROP TABLE entity_days; PRAGMA user_version = 12;";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_store_of_a_schema_with_no_upgrade_is_refused_naming_both_versions()
    {
        var path = Path.Combine(_dir, "old.db");
        using (var store = new SqliteStore(path)) store.Write([Articles.Sample("putinas-kim")]);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 9";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStore(path, create: false));
        Assert.Contains($"schema 9, this one reads {SqliteStore.SchemaVersion}", error.Message);
    }

    [Fact]
    public void A_read_only_open_checks_the_version_and_never_writes_the_file()
    {
        var path = Path.Combine(_dir, "replica.db");
        using (var store = new SqliteStore(path)) store.Write(Articles.Samples);
        void Version(int version)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {version}";
            command.ExecuteNonQuery();
        }
        var bytes = File.ReadAllBytes(path);
        using (var replica = new SqliteStore(path, create: false, readOnly: true))
        {
            Assert.Equal(Articles.Samples.Count, replica.ArticleCount());
            Assert.Contains(replica.Search(new SearchRequest(Articles.Query("Putinas"))).Hits, h => h.Source.Contains("putinas-kim", StringComparison.Ordinal));
            Assert.NotNull(replica.Get(1));
            Assert.Contains("read-only", Assert.Throws<InvalidOperationException>(() => replica.Write([Articles.Sample("putinas-kim")])).Message);
        }
        Assert.Equal(bytes, File.ReadAllBytes(path));
        // Another version is refused, not upgraded; a file that is not there is a missing store, not a new one.
        Version(SqliteStore.SchemaVersion - 1);
        Assert.Contains("does not upgrade", Assert.Throws<InvalidOperationException>(() => new SqliteStore(path, readOnly: true)).Message);
        using (var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false;Mode=ReadOnly"))
        {
            check.Open();
            using var command = check.CreateCommand();
            command.CommandText = "PRAGMA user_version";
            Assert.Equal((long)SqliteStore.SchemaVersion - 1, command.ExecuteScalar());
        }
        Assert.Throws<StoreMissingException>(() => new SqliteStore(Path.Combine(_dir, "none.db"), readOnly: true));
        Assert.False(File.Exists(Path.Combine(_dir, "none.db")));
    }

    [Fact]
    public void The_store_survives_closing_and_reopening()
    {
        var path = Path.Combine(_dir, "reopen.db");
        using (var store = new SqliteStore(path)) store.Write(Articles.Samples);
        using var reopened = new SqliteStore(path);
        Assert.Equal(Articles.Samples.Count, reopened.ArticleCount());
        Assert.All(reopened.Write(Articles.Samples), o => Assert.Equal(WriteOutcome.Unchanged, o));
    }

    /// <summary>A search with words sorted by date gives the same page whether it sorts its matches or walks the stories by date.</summary>
    [Fact]
    public void A_search_sorted_by_date_walking_the_stories_finds_what_sorting_the_matches_finds()
    {
        var path = Path.Combine(_dir, "walk-sorted.db");
        using var store = new SqliteStore(path);
        store.Write(Articles.Samples);
        var requests = new[] { "Lietuva", "karys OR Lietuva", "Putinas" }.SelectMany(q => new SearchRequest[]
        {
            new(Articles.Query(q), Limit: 50, Sort: SearchSort.Newest),
            new(Articles.Query(q), Limit: 2, Offset: 1, Sort: SearchSort.Oldest),
            new(Articles.Query(q), From: new DateOnly(2024, 1, 1), Limit: 50, Sort: SearchSort.Oldest),
            new(Articles.Query(q), From: new DateOnly(2024, 6, 19), To: new DateOnly(2024, 6, 19), EventDates: true, Limit: 50, Sort: SearchSort.Newest),
            new(Articles.Query(q), EntityKeys: ["Q37"], Limit: 50, Sort: SearchSort.Newest),
        }).ToArray();
        var sorted = SortedPagesEqualWalkedPages(store, requests);
        Assert.Contains(sorted, p => p.Hits.Count > 3);
    }

    /// <summary>Each request's page and total with the matches sorted equal those with the stories walked by date (the
    /// walk forced for every search); returns the sorted pages.</summary>
    private static List<SearchPage> SortedPagesEqualWalkedPages(SqliteStore store, SearchRequest[] requests)
    {
        var sorted = requests.Select(r => store.Search(r)).ToList();
        var threshold = SqliteStore.FilterWalk;
        SqliteStore.FilterWalk = -1;
        try
        {
            for (var i = 0; i < requests.Length; i++)
            {
                var walked = store.Search(requests[i]);
                Assert.Equal(sorted[i].Total, walked.Total);
                Assert.Equal(sorted[i].Hits.Select(h => h.Id), walked.Hits.Select(h => h.Id));
            }
        }
        finally
        {
            SqliteStore.FilterWalk = threshold;
        }
        return sorted;
    }

    /// <summary>A search with filters and no words gives the same page whether it sorts its matches or walks the stories by date.</summary>
    [Fact]
    public void A_filter_only_search_walking_the_stories_by_date_finds_what_sorting_the_matches_finds()
    {
        var path = Path.Combine(_dir, "walk.db");
        using var store = new SqliteStore(path);
        store.Write(Articles.Samples);
        SearchRequest[] requests =
        [
            new(null, EntityKeys: ["Q7747"], Limit: 50),
            new(null, EntityKeys: ["Q37"], Limit: 3, Offset: 1),
            new(null, From: new DateOnly(2024, 1, 1), To: new DateOnly(2025, 6, 30), Limit: 50),
            new(null, From: new DateOnly(2024, 6, 19), To: new DateOnly(2024, 6, 19), EventDates: true, Limit: 50),
            new(null, EntityKeys: ["Q7747"], Type: "PER", From: new DateOnly(2024, 1, 1), Limit: 50),
            new(null, EntityKeys: ["Q7747"], Type: "ORG", Limit: 50),
            new(null, Type: "PER", Limit: 50),
            new(null, From: new DateOnly(2023, 1, 1), AfterId: 3, Limit: 50),
        ];
        var sorted = SortedPagesEqualWalkedPages(store, requests);
        Assert.Contains(sorted, p => p.Hits.Count > 1);
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(_dir, "not-a-db.txt");
        File.WriteAllText(path, "tai ne duomenų bazė, o paprastas tekstas, kurio ilgis viršija antraštę");
        var error = Assert.ThrowsAny<Exception>(() => new SqliteStore(path));
        Assert.Contains("not a database", error.Message);
        Assert.Equal("tai ne duomenų bazė, o paprastas tekstas, kurio ilgis viršija antraštę", File.ReadAllText(path));
    }
}
