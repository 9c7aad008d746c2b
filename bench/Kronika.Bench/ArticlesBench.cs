using System.Diagnostics;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;

/// <summary>
/// `articles`: the whole pipeline as ingest runs it (every layer but syntax) in articles per second, on 1 and on 2
/// cores, with the tagger's memo cold (a fresh pipeline: no word of the text seen before in the process; the JIT is
/// done) and warm (the same pipeline over the same articles again), over three corpora: `bench gen` articles (made
/// in-process from samples/, --words long), the treebank's dev and test documents (real texts, every word new to the
/// memo) and, with --corpus DIR, any folder of articles (real news kept outside the repository). Then a per-step table
/// on one core: milliseconds and KB allocated per 1,000 tokens, cold and warm, each step against its share of the
/// budget issue 22 sets (1,200 articles/s on 2 cores at ≥ 1.8× scaling, so 1.5 ms of one core per article).
/// </summary>
public static class ArticlesBench
{
    /// <summary>The target, articles/s on 2 cores, and the scaling from 1 to 2 cores it assumes.</summary>
    private const double Target = 1200, Scaling = 1.8;

    /// <summary>Each step's share of one core's time per article (sums to 1): what the budget table holds steps to.</summary>
    private static readonly (string Step, double Share)[] Budget =
    [
        ("read", 0.03), ("tokenizer", 0.05), ("sentence-splitter", 0.02), ("morphology", 0.40), ("entities", 0.20),
        ("references", 0.05), ("time", 0.10), ("quantities", 0.04), ("attribution", 0.05), ("events", 0.06),
    ];

    public static void Run(string root, int articles, int words, string? corpus, int rounds)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; the pipeline without syntax (as ingest runs it); best of {rounds} rounds after a warm-up pass");
        var corpora = new List<(string Name, List<string> Texts)>();
        var generator = LithuanianPipeline.Create();
        var samples = ArticleReader.Read([Path.Combine(root, "samples")]).Where(r => r.Document is not null).Select(r => generator.Process(r.Document!)).ToList();
        var synthetic = new SyntheticCorpus(samples);
        corpora.Add(($"bench gen ({articles} articles of {words} words)", Enumerable.Range(0, articles).Select(i => synthetic.Article(i, 7, words)).ToList()));
        var treebank = Path.Combine(root, "..", "shared", "data", "ud-lithuanian-alksnis");
        if (Directory.Exists(treebank))
            corpora.Add(("treebank dev + test documents", new[] { "lt_alksnis-ud-dev.conllu", "lt_alksnis-ud-test.conllu" }
                .SelectMany(f => Kronika.Core.IO.Conllu.ReadDocuments(new StreamReader(Path.Combine(treebank, f))))
                .Select(d => " date 2024-01-15 " + d.RawText()).ToList()));
        else Console.WriteLine($"(no treebank at {treebank}: its documents are left out)");
        if (corpus is not null)
        {
            var texts = ArticleReader.Read([corpus]).Where(r => r.Document is not null)
                .Select(r => $" date {r.Document!.Date:yyyy-MM-dd} {r.Document.Text}").Distinct().ToList();
            corpora.Add(($"{corpus} ({texts.Count} distinct articles)", texts));
        }

        foreach (var (name, texts) in corpora)
        {
            var docs = texts.Select(Parse).ToList();
            var tokens = docs.Sum(d => (long)LithuanianPipeline.Create(Layers.Sentences).Process(d).TokenCount);
            Console.WriteLine();
            Console.WriteLine($"{name}: {texts.Count} articles, {tokens:N0} tokens ({(double)tokens / texts.Count:F0} per article)");
            Console.WriteLine($"  {"cores",-6} {"memo",-5} {"articles/s",12} {"tokens/s",10} {"wall s",8} {"cpu s",8} {"articles/cpu-s",15} {"tokens/cpu-s",13}");
            // A pass with a throwaway pipeline first, so the code is compiled at its final tier before anything is timed.
            Time(LithuanianPipeline.Create(), texts, 2);
            var rates = new Dictionary<(int, bool), double>();
            foreach (var cores in new[] { 1, 2 })
            {
                (double Wall, double Cpu) cold = (double.MaxValue, 0), warm = (double.MaxValue, 0);
                for (var round = 0; round < rounds; round++)
                {
                    var pipeline = LithuanianPipeline.Create(); // a fresh memo
                    var c = Time(pipeline, texts, cores);
                    var w = Time(pipeline, texts, cores);
                    if (c.Wall < cold.Wall) cold = c;
                    if (w.Wall < warm.Wall) warm = w;
                }
                foreach (var (memoWarm, t) in new[] { (false, cold), (true, warm) })
                {
                    rates[(cores, memoWarm)] = texts.Count / t.Wall;
                    Console.WriteLine($"  {cores,-6} {(memoWarm ? "warm" : "cold"),-5} {texts.Count / t.Wall,12:N0} {tokens / t.Wall / 1e3,9:N0}K {t.Wall,8:F2} {t.Cpu,8:F2} {texts.Count / t.Cpu,15:N0} {tokens / t.Cpu / 1e3,12:N0}K");
                }
            }
            Console.WriteLine($"  (on a loaded machine wall time is the queue; articles per processor-second is one core's rate, and 1,200 articles/s on 2 cores needs {Target / Scaling:N0})");
            Console.WriteLine($"  2 cores / 1 core by wall time: cold {rates[(2, false)] / rates[(1, false)]:F2}×, warm {rates[(2, true)] / rates[(1, true)]:F2}×; target {Target:N0} articles/s on 2 cores: cold at {rates[(2, false)] / Target:P0}, warm at {rates[(2, true)] / Target:P0}");
            Steps(texts, tokens, rounds);
        }
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>The calling thread's processor time (Linux: CLOCK_THREAD_CPUTIME_ID), which a loaded machine does not
    /// inflate; elsewhere wall time.</summary>
    private static readonly bool ThreadClock = OperatingSystem.IsLinux() && ClockGetTime(3, out _) == 0;

    private static readonly Stopwatch Wall = Stopwatch.StartNew();

    private static double ThreadSeconds()
    {
        if (!ThreadClock) return Wall.Elapsed.TotalSeconds;
        ClockGetTime(3, out var t);
        return t.Seconds + t.Nanoseconds / 1e9;
    }

    private static Document Parse(string text) => ArticleReader.Parse(text, new ArticleSource("bench"));

    /// <summary>Reads and analyses every text on this many cores; wall and processor seconds.</summary>
    private static (double Wall, double Cpu) Time(Pipeline pipeline, List<string> texts, int cores)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = cores }, text => pipeline.Process(Parse(text)));
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Each step timed on its own over the corpus on one core, memo cold then warm: ms and KB per 1,000 tokens.</summary>
    private static void Steps(List<string> texts, long tokens, int rounds)
    {
        var names = LithuanianPipeline.Create().Steps.Select(s => s.Name).Prepend("read").ToArray();
        var best = new (double Seconds, long Bytes)[2][];
        for (var memo = 0; memo < 2; memo++) best[memo] = Enumerable.Repeat((double.MaxValue, 0L), names.Length).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            var pipeline = LithuanianPipeline.Create();
            for (var memo = 0; memo < 2; memo++)
            {
                var seconds = new double[names.Length];
                var bytes = new long[names.Length];
                GC.Collect();
                foreach (var text in texts)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var start = ThreadSeconds();
                    var doc = Parse(text);
                    seconds[0] += ThreadSeconds() - start;
                    bytes[0] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    for (var k = 0; k < pipeline.Steps.Count; k++)
                    {
                        allocated = GC.GetAllocatedBytesForCurrentThread();
                        start = ThreadSeconds();
                        pipeline.Steps[k].Process(doc);
                        seconds[k + 1] += ThreadSeconds() - start;
                        bytes[k + 1] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                        doc.Layers |= pipeline.Steps[k].Provides;
                    }
                }
                for (var k = 0; k < names.Length; k++)
                    if (seconds[k] < best[memo][k].Seconds) best[memo][k] = (seconds[k], bytes[k]);
            }
        }
        // One core's time per article at the target, and per 1,000 tokens at this corpus's article length.
        var perArticle = Scaling / Target;
        var per1000 = perArticle * 1000 * texts.Count / tokens;
        Console.WriteLine($"  step by step, 1 core, {(ThreadClock ? "the thread's processor time" : "wall time")} (best of {rounds}); budget: {perArticle * 1e3:F2} ms of one core per article = {per1000 * 1e3:F2} ms per 1,000 tokens here");
        Console.WriteLine($"  {"step",-18} {"cold ms/1K",10} {"KB/1K",7} {"warm ms/1K",10} {"KB/1K",7} {"share",6} {"budget",7} {"ms/1K",6}  within (warm)?");
        var total = new double[2];
        for (var k = 0; k < names.Length; k++)
        {
            var share = Budget.FirstOrDefault(b => b.Step == names[k]).Share;
            var cold = best[0][k];
            var warm = best[1][k];
            total[0] += cold.Seconds;
            total[1] += warm.Seconds;
            var warmPer1000 = warm.Seconds / tokens * 1000;
            Console.WriteLine($"  {names[k],-18} {cold.Seconds / tokens * 1e6,10:F3} {cold.Bytes / 1024.0 / tokens * 1000,7:F0} {warmPer1000 * 1e3,10:F3} {warm.Bytes / 1024.0 / tokens * 1000,7:F0} " +
                $"{warm.Seconds / best[1].Sum(b => b.Seconds),6:P0} {share,7:P0} {share * per1000 * 1e3,6:F3}  {(warmPer1000 <= share * per1000 ? "yes" : $"no ({warmPer1000 / (share * per1000):F1}×)")}");
        }
        Console.WriteLine($"  {"all",-18} {total[0] / tokens * 1e6,10:F3} {"",7} {total[1] / tokens * 1e6,10:F3} {"",7} {"",6} {1,7:P0} {per1000 * 1e3,6:F3}  {(total[1] / tokens * 1000 <= per1000 ? "yes" : $"no ({total[1] / tokens * 1000 / per1000:F1}×)")}");
    }
}
