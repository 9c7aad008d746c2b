using System.Diagnostics;
using Kronika.Cli;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Tests;
using Microsoft.Data.Sqlite;

namespace Kronika.Cli.Tests;

/// <summary>
/// Issue 21: no input, fault or option takes the command line down, hangs it, or makes it do work twice. One test (or
/// more) per numbered item of the issue, reproducing it as the issue describes.
/// </summary>
public sealed class HardeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-harden-").FullName;
    private string DbPath => Path.Combine(_dir, "kronika.db");
    private string Db => "sqlite:" + DbPath;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        // Not through links: the loop tests leave `self -> .` behind, which a recursive walk would follow.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var d in Directory.EnumerateDirectories(_dir, "*", options))
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_dir, recursive: true);
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = KronikaCli.RunAsync(args, output, error, () => new MemoryStream()).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The error stream's lines without ingest's progress lines (a slow machine prints one every 2 s).</summary>
    internal static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("progress: ", StringComparison.Ordinal)).ToArray();

    private string Folder(string name, params string[] samples)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName;
        foreach (var s in samples) File.Copy(Path.Combine(TestPaths.Samples, s), Path.Combine(folder, s));
        return folder;
    }

    private const string Kim = "2025-08-13-putinas-kim.txt";

    private static string[] SampleNames => [.. Directory.GetFiles(TestPaths.Samples, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    // Item 2: a query of 850 words kept the server busy for a minute.
    [Fact]
    public void Search_with_hundreds_of_words_is_refused_at_once_naming_the_limit()
    {
        Assert.Equal(0, Run("ingest", Folder("in", Kim), "--db", Db).Code);
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Run("search", "Lietuva", "--db", Db).Code);
        var oneWord = clock.Elapsed;
        clock.Restart();
        var (code, _, error) = Run("search", string.Join(' ', Enumerable.Repeat("Lietuva", 850)), "--db", Db);
        Assert.Equal(KronikaCli.UsageError, code);
        Assert.Contains("longer than 1,000 characters", error);
        // Refused before any work: no slower than a one-word search (it took a minute before the limit).
        Assert.True(clock.Elapsed < oneWord * 2 + TimeSpan.FromSeconds(1), $"{clock.Elapsed} vs {oneWord} for one word");
        var terms = Run("search", string.Join(' ', Enumerable.Repeat("Lietuva", 40)), "--db", Db);
        Assert.Equal(KronikaCli.UsageError, terms.Code);
        Assert.Contains($"the limit is {QueryParser.MaxTerms}", terms.Err);
    }

    // Item 3: a chain of 100 NOTs crashed `kronika search` (fts5: parser stack overflow).
    [Fact]
    public void Search_with_a_chain_of_nots_is_one_error_line_and_a_chain_within_the_limit_runs()
    {
        Assert.Equal(0, Run("ingest", Folder("in", Kim), "--db", Db).Code);
        var chain = "Putinas" + string.Concat(Enumerable.Range(0, 100).Select(i => " NOT x" + i));
        var (code, output, error) = Run("search", chain, "--db", Db);
        Assert.Equal(KronikaCli.UsageError, code);
        Assert.Equal("", output);
        Assert.Contains($"the limit is {QueryParser.MaxNots}", Assert.Single(Lines(error)));
        var allowed = "Putinas" + string.Concat(Enumerable.Range(0, QueryParser.MaxNots).Select(i => " NOT žodis" + i));
        var ok = Run("search", allowed, "--db", Db);
        Assert.Equal(0, ok.Code);
        Assert.Contains("Putin", ok.Out);
    }

    // Item 5: a full disk ended `ingest` with a stack trace and exit 134, no summary.
    [Fact]
    public void A_full_disk_ends_ingest_with_one_error_line_the_committed_summary_and_a_nonzero_exit()
    {
        var mount = Directory.CreateDirectory(Path.Combine(_dir, "small")).FullName;
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Assert.Skip("a full disk is simulated with a 600 KB tmpfs mount, which needs root on Linux");
        using (var m = Process.Start("mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", mount])) m.WaitForExit();
        if (!File.ReadAllText("/proc/mounts").Contains(mount))
            Assert.Skip("mounting a tmpfs is not allowed here (no CAP_SYS_ADMIN): no way to fill a disk safely");
        try
        {
            var db = "sqlite:" + Path.Combine(mount, "kronika.db");
            var (code, output, error) = Run("ingest", TestPaths.Samples, "--db", db, "--batch", "1");
            Assert.Equal(KronikaCli.StoreFailed, code);
            var line = Assert.Single(Lines(error));
            Assert.StartsWith("error: store ", line);
            Assert.Contains("full", line);
            Assert.Contains("committed before the failure: ", output);
            var committed = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"committed before the failure: .*?: (\d+) new").Groups[1].Value);
            using var store = new SqliteStore(Path.Combine(mount, "kronika.db"), create: false);
            Assert.Equal(committed, store.ArticleCount());
            Assert.True(committed < 14, output);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            using var u = Process.Start("umount", [mount]);
            u.WaitForExit();
        }
    }

    // Item 6: one unreadable subfolder rejected its whole parent folder, readable siblings included.
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_unreadable_subfolder_is_one_error_and_its_readable_siblings_are_stored()
    {
        var folder = Folder("in", Kim);
        var locked = Directory.CreateDirectory(Path.Combine(folder, "locked")).FullName;
        File.Copy(Path.Combine(TestPaths.Samples, SampleNames[0]), Path.Combine(locked, "hidden.txt"));
        var later = Directory.CreateDirectory(Path.Combine(folder, "later")).FullName;
        File.Copy(Path.Combine(TestPaths.Samples, SampleNames[1]), Path.Combine(later, "b.txt"));
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var asRoot = false;
        try
        {
            Directory.GetFiles(locked);
            asRoot = true;
        }
        catch (UnauthorizedAccessException)
        {
        }
        int code;
        string output, error;
        if (!asRoot) (code, output, error) = Run("ingest", folder, "--db", Db);
        else if (File.Exists("/usr/bin/setpriv")) (code, output, error) = AsNobody(folder);
        else
        {
            Assert.Skip($"this process ({Environment.UserName}) reads folders without permission and setpriv is missing, so no folder is unreadable here; run the tests as an ordinary user");
            return;
        }
        Assert.Equal(KronikaCli.SomeInputsFailed, code);
        Assert.Equal($"error: {locked}: permission denied", Assert.Single(Lines(error)));
        Assert.Contains("2 new", output);
    }

    /// <summary>`kronika ingest FOLDER` run as the user nobody (root reads every folder, nobody does not).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private (int Code, string Out, string Err) AsNobody(string folder)
    {
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(_dir, open);
        foreach (var d in Directory.GetDirectories(folder).Where(d => !d.EndsWith("locked", StringComparison.Ordinal)).Append(folder)) File.SetUnixFileMode(d, open);
        foreach (var f in Directory.GetFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })) File.SetUnixFileMode(f, open);
        var home = Directory.CreateDirectory(Path.Combine(_dir, "nobody")).FullName;
        File.SetUnixFileMode(home, open | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite);
        var info = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "kronika.dll"), "ingest", folder, "--db", "sqlite:" + Path.Combine(home, "k.db") })
            info.ArgumentList.Add(arg);
        info.Environment["HOME"] = home;
        info.Environment["DOTNET_CLI_HOME"] = home;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "kronika ingest as nobody did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    // Item 6, the same mechanism without needing an ordinary user: an entry that cannot be followed is its own error.
    [Fact]
    public void A_looping_link_is_one_error_and_its_siblings_are_stored()
    {
        var folder = Folder("in", Kim);
        var sub = Directory.CreateDirectory(Path.Combine(folder, "sub")).FullName;
        File.Copy(Path.Combine(TestPaths.Samples, SampleNames[1]), Path.Combine(sub, "b.txt"));
        File.CreateSymbolicLink(Path.Combine(folder, "loop.txt"), "loop.txt");
        var (code, output, error) = Run("ingest", folder, "--db", Db);
        Assert.Equal(KronikaCli.SomeInputsFailed, code);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: {Path.Combine(folder, "loop.txt")}: ", line);
        Assert.Contains("loop", line[^30..]);
        Assert.Contains("2 new", output);
    }

    // Item 7: `self -> .` inside a folder was followed ~40 levels: one file stored 41 times.
    [Fact]
    public void A_link_loop_inside_a_folder_reads_each_file_once()
    {
        var folder = Folder("in", Kim);
        File.CreateSymbolicLink(Path.Combine(folder, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(folder, "up"), folder);
        File.CreateSymbolicLink(Path.Combine(folder, "same.txt"), Kim);
        var (code, output, error) = Run("ingest", folder, Path.Combine(folder, Kim), "--db", Db);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("1 read", output);
        Assert.Contains("store: 1 stories in 1 articles", output);
    }

    // Item 8: a mistyped --db silently created an empty store and read commands answered nothing with exit 0.
    [Theory]
    [InlineData("search", "Putinas")]
    [InlineData("entities")]
    [InlineData("timeline", "Putinas")]
    [InlineData("events")]
    [InlineData("export", "--format", "jsonl")]
    [InlineData("watch")]
    public void A_read_command_on_a_store_that_does_not_exist_says_so_and_creates_nothing(params string[] args)
    {
        var missing = Path.Combine(_dir, "kronkia.db");
        var (code, output, error) = Run([.. args, "--db", "sqlite:" + missing]);
        Assert.Equal(KronikaCli.SomeInputsFailed, code);
        Assert.Equal("", output);
        Assert.Equal($"error: --db sqlite:{missing}: no store there (kronika ingest creates one)", Assert.Single(Lines(error)));
        Assert.False(File.Exists(missing));
    }

    // Item 1: `ingest` of an article dated 0001-01-01 with `vakar` said `Value to add was out of range`.
    [Fact]
    public void Ingest_stores_articles_dated_at_the_calendars_edges_and_the_rest_of_the_run()
    {
        var folder = Folder("edges", Kim);
        File.WriteAllText(Path.Combine(folder, "0001.txt"), " date 0001-01-01 Kraštas\nVakar lijo, o praėjusį pirmadienį snigo. Pernai buvo sausra.\n");
        File.WriteAllText(Path.Combine(folder, "9999.txt"), " date 9999-12-31 Kraštas\nRytoj ir kitais metais vyks rinkimai, o kitą pirmadienį – posėdis.\n");
        var (code, output, error) = Run("ingest", folder, "--db", Db);
        Assert.True(code == 0, error);
        Assert.Empty(Lines(error));
        Assert.Contains("3 new", output);
    }

    [Fact]
    public void Writing_commands_create_the_store()
    {
        Assert.Equal(0, Run("ingest", Folder("in", Kim), "--db", Db).Code);
        Assert.True(File.Exists(DbPath));
        var other = "sqlite:" + Path.Combine(_dir, "watches.db");
        Assert.Equal(0, Run("watch", "putinas", "--query", "Putinas", "--db", other).Code);
        Assert.Equal(0, Run("watch", "--db", other).Code);
    }

    // Item 9: re-ingesting unchanged files ran the whole analysis before skipping them.
    [Fact]
    public void Unchanged_articles_are_recognised_before_analysis_and_a_changed_one_is_analysed_again()
    {
        var folder = Folder("in", Kim, SampleNames[1], SampleNames[2]);
        using var store = new SqliteStore(DbPath);
        var steps = LithuanianPipeline.Create().Steps;
        var counter = new CountingStep(steps[0]);
        var pipeline = new Pipeline([counter, .. steps.Skip(1)]);
        var ingestor = new Ingestor(pipeline, new Pipeline([]), store);
        var first = ingestor.Run(ArticleReader.Read([folder]), _ => { });
        Assert.Equal(3, first.Inserted);
        Assert.Equal(3, counter.Count);

        var again = ingestor.Run(ArticleReader.Read([folder]), _ => { });
        Assert.Equal(3, again.Unchanged);
        Assert.Equal(3, counter.Count); // no analysis at all

        File.AppendAllText(Path.Combine(folder, Kim), "\nPridėta pastraipa apie susitikimą.");
        File.SetLastWriteTimeUtc(Path.Combine(folder, SampleNames[1]), DateTime.UtcNow.AddDays(1)); // touched, same content
        var changed = ingestor.Run(ArticleReader.Read([folder]), _ => { });
        Assert.Equal((1, 2), (changed.Updated, changed.Unchanged));
        Assert.Equal(4, counter.Count);
    }

    /// <summary>The pipeline's first step, counting the documents it analyzes.</summary>
    private sealed class CountingStep(IPipelineStep inner) : IPipelineStep
    {
        private int _count;
        public int Count => _count;
        public string Name => inner.Name;
        public Layers Requires => inner.Requires;
        public Layers Provides => inner.Provides;
        public void Process(Document doc, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _count);
            inner.Process(doc, ct);
        }
    }

    // The issue's first mechanism: an exception in one input is that input's error line and the run goes on.
    [Fact]
    public void An_article_the_pipeline_throws_on_is_its_own_error_line_and_the_rest_is_stored()
    {
        var folder = Folder("in", Kim, SampleNames[1]);
        File.WriteAllText(Path.Combine(folder, "boom.txt"), " date 2025-01-02 Šis tekstas sugadina analizę.");
        using var store = new SqliteStore(DbPath);
        var errors = new List<ArticleError>();
        var steps = LithuanianPipeline.Create().Steps;
        var pipeline = new Pipeline([new ThrowingStep(steps[0]), .. steps.Skip(1)]);
        var done = new Ingestor(pipeline, new Pipeline([]), store).Run(ArticleReader.Read([folder]), errors.Add);
        Assert.Equal(2, done.Inserted);
        var error = Assert.Single(errors);
        Assert.Equal("error: in/boom.txt: analysis failed: the step broke", error.ToString());
    }

    /// <summary>The pipeline's first step, throwing on one article as a bug in a step would.</summary>
    private sealed class ThrowingStep(IPipelineStep inner) : IPipelineStep
    {
        public string Name => inner.Name;
        public Layers Requires => inner.Requires;
        public Layers Provides => inner.Provides;
        public void Process(Document doc, CancellationToken ct = default)
        {
            if (doc.Text.Contains("sugadina")) throw new InvalidOperationException("the step broke");
            inner.Process(doc, ct);
        }
    }

    // Item 10: options were checked unevenly.
    [Theory]
    [InlineData("unknown option '--bogus'", "search", "--bogus")]
    [InlineData("--top must be from 1 to 10,000, not -1", "entities", "--top", "-1")]
    [InlineData("--limit must be from 1 to 1,000, not -5", "events", "--limit", "-5")]
    [InlineData("--offset must be from 0 to 10,000, not 99999999", "search", "Putinas", "--offset", "99999999")]
    [InlineData("--mentions must be from 0 to 100, not -1", "events", "--mentions", "-1")]
    [InlineData("--port must be from 0 to 65,535, not 70000", "serve", "--port", "70000")]
    [InlineData("Unrecognized command or argument '--limt'", "timeline", "Putinas", "--limt", "3")]
    public void Options_are_checked_alike_in_every_command(string message, params string[] args)
    {
        var (code, output, error) = Run([.. args, "--db", Db]);
        Assert.Equal(KronikaCli.UsageError, code);
        Assert.Equal("", output);
        Assert.Contains(message, Assert.Single(Lines(error)));
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public void An_offset_past_the_last_result_says_so_instead_of_an_impossible_range()
    {
        Assert.Equal(0, Run("ingest", Folder("in", Kim), "--db", Db).Code);
        var (code, output, _) = Run("search", "Putinas", "--offset", "5000", "--db", Db);
        Assert.Equal(0, code);
        Assert.Contains("none after the first 5000", output);
        Assert.DoesNotContain("5001", output);
    }

    // Item 11: the source of an article was the server's absolute path.
    [Fact]
    public void Sources_are_shown_relative_to_the_folder_ingested()
    {
        var folder = Folder("news", Kim);
        Assert.Equal(0, Run("ingest", folder, "--db", Db).Code);
        var (_, output, _) = Run("search", "Putinas", "--format", "json", "--db", Db);
        Assert.Contains($"\"source\":\"news/{Kim}\"", output);
        Assert.DoesNotContain(_dir, output);
    }
}
