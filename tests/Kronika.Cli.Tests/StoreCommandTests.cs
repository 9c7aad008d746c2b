using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Kronika.Cli;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Tests;
using Microsoft.Data.Sqlite;

namespace Kronika.Cli.Tests;

/// <summary>`kronika ingest`, `search`, `entities`, `timeline` as a user runs them, on an embedded store in a temporary folder.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-store-cli-").FullName;
    private string Db => "sqlite:" + Path.Combine(_dir, "kronika.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = KronikaCli.RunAsync(args, output, error, () => new MemoryStream()).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private void IngestSamples() => Assert.Equal(0, Run("ingest", TestPaths.Samples, "--db", Db).Code);

    [Fact]
    public void A_newcomer_ingests_the_samples_and_finds_a_name_in_any_case_form()
    {
        var (code, output, _) = Run("ingest", TestPaths.Samples, "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("14 read", output);
        Assert.Contains("14 new", output);
        Assert.Contains("0 errors", output);
        var search = Run("search", "Putinui", "--db", Db);
        Assert.Equal(0, search.Code);
        Assert.Contains("2025-08-13  Rusijos prezidentas Vladimiras Putinas", search.Out);
        Assert.Contains("[Putinas]", search.Out);
        Assert.Contains("[Putinu]", search.Out);
    }

    [Fact]
    public void Ingesting_again_stores_nothing_new()
    {
        IngestSamples();
        var (code, output, _) = Run("ingest", TestPaths.Samples, "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("0 new, 0 updated, 14 unchanged", output);
        Assert.Contains("store: 14 stories in 14 articles", output);
    }

    [Fact]
    public void A_bad_file_is_reported_in_one_line_and_the_rest_is_stored()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.Copy(Path.Combine(TestPaths.Samples, "2025-08-13-putinas-kim.txt"), Path.Combine(folder, "a.txt"));
        File.WriteAllText(Path.Combine(folder, "b.txt"), " date 2025-02-30 Neįmanoma data.");
        var (code, output, error) = Run("ingest", folder, "--db", Db);
        Assert.Equal(KronikaCli.SomeInputsFailed, code);
        var line = Assert.Single(HardeningTests.Lines(error));
        Assert.StartsWith("error: ", line);
        Assert.Contains("b.txt", line);
        Assert.Contains("1 new", output);
        Assert.Contains("1 errors", output);
        Assert.Contains("Putinas", Run("search", "Kim", "--db", Db).Out);
    }

    [Fact]
    public void Search_results_come_as_json_with_snippet_offsets_that_point_at_the_matched_words()
    {
        IngestSamples();
        var (code, output, _) = Run("search", "Putinui", "--format", "json", "--limit", "2", "--db", Db);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("total").GetInt32());
        var hits = json.RootElement.GetProperty("hits");
        Assert.Equal(2, hits.GetArrayLength());
        foreach (var hit in hits.EnumerateArray())
        {
            var snippet = hit.GetProperty("snippet").GetString()!;
            var marked = hit.GetProperty("highlights").EnumerateArray().Select(h => snippet[h[0].GetInt32()..h[1].GetInt32()]).ToList();
            Assert.NotEmpty(marked);
            Assert.All(marked, w => Assert.StartsWith("Putin", w));
            Assert.Matches(@"^\d{4}-\d\d-\d\d$", hit.GetProperty("date").GetString());
        }
    }

    [Fact]
    public void Search_sorted_by_date_lists_the_newest_or_oldest_first()
    {
        IngestSamples();
        List<string> Dates(string sort)
        {
            var (code, output, _) = Run("search", "Lietuva", "--sort", sort, "--limit", "50", "--format", "json", "--db", Db);
            Assert.Equal(0, code);
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();
        }
        var newest = Dates("newest");
        Assert.True(newest.Count >= 5);
        Assert.Equal(newest.OrderDescending(StringComparer.Ordinal), newest);
        Assert.Equal(newest.AsEnumerable().Reverse(), Dates("oldest"));
        Assert.Contains("oldest first", Run("search", "Lietuva", "--sort", "oldest", "--db", Db).Out);
        Assert.NotEqual(0, Run("search", "Lietuva", "--sort", "date", "--db", Db).Code);
    }

    [Fact]
    public void Search_by_entity_accepts_any_case_form_of_the_name()
    {
        IngestSamples();
        var byName = Run("search", "--entity", "Putinui", "--db", Db);
        Assert.Equal(0, byName.Code);
        Assert.Contains("4 articles", byName.Out);
        Assert.Equal(byName.Out, Run("search", "--entity", "Q7747", "--db", Db).Out);
        var unknown = Run("search", "--entity", "Niekas Nežinomas", "--db", Db);
        Assert.Equal(KronikaCli.SomeInputsFailed, unknown.Code);
        Assert.Contains("no entity named 'Niekas Nežinomas'", unknown.Err);
    }

    [Fact]
    public void A_malformed_query_or_date_is_one_error_line()
    {
        IngestSamples();
        var query = Run("search", "Putinas AND (", "--db", Db);
        Assert.Equal(KronikaCli.UsageError, query.Code);
        Assert.Equal("error: query: a term is missing", query.Err.Trim());
        var date = Run("search", "Putinas", "--from", "2025-13-01", "--db", Db);
        Assert.Equal(KronikaCli.UsageError, date.Code);
        Assert.Contains("--from: '2025-13-01'", date.Err);
        Assert.Equal(KronikaCli.UsageError, Run("search", "--db", Db).Code);
    }

    [Fact]
    public void Entities_and_timeline_report_counts_the_user_can_check()
    {
        IngestSamples();
        var entities = Run("entities", "--type", "PER", "--top", "5", "--format", "json", "--db", Db);
        using var json = JsonDocument.Parse(entities.Out);
        Assert.Equal(5, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Equal("PER", e.GetProperty("type").GetString()));
        Assert.Contains(json.RootElement.EnumerateArray(), e => e.GetProperty("canonical").GetString() == "Gitanas Nausėda" && e.GetProperty("kb").GetString() == "Q9268379");
        var timeline = Run("timeline", "Putino", "--db", Db);
        Assert.Equal(0, timeline.Code);
        Assert.StartsWith("Vladimiras Putinas (PER, Q7747): ", timeline.Out);
        Assert.Contains("2025-08 ", timeline.Out);
        Assert.Contains("Kim Jong Unas", Run("timeline", "Putino", "--top", "50", "--db", Db).Out);
    }

    [Fact]
    public void A_store_that_cannot_be_opened_is_one_error_line()
    {
        var path = Path.Combine(_dir, "text.db");
        File.WriteAllText(path, new string('x', 4096));
        var (code, _, error) = Run("search", "Putinas", "--db", "sqlite:" + path);
        Assert.Equal(KronikaCli.UsageError, code);
        Assert.StartsWith("error: --db sqlite:", error);
        Assert.Single(HardeningTests.Lines(error));
        Assert.Equal(KronikaCli.UsageError, Run("search", "Putinas", "--db", "mysql://x/y").Code);
    }

    /// <summary>Kills `kronika ingest` with SIGKILL in the middle of a run, then checks the store and finishes the run.</summary>
    [Fact]
    public void Killing_an_ingest_loses_no_committed_batch_and_rerunning_completes_without_duplicates()
    {
        const int count = 800, batch = 5;
        var corpus = Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        var pipeline = LithuanianPipeline.Create();
        var generator = new SyntheticCorpus(ArticleReader.Read([TestPaths.Samples]).Select(r => pipeline.Process(r.Document!)));
        for (var i = 0; i < count; i++) File.WriteAllText(Path.Combine(corpus, $"{i:D4}.txt"), generator.Article(i, words: 150));
        var dbPath = Path.Combine(_dir, "killed.db");

        using (var child = StartIngest(corpus, dbPath, batch))
        {
            var clock = Stopwatch.StartNew();
            while (Stored(dbPath) < 4 * batch && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(20);
            Assert.False(child.HasExited, "the ingest finished before it could be killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        int committed;
        using (var connection = Open(dbPath))
        {
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            Scalar(connection, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')");
            committed = Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM articles"));
            Assert.InRange(committed, 4 * batch, count - 1);
            Assert.Equal(0, committed % batch);
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"));
        }

        using (var rerun = StartIngest(corpus, dbPath, batch))
        {
            var output = rerun.StandardOutput.ReadToEnd();
            rerun.WaitForExit();
            Assert.Equal(0, rerun.ExitCode);
            Assert.Contains($"{count} read", output);
            Assert.Contains($"{committed} unchanged", output);
        }
        using (var connection = Open(dbPath))
        {
            Assert.Equal((long)count, Scalar(connection, "SELECT COUNT(*) FROM articles"));
            Assert.Equal((long)count, Scalar(connection, "SELECT COUNT(DISTINCT hash) FROM articles"));
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        }
    }

    private static Process StartIngest(string corpus, string dbPath, int batch)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "kronika.dll"), "ingest", corpus, "--db", "sqlite:" + dbPath, "--batch", batch.ToString() })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static int Stored(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            using var connection = Open(path);
            return Convert.ToInt32(Scalar(connection, "SELECT COUNT(*) FROM articles"));
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    [Fact]
    public void Events_lists_who_did_what_to_whom_with_the_reporting_sentence()
    {
        IngestSamples();
        var (code, output, _) = Run("events", "--actor", "Putinu", "--type", "CONSULT", "--db", Db);
        Assert.Equal(0, code);
        Assert.Matches(@"2025-08-12\s+CONSULT/phone\s+.*Kim Jong Unas.*Vladimiras Putinas", output);
        Assert.Contains("[kalbėjosi]", output);
        var json = JsonDocument.Parse(Run("events", "--type", "MOBILIZE", "--format", "json", "--db", Db).Out).RootElement;
        Assert.True(json.GetProperty("total").GetInt32() > 0);
        Assert.All(json.GetProperty("events").EnumerateArray(), e => Assert.Equal("MOBILIZE", e.GetProperty("type").GetString()));
    }

    [Fact]
    public void Chronicle_gives_the_contacts_between_Russia_and_North_Korea_with_dates_sources_and_figures()
    {
        IngestSamples();
        var (code, output, _) = Run("chronicle", "--actor", "Rusija", "--target", "Šiaurės Korėja", "--from", "2024-01-01", "-n", "50", "--db", Db);
        Assert.Equal(0, code);
        // The call: Putin and Kim stand for their states; its date, and who reported it.
        Assert.Matches(@"(?m)^2025-08-12  susitikimas ar pokalbis \(CONSULT/phone\), held: Kim Jong Unas, Vladimiras Putinas", output);
        Assert.Matches(@"according to .*Kremlius", output);
        // The soldiers North Korea sent, with Seoul's figure.
        Assert.Matches(@"pajėgų telkimas \(MOBILIZE/troops\), held: Šiaurės Korėja → Rusija", output);
        Assert.Contains("figure: more than 15,000 karys — Seulas, 2025-08-13", output);
        // The capitals stand for the states too (Pchenjanas → Maskva), and nothing before --from.
        Assert.Contains("Pchenjanas → Maskva", output);
        Assert.DoesNotMatch(@"(?m)^2023", output);
        var json = JsonDocument.Parse(Run("chronicle", "--actor", "Rusija", "--target", "Šiaurės Korėja", "--from", "2024-01-01", "--format", "json", "--db", Db).Out).RootElement;
        Assert.True(json.GetProperty("total").GetInt32() >= 5);
        var dates = json.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("from").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public void Reanalyze_has_nothing_to_do_for_a_store_this_model_analysed()
    {
        IngestSamples();
        var (code, output, _) = Run("reanalyze", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("0 articles analysed by another model", output);
        Assert.Contains("0 reanalysed", output);
    }

    [Fact]
    public void Export_writes_chronicle_events_as_json_lines()
    {
        IngestSamples();
        var (code, output, error) = Run("export", "--chronicle", "--format", "jsonl", "--entity", "Šiaurės Korėja", "--db", Db);
        Assert.Equal(0, code);
        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.True(e.GetProperty("reports").GetArrayLength() > 0));
        Assert.Contains($"{events.Count} chronicle events exported", error);
        Assert.NotEqual(0, Run("export", "--chronicle", "--format", "conllu", "--db", Db).Code);
    }

    [Fact]
    public void Events_with_an_impossible_date_is_a_usage_error()
    {
        var (code, _, error) = Run("events", "--from", "2025-02-30", "--db", Db);
        Assert.Equal(2, code);
        Assert.Equal("error: --from: '2025-02-30' is not a date of the form YYYY-MM-DD", error.Trim());
    }

    [Fact]
    public void Export_writes_documents_events_and_a_gdelt_table_for_a_query()
    {
        IngestSamples();
        var jsonl = Run("export", "--format", "jsonl", "--query", "Putinas", "--db", Db);
        Assert.Equal(0, jsonl.Code);
        var documents = jsonl.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, documents.Count);
        Assert.All(documents, d => Assert.True(d.GetProperty("tokens").GetArrayLength() > 0));
        Assert.Contains(documents, d => d.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "CONSULT"));
        Assert.Contains("4 articles exported", jsonl.Err);

        var csv = Run("export", "--format", "csv", "--from", "2025-08-13", "--to", "2025-08-13", "--db", Db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("article_id,article_date,source,url,event_type,mode,actors,targets,event_date", csv[0]);
        Assert.Contains(csv, l => l.Contains(",CONSULT,phone,Vladimiras Putinas; Kim Jong Unas,", StringComparison.Ordinal));

        var gdelt = Run("export", "--format", "gdelt", "--db", Db).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(gdelt, row => Assert.Equal(61, row.Split('\t').Length));
        Assert.Contains(gdelt, row => row.Split('\t') is var c && c[1] == "20250812" && c[26] == "04" && c[29] == "1");
    }

    [Fact]
    public void A_watch_lists_what_is_new_since_the_last_look()
    {
        IngestSamples();
        var first = Run("watch", "korea", "--entity", "Šiaurės Korėjos", "--db", Db);
        Assert.Equal(0, first.Code);
        Assert.Contains("korea (entity Šiaurės Korėjos): 2 new articles", first.Out);
        Assert.Contains("MOBILIZE", first.Out);
        Assert.Contains("0 new articles, 0 new events", Run("watch", "korea", "--db", Db).Out);
        var article = Path.Combine(_dir, "new.txt");
        File.WriteAllText(article, " date 2025-09-02 Šiaurės Korėja antradienį į Rusiją pasiuntė dar 3 000 karių, pranešė Pietų Korėjos žvalgyba.\n");
        Assert.Equal(0, Run("ingest", article, "--db", Db).Code);
        var news = Run("watch", "korea", "--keep", "--db", Db).Out;
        Assert.Contains("1 new article", news);
        Assert.Contains("event 2025-09-02  MOBILIZE  Šiaurės Korėja → Rusija", news);
        Assert.Contains("1 new article", Run("watch", "korea", "--db", Db).Out);
        Assert.Equal(2, Run("watch", "Bad Name!", "--query", "x", "--db", Db).Code);
    }

    /// <summary>The README's first command: ingest the samples, serve them, and print the address of the page.</summary>
    [Fact]
    public async Task Serve_with_ingest_shows_the_samples_in_the_page_and_the_api()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "kronika.dll"), "serve", "--ingest", TestPaths.Samples, "--db", Db, "--urls", "http://127.0.0.1:0" })
            info.ArgumentList.Add(arg);
        using var server = Process.Start(info)!;
        try
        {
            string? line;
            do line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
            while (line is not null && !line.StartsWith("Kronika serves", StringComparison.Ordinal));
            Assert.NotNull(line);
            var url = System.Text.RegularExpressions.Regex.Match(line, @"open (http://\S+)/ ").Groups[1].Value;
            using var http = new HttpClient();
            Assert.Contains("<title>Kronika</title>", await http.GetStringAsync(url + "/"));
            var search = JsonDocument.Parse(await http.GetStringAsync(url + "/api/search?q=Nausėdos")).RootElement;
            Assert.True(search.GetProperty("total").GetInt32() >= 3);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
