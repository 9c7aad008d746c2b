using System.Diagnostics;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;

/// <summary>
/// `writer-cost --corpus DIR --base FILE --articles M [--rounds R] [--work FILE] [--warm W] [--batch B]`: the SQLite writer alone, on a store
/// that already holds articles. The M corpus articles after the base's count (in the order `ingest` reads them) are
/// analysed once; then, each round, the base is copied to the work file and the articles are written into it in
/// batches of B (200, as `ingest` writes them by default), timed by the writing thread's processor time (the first W untimed: a
/// writer's caches warm, as in a long ingest). The writer's cost per article
/// at the base's size, without the analysis's noise. The last round's store is left in the work file, to compare the
/// decisions (stories, chronicle events) of two versions of the writer.
/// </summary>
public static class WriterCostBench
{
    public static void Run(string corpus, string baseDb, int articles, int rounds, string? work, int warm, int batch = 200)
    {
        work ??= Path.ChangeExtension(baseDb, null) + "-work.db";
        int skip;
        using (var b = new SqliteStore(baseDb, create: false)) skip = b.ArticleCount();
        Console.WriteLine($"base {baseDb}: {skip:N0} articles; writing the next {articles:N0} of {corpus} in batches of {batch}, {rounds} rounds into {work}");
        var pipeline = LithuanianPipeline.Create();
        var docs = ArticleReader.Read([corpus]).Skip(skip).Take(articles).Select(r => r.Document!).ToList();
        var clock = Stopwatch.StartNew();
        var stored = docs.AsParallel().AsOrdered().Select(d => Analysis.Store(pipeline.Process(d))).ToList();
        Console.WriteLine($"analysed {stored.Count:N0} articles in {clock.Elapsed.TotalSeconds:F0} s");
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(work + suffix);
                if (File.Exists(baseDb + suffix)) File.Copy(baseDb + suffix, work + suffix);
            }
            using var store = new SqliteStore(work);
            foreach (var some in stored.Take(warm).Chunk(batch)) store.Write(some);
            var timed = stored.Skip(warm).ToList();
            var cpu = MergeCostBench.ThreadSeconds();
            var wall = Stopwatch.StartNew();
            foreach (var some in timed.Chunk(batch)) store.Write(some);
            var ms = 1000 * (MergeCostBench.ThreadSeconds() - cpu) / timed.Count;
            times.Add(ms);
            Console.WriteLine($"  round {round + 1}: writer {ms:F2} ms/article CPU, {1000 * wall.Elapsed.TotalSeconds / timed.Count:F2} ms wall");
        }
        times.Sort();
        Console.WriteLine($"writer: best {times[0]:F2}, median {times[times.Count / 2]:F2} ms/article CPU at {skip:N0} articles");
    }
}
