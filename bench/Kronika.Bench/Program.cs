using System.Diagnostics;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;

// Throughput of reading + tokenizing + sentence splitting over samples/ repeated to a corpus of at least --mb MB.
// Speeds are noisy on shared machines, so each figure is also given as a ratio to a baseline measured in the same
// run over the same texts: splitting on whitespace with String.Split, the least any tokenizer must do.
var mb = args.Length >= 2 && args[0] == "--mb" ? int.Parse(args[1]) : 50;
var root = FindRoot();
var samples = Directory.GetFiles(Path.Combine(root, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
var corpus = new List<byte[]>();
long bytes = 0;
while (bytes < mb * 1024L * 1024)
{
    foreach (var s in samples)
    {
        corpus.Add(s);
        bytes += s.Length;
    }
}
var source = new ArticleSource("bench");
var pipeline = LithuanianPipeline.Create();
Console.WriteLine($"corpus: {corpus.Count:N0} articles, {bytes / 1048576.0:F1} MB (samples/ repeated), {Environment.ProcessorCount} cores, .NET {Environment.Version}");

// Warm up (JIT, tiered compilation, resource loading).
for (var i = 0; i < 3; i++)
    foreach (var b in samples) pipeline.Process(ArticleReader.Parse(TextDecoder.Decode(b).Text, source));

var baseline = Best(3, () =>
{
    long tokens = 0;
    foreach (var b in corpus)
    {
        var text = TextDecoder.Decode(b).Text;
        tokens += text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }
    return tokens;
});
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var single = Best(3, () =>
{
    long tokens = 0;
    foreach (var b in corpus)
    {
        var doc = pipeline.Process(ArticleReader.Parse(TextDecoder.Decode(b).Text, source));
        tokens += doc.TokenCount;
    }
    return tokens;
});
var allocatedPerMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 3.0 / (bytes / 1048576.0);
var parallel = Best(3, () => corpus.AsParallel()
    .Sum(b => (long)pipeline.Process(ArticleReader.Parse(TextDecoder.Decode(b).Text, source)).TokenCount));

Report("baseline: decode + String.Split on whitespace, 1 core", baseline, bytes, null);
Report("read + tokenize + split sentences, 1 core", single, bytes, baseline);
Report($"read + tokenize + split sentences, {Environment.ProcessorCount} cores", parallel, bytes, baseline);
Console.WriteLine($"memory: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB; {allocatedPerMb / 1048576.0:F1} MB allocated per MB of input (decoded text, token table, sentences; freed per article)");

static (long Tokens, double Seconds) Best(int runs, Func<long> work)
{
    var best = double.MaxValue;
    long tokens = 0;
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var sw = Stopwatch.StartNew();
        tokens = work();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }
    return (tokens, best);
}

static void Report(string name, (long Tokens, double Seconds) r, long bytes, (long Tokens, double Seconds)? baseline)
{
    var ratio = baseline is { } b ? $"  ({b.Seconds / r.Seconds:F2}× the baseline's speed)" : "";
    Console.WriteLine($"{name}: {r.Tokens / r.Seconds / 1e6:F2} M tokens/s, {bytes / 1048576.0 / r.Seconds:F1} MB/s, {r.Tokens:N0} tokens in {r.Seconds:F2} s{ratio}");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kronika.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}
