using System.Diagnostics;
using System.Runtime.InteropServices;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;

/// <summary>
/// `merge-cost --corpus DIR --db FILE [--minutes M]`: what stories, the chronicle merge and the kept analysis cost at
/// scale, in one ingest. Each article is read and analysed once, and each batch is written twice, one store after the
/// other: into FILE as the store is written now (analysis kept, story features, chronicle merge), and into FILE's
/// `-before` twin as the store was before them (no analysis, no story features, events joined only by equal keys;
/// copies and near copies are found in both). Each write is timed (wall and the writing thread's processor time), so
/// an ingest with one store and without the other costs the whole run less the other store's writes: the two rates
/// come from the same articles, analyses and moment. Then the sizes per article, and chronicle queries on FILE.
/// With --minutes the ingest stops after M minutes and the figures are for what was committed.
/// </summary>
public static class MergeCostBench
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>The calling thread's processor time in seconds (Linux CLOCK_THREAD_CPUTIME_ID).</summary>
    internal static double ThreadSeconds() => ClockGetTime(3, out var t) == 0 ? t.Seconds + t.Nanoseconds / 1e9 : double.NaN;

    /// <summary>Writes each batch into both stores, timing each; every other call is the current store's.</summary>
    private sealed class Both(SqliteStore now, SqliteStore before) : DelegatingStore(now)
    {
        public double NowWall, NowCpu, BeforeWall, BeforeCpu;
        public int Written;

        public override IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch)
        {
            var (wall, cpu) = (Stopwatch.StartNew(), ThreadSeconds());
            var outcomes = now.Write(batch);
            (NowWall, NowCpu) = (NowWall + wall.Elapsed.TotalSeconds, NowCpu + ThreadSeconds() - cpu);
            var stripped = ChronicleBench.StoreAsBefore(batch);
            (wall, cpu) = (Stopwatch.StartNew(), ThreadSeconds());
            before.Write(stripped);
            (BeforeWall, BeforeCpu) = (BeforeWall + wall.Elapsed.TotalSeconds, BeforeCpu + ThreadSeconds() - cpu);
            Written += batch.Count;
            return outcomes;
        }

        public override void Dispose() { }
    }

    private static long Size(string path) => new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    public static void Run(string corpus, string db, int minutes, int requests)
    {
        var beforeDb = Path.ChangeExtension(db, null) + "-before.db";
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC: {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine($"corpus {corpus}; store now {db}; store as before {beforeDb}");
        var pipeline = LithuanianPipeline.Create();
        using var stop = new CancellationTokenSource();
        if (minutes > 0) stop.CancelAfter(TimeSpan.FromMinutes(minutes));
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var clock = Stopwatch.StartNew();
        Both both;
        using (var now = new SqliteStore(db))
        using (var before = new SqliteStore(beforeDb) { MergeChronicle = false })
        {
            both = new Both(now, before);
            var lastReport = 0;
            var last = (Wall: 0.0, Now: 0.0, Before: 0.0);
            void Progress(IngestProgress p)
            {
                if (both.Written - lastReport < 5000) return;
                var n = both.Written - lastReport;
                Console.WriteLine($"  {both.Written,7:N0} articles, {clock.Elapsed.TotalMinutes:F1} min: last {n:N0} at {n / (clock.Elapsed.TotalSeconds - last.Wall):F1}/s; " +
                                  $"writer ms/article now {1000 * (both.NowCpu - last.Now) / n:F2} CPU, before {1000 * (both.BeforeCpu - last.Before) / n:F2} CPU");
                lastReport = both.Written;
                last = (clock.Elapsed.TotalSeconds, both.NowCpu, both.BeforeCpu);
            }
            IngestProgress done;
            try
            {
                done = new Ingestor(pipeline, new Pipeline([]), both).Run(ArticleReader.Read([corpus]), e => Console.WriteLine(e), Progress, stop.Token);
                Console.WriteLine($"ingest finished: {done.Read:N0} read, {done.Inserted:N0} inserted, {done.Copies:N0} copies, {done.Errors} errors");
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine($"ingest stopped after {minutes} min: the figures are for the {both.Written:N0} articles committed");
            }
        }
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu0;
        var n = Math.Max(1, both.Written);
        Console.WriteLine($"{n:N0} articles in {wall:F0} s wall, {cpu:F0} s processor time (all threads; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        Console.WriteLine($"writes: now {both.NowWall:F0} s wall / {both.NowCpu:F0} s CPU ({1000 * both.NowCpu / n:F2} ms per article); " +
                          $"before {both.BeforeWall:F0} s wall / {both.BeforeCpu:F0} s CPU ({1000 * both.BeforeCpu / n:F2} ms per article)");
        // An ingest into one store alone costs the run less the other store's writes.
        var (cpuNow, cpuBefore) = (cpu - both.BeforeCpu, cpu - both.NowCpu);
        var (wallNow, wallBefore) = (wall - both.BeforeWall, wall - both.NowWall);
        Console.WriteLine($"ingest rate by processor time: now {n / cpuNow:F1} articles per CPU-second, before {n / cpuBefore:F1} = {cpuBefore / cpuNow:F3}× the rate before");
        Console.WriteLine($"ingest rate by wall time (writer and analysis overlap; the load moves it): now {n / wallNow:F1}/s, before {n / wallBefore:F1}/s = {wallBefore / wallNow:F3}×");
        var (sizeNow, sizeBefore) = (Size(db), Size(beforeDb));
        Console.WriteLine($"store: before {sizeBefore / 1024.0 / n:F1} KB per article, now {sizeNow / 1024.0 / n:F1} KB per article = {(double)sizeNow / sizeBefore:F2}× " +
                          $"({sizeBefore / 1048576.0:F0} MB and {sizeNow / 1048576.0:F0} MB)");
        ChronicleBench.Queries(db, requests);
    }
}
