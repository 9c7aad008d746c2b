using System.Data.Common;
using System.Diagnostics;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Tests;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kronika.Cli.Tests;

/// <summary>
/// Four `kronika ingest` processes at once over overlapping inputs into one store store what one process stores: every
/// article once, every exact or near copy linked to one story, no story twice.
/// </summary>
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-concurrent-").FullName;
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        if (_databases.Count == 0) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresStore.ConnectionString(Environment.GetEnvironmentVariable("KRONIKA_TEST_POSTGRES")!));
        connection.Open();
        foreach (var db in _databases)
            using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {db} WITH (FORCE)", connection))
                drop.ExecuteNonQuery();
    }

    /// <summary>
    /// Synthetic articles, exact copies of some under other names, and near copies of others (a word more): the
    /// copies sit in other files, so that different processes read an article and its copy.
    /// </summary>
    private List<string> Corpus()
    {
        const int count = 36;
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        var pipeline = LithuanianPipeline.Create();
        var generator = new SyntheticCorpus(ArticleReader.Read([TestPaths.Samples]).Select(r => pipeline.Process(r.Document!)));
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var text = generator.Article(i, seed: 7, words: 120);
            files.Add(Write(folder, $"a{i:D3}.txt", text));
            if (i % 4 == 0) files.Add(Write(folder, $"copy{i:D3}.txt", text));
            if (i % 4 == 1) files.Add(Write(folder, $"near{i:D3}.txt", text + " Daugiau žinių vėliau."));
        }
        return files;
    }

    private static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Process StartIngest(string db, IEnumerable<string> inputs)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kronika.dll"));
        info.ArgumentList.Add("ingest");
        foreach (var input in inputs) info.ArgumentList.Add(input);
        foreach (var arg in new[] { "--db", db, "--batch", "3" }) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private static void Ingest(string db, params List<string>[] inputs)
    {
        var processes = inputs.Select(i => StartIngest(db, i)).ToList();
        var outputs = processes.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        for (var i = 0; i < processes.Count; i++)
        {
            Assert.True(processes[i].WaitForExit(TimeSpan.FromMinutes(10)), "an ingest did not finish in 10 minutes");
            Assert.True(processes[i].ExitCode == 0, $"ingest {i} exited with {processes[i].ExitCode}: {outputs[i].Err.Result}");
            processes[i].Dispose();
        }
    }

    /// <summary>Articles, stories, copies, story groups, chronicle events and their reports, and stories stored twice (same text, no copy).</summary>
    private static (long Articles, long Stories, long Copies, long Groups, long Events, long Reports, long Twice) Counts(DbConnection connection)
    {
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar());
        }
        return (Scalar("SELECT COUNT(*) FROM articles"), Scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NULL"),
            Scalar("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            Scalar("SELECT COUNT(DISTINCT coalesce(story_id, id)) FROM articles WHERE duplicate_of IS NULL"),
            Scalar("SELECT COUNT(*) FROM events"), Scalar("SELECT COUNT(*) FROM event_mentions"),
            Scalar("SELECT COUNT(*) FROM (SELECT hash FROM articles WHERE duplicate_of IS NULL GROUP BY hash HAVING COUNT(*) > 1) t"));
    }

    /// <summary>Each of four processes reads three quarters of the files, in its own order: every file is read by three.</summary>
    private static List<string>[] Overlapping(List<string> files) =>
        [.. Enumerable.Range(0, 4).Select(k => files.Where((_, i) => i % 4 != k).OrderBy(f => (f.GetHashCode() * (k + 1)) % 97).ToList())];

    private static void AssertSame((long Articles, long Stories, long Copies, long Groups, long Events, long Reports, long Twice) one,
        (long Articles, long Stories, long Copies, long Groups, long Events, long Reports, long Twice) four, int files)
    {
        Assert.Equal(files, one.Articles);
        Assert.Equal(0, one.Twice);
        Assert.True(one.Copies >= files / 6, $"only {one.Copies} copies among {files} files");
        Assert.Equal(one, four);
    }

    [Fact]
    public void Four_ingest_processes_into_one_SQLite_file_store_what_one_process_stores()
    {
        var files = Corpus();
        var single = Path.Combine(_dir, "single.db");
        var shared = Path.Combine(_dir, "shared.db");
        Ingest("sqlite:" + single, files);
        Ingest("sqlite:" + shared, Overlapping(files));
        using var a = new SqliteConnection($"Data Source={single};Pooling=false");
        using var b = new SqliteConnection($"Data Source={shared};Pooling=false");
        a.Open();
        b.Open();
        AssertSame(Counts(a), Counts(b), files.Count);
    }

    [Fact]
    public void Four_ingest_processes_into_one_PostgreSQL_store_what_one_process_stores()
    {
        var uri = Environment.GetEnvironmentVariable("KRONIKA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(uri)) Assert.Skip("KRONIKA_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)");
        string Database()
        {
            var name = "kronika_ingest_" + Guid.NewGuid().ToString("N")[..10];
            try
            {
                using var connection = new NpgsqlConnection(PostgresStore.ConnectionString(uri));
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
            catch (NpgsqlException e)
            {
                Assert.Skip($"the PostgreSQL server in KRONIKA_TEST_POSTGRES cannot be reached or cannot create a database: {e.Message}");
            }
            _databases.Add(name);
            return uri[..uri.LastIndexOf('/')] + "/" + name;
        }
        var files = Corpus();
        var single = Database();
        var shared = Database();
        Ingest(single, files);
        Ingest(shared, Overlapping(files));
        using var a = new NpgsqlConnection(PostgresStore.ConnectionString(single));
        using var b = new NpgsqlConnection(PostgresStore.ConnectionString(shared));
        a.Open();
        b.Open();
        AssertSame(Counts(a), Counts(b), files.Count);
    }
}
