using System.Diagnostics;
using Kronika.Ingest;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kronika.Store.Tests;

/// <summary>
/// A read that is cancelled stops in the database, not only in this process: PostgreSQL is asked to cancel the statement
/// (pg_stat_activity shows it gone), SQLite's statement is interrupted. Issue 20 (async store with cancellation) and
/// issue 21 (cancellation reaching the store).
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-cancel-").FullName;
    private readonly List<Action> _cleanup = [];

    public void Dispose()
    {
        foreach (var clean in _cleanup) clean();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The reads a server runs for a request, each as a function of the store and the request's token.</summary>
    public static TheoryData<string> Reads() => ["search", "export", "chronicle", "events"];

    private static Task Read(IStore store, string read, CancellationToken ct) => read switch
    {
        "search" => store.SearchAsync(new SearchRequest(Articles.Query("Putinas")), ct),
        // An export as GET /api/export streams it: the story ids, then each article's stored analysis.
        "export" => new Exporter(store).WriteAsync(new SearchRequest(Articles.Query("Putinas")), "jsonl", TextWriter.Null, ct),
        "chronicle" => store.ChronicleAsync(new ChronicleRequest(Articles.Query("Putinas")), ct),
        "events" => store.EventsAsync(new EventRequest(), 5, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(read)),
    };

    private static string? PostgresUri()
    {
        var uri = Environment.GetEnvironmentVariable("KRONIKA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(uri)) Assert.Skip("KRONIKA_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)");
        return uri;
    }

    // A statement that waits on a lock runs until something stops it: the long query, without a large store.
    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_cancelled_PostgreSQL_read_stops_on_the_server(string read)
    {
        var admin = PostgresStore.ConnectionString(PostgresUri()!);
        var schema = "kronika_cancel_" + Guid.NewGuid().ToString("N")[..12];
        var application = "kronika-cancel-" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await new NpgsqlCommand($"CREATE SCHEMA {schema}", connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        _cleanup.Add(() =>
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection).ExecuteNonQuery();
        });
        using var store = new PostgresStore(new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema, ApplicationName = application }.ToString());
        store.Write(Articles.Samples);

        await using var locker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ToString());
        await locker.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await locker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        // Every table a read starts from, so its first statement waits (an event count reads only `events`).
        await new NpgsqlCommand("LOCK TABLE articles, events IN ACCESS EXCLUSIVE MODE", locker, transaction).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

        async Task<int> Running()
        {
            await using var watcher = new NpgsqlConnection(admin);
            await watcher.OpenAsync(TestContext.Current.CancellationToken);
            var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = @a AND state = 'active'", watcher);
            command.Parameters.AddWithValue("a", application);
            return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        using var cancel = new CancellationTokenSource();
        var task = Read(store, read, cancel.Token);
        // The read is waiting on the server for the lock.
        var clock = Stopwatch.StartNew();
        while (await Running() == 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(1, await Running());
        Assert.False(task.IsCompleted);

        clock.Restart();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the read took {clock.Elapsed.TotalSeconds:0.0} s to stop");
        // Nothing of it runs on the server any more, though the lock is still held.
        Assert.Equal(0, await Running());
        await transaction.RollbackAsync(TestContext.Current.CancellationToken);

        // The store's pool is sound after a cancelled read.
        Assert.NotEmpty((await store.SearchAsync(new SearchRequest(Articles.Query("Putinas")), TestContext.Current.CancellationToken)).Hits);
    }

    [Fact]
    public async Task A_cancelled_SQLite_read_is_interrupted_where_it_is()
    {
        var path = Path.Combine(_dir, "big.db");
        new SqliteStore(path).Dispose();
        // A store whose entity list is a long query: 40,000 articles with 5 mentions each, written straight into the tables.
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TRIGGER articles_ai;
                BEGIN;
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
                INSERT INTO articles (id, source_id, name, hash, date, language, simhash, ingested, title, facets, spans, lemmas, text)
                SELECT i, 's' || i, 'n', 'h' || i, '2025-01-01', 'lt', 0, '', 't', '', x'', 'lietuva', 'Lietuva' FROM n;
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 4999)
                INSERT INTO entities SELECT 'E' || i, 'Vardas ' || i, 'PER', NULL, 'vardas ' || i FROM n;
                INSERT INTO mentions SELECT a.id, 'E' || ((a.id * 7 + k.k * 1013) % 5000), 1, x'' FROM articles a, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k;
                COMMIT;
                """;
            command.ExecuteNonQuery();
        }
        using var store = new SqliteStore(path, create: false);
        await store.EntitiesAsync(null, 10, TestContext.Current.CancellationToken); // warm: the file in the page cache
        var clock = Stopwatch.StartNew();
        await store.EntitiesAsync(null, 10, TestContext.Current.CancellationToken);
        var whole = clock.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"the whole query: {whole.TotalMilliseconds:0} ms");
        if (whole < TimeSpan.FromMilliseconds(100)) Assert.Skip($"the long query took only {whole.TotalMilliseconds:0} ms here: too short to tell an interrupt from its end");

        // Cancelled a tenth of the way through a warm whole query: well inside the statement.
        using var cancel = new CancellationTokenSource(whole / 10);
        clock.Restart();
        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.EntitiesAsync(null, 10, cancel.Token));
        // Stopped inside the statement (SQLite says it was interrupted), or at least before a whole query's time.
        var interrupted = stopped.InnerException is SqliteException { SqliteErrorCode: 9 }; // SQLITE_INTERRUPT
        Assert.True(interrupted || clock.Elapsed < whole, $"the cancelled query took {clock.Elapsed.TotalMilliseconds:0} ms, the whole one {whole.TotalMilliseconds:0} ms, and SQLite did not say it was interrupted");
        // The interrupted connection goes back to the pool and reads again.
        Assert.Equal(10, (await store.EntitiesAsync(null, 10, TestContext.Current.CancellationToken)).Count);
    }
}
