using System.Diagnostics;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;

// Throughput of the pipeline over samples/ repeated into a corpus: reading + tokenizing + sentence splitting over
// --mb MB (default 50), and the same plus tagging and lemmatizing over --tag-mb MB (default 5). Speeds are noisy
// on shared machines, so each figure is also given as a ratio to a baseline measured in the same run over the same
// texts: decoding and splitting on whitespace with String.Split, the least any tokenizer must do.
if (args.FirstOrDefault() == "store")
{
    StoreBench.Run(FindRoot(), Option("--articles", 100_000), Option("--searches", 1600));
    return;
}
if (args.FirstOrDefault() == "query")
{
    var at = Array.IndexOf(args, "--db");
    QueryBench.Run(at >= 0 && at + 1 < args.Length ? args[at + 1] : "sqlite:kronika.db", Option("--searches", 800));
    return;
}
if (args.FirstOrDefault() == "articles")
{
    ArticlesBench.Run(FindRoot(), Option("--articles", 2000), Option("--words", 400), Text("--corpus"), Option("--rounds", 2));
    return;
}
if (args.FirstOrDefault() == "startup")
{
    StartupBench.Run(FindRoot(), Text("--article"));
    return;
}
if (args.FirstOrDefault() == "tagger")
{
    TaggerBench.Run(FindRoot(), args.Contains("--micro"), Option("--rounds", 3));
    return;
}
if (args.FirstOrDefault() == "soak")
{
    await SoakBench.Run(FindRoot(), Option("--articles", 10_000), Option("--minutes", 30), Option("--clients", 32));
    return;
}
if (args.FirstOrDefault() == "size")
{
    var i = Array.IndexOf(args, "--sizes");
    var sizes = i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',').Select(int.Parse).ToArray() : [1, 2, 4, 8, 32];
    SizeBench.Run(FindRoot(), sizes, Option("--max-seconds", 600));
    return;
}
if (args.FirstOrDefault() == "chronicle")
{
    ChronicleBench.Run(FindRoot(), Option("--articles", 10_000), Option("--requests", 400));
    return;
}
if (args.FirstOrDefault() == "load" && args.Contains("--render"))
{
    await RenderBench.Run(Text("--db") ?? "sqlite:kronika.db", Option("--runs", 21), Text("--against"), Text("--url"));
    return;
}
if (args.FirstOrDefault() == "merge-cost")
{
    MergeCostBench.Run(Text("--corpus") ?? throw new ArgumentException("merge-cost: --corpus DIR is required"),
        Text("--db") ?? throw new ArgumentException("merge-cost: --db FILE is required"), Option("--minutes", 0), Option("--requests", 400));
    return;
}
if (args.FirstOrDefault() == "writer-cost")
{
    WriterCostBench.Run(Text("--corpus") ?? throw new ArgumentException("writer-cost: --corpus DIR is required"),
        Text("--base") ?? throw new ArgumentException("writer-cost: --base FILE is required"), Option("--articles", 2000), Option("--rounds", 3), Text("--work"), Option("--warm", 0), Option("--batch", 200));
    return;
}
if (args.FirstOrDefault() == "analysis-size")
{
    AnalysisSizeBench.Run(Text("--db") ?? throw new ArgumentException("analysis-size: --db FILE is required"), Option("--articles", 300));
    return;
}
if (args.FirstOrDefault() == "chronicle-query")
{
    ChronicleBench.Queries(Text("--db") ?? throw new ArgumentException("chronicle-query: --db FILE is required"), Option("--requests", 400));
    return;
}
if (args.FirstOrDefault() == "load")
{
    await LoadBench.Run(FindRoot(), Option("--articles", 100_000), Option("--seconds", 120), Option("--clients", 32), args.Contains("--views"), Text("--db"));
    return;
}
var mb = Option("--mb", 50);
var tagMb = Option("--tag-mb", 5);
var root = FindRoot();
var samples = Directory.GetFiles(Path.Combine(root, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
var source = new ArticleSource("bench");

var load = Stopwatch.StartNew();
var full = LithuanianPipeline.Create(Layers.Events | Layers.Syntax);
var loadSeconds = load.Elapsed.TotalSeconds;
var morphology = LithuanianPipeline.Create(Layers.Morphology);
var segmentation = LithuanianPipeline.Create(Layers.Sentences);
Console.WriteLine($"model load (lexicon + morphology, first call, includes JIT): {loadSeconds:F2} s");
Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}");

foreach (var b in samples) full.Process(Parse(b)); // warm up
foreach (var b in samples) morphology.Process(Parse(b));
for (var i = 0; i < 3; i++)
    foreach (var b in samples) segmentation.Process(Parse(b));

var (corpus, bytes) = Corpus(mb);
Console.WriteLine($"segmentation corpus: {corpus.Count:N0} articles, {bytes / 1048576.0:F1} MB");
var baseline = Best(3, () => corpus.Sum(b => (long)TextDecoder.Decode(b).Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));
Report("baseline: decode + String.Split on whitespace, 1 core", baseline, bytes, null);
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var single = Best(3, () => corpus.Sum(b => (long)segmentation.Process(Parse(b)).TokenCount));
var allocatedPerMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 3.0 / (bytes / 1048576.0);
Report("read + tokenize + split sentences, 1 core", single, bytes, baseline);
Report($"read + tokenize + split sentences, {Environment.ProcessorCount} cores", Best(3, () => corpus.AsParallel().Sum(b => (long)segmentation.Process(Parse(b)).TokenCount)), bytes, baseline);
Console.WriteLine($"  allocated: {allocatedPerMb / 1048576.0:F1} MB per MB of input (decoded text, token table, sentences; freed per article)");

var (tagCorpus, tagBytes) = Corpus(tagMb);
Console.WriteLine($"tagging corpus: {tagCorpus.Count:N0} articles, {tagBytes / 1048576.0:F1} MB");
var tagBaseline = Best(2, () => tagCorpus.Sum(b => (long)TextDecoder.Decode(b).Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length));
Report("baseline: decode + String.Split on whitespace, 1 core", tagBaseline, tagBytes, null);
var tagged = Best(3, () => tagCorpus.Sum(b => (long)morphology.Process(Parse(b)).TokenCount));
Report("read + tokenize + split + tag + lemmatize, 1 core", tagged, tagBytes, tagBaseline);
Report($"read + tokenize + split + tag + lemmatize, {Environment.ProcessorCount} cores", Best(2, () => tagCorpus.AsParallel().Sum(b => (long)morphology.Process(Parse(b)).TokenCount)), tagBytes, tagBaseline);
var withoutSyntax = new Kronika.Core.Pipeline.Pipeline(full.Steps.Where(step => step.Provides != Layers.Syntax));
var whole = Best(3, () => tagCorpus.Sum(b => (long)full.Process(Parse(b)).TokenCount));
var wholeWithoutSyntax = Best(3, () => tagCorpus.Sum(b => (long)withoutSyntax.Process(Parse(b)).TokenCount));
Report("read + the whole pipeline (all layers: syntax, entities, times, quantities, quotes, attribution, events), 1 core", whole, tagBytes, tagBaseline);
Report("read + the whole pipeline without syntax, 1 core", wholeWithoutSyntax, tagBytes, tagBaseline);
Console.WriteLine($"  the whole pipeline with syntax runs at {wholeWithoutSyntax.Seconds / whole.Seconds:F3}× the speed of the pipeline without it");
// What each step costs, timed step by step in the same runs (the machine is shared: ratios within one run are what
// can be compared). Best of three passes per step.
var stepSeconds = Enumerable.Repeat(double.MaxValue, full.Steps.Count).ToArray();
// Processor time as well as wall time: on a loaded machine a step's wall time includes the time the process waited for a
// core, its processor time does not.
var stepCpu = Enumerable.Repeat(double.MaxValue, full.Steps.Count).ToArray();
for (var run = 0; run < 3; run++)
{
    var pass = new double[full.Steps.Count];
    var cpu = new double[full.Steps.Count];
    var sw = new Stopwatch();
    foreach (var b in tagCorpus)
    {
        var doc = Parse(b);
        for (var k = 0; k < full.Steps.Count; k++)
        {
            var before = Environment.CpuUsage.TotalTime;
            sw.Restart();
            full.Steps[k].Process(doc);
            pass[k] += sw.Elapsed.TotalSeconds;
            cpu[k] += (Environment.CpuUsage.TotalTime - before).TotalSeconds;
            doc.Layers |= full.Steps[k].Provides;
        }
    }
    for (var k = 0; k < pass.Length; k++) (stepSeconds[k], stepCpu[k]) = (Math.Min(stepSeconds[k], pass[k]), Math.Min(stepCpu[k], cpu[k]));
}
var tokenizeAndTag = full.Steps.Select((step, k) => (step, k)).Where(p => p.step.Provides is Layers.Tokens or Layers.Sentences or Layers.Morphology).Sum(p => stepSeconds[p.k]);
var withoutSyntaxCpu = full.Steps.Select((step, k) => (step, k)).Where(p => p.step.Provides != Layers.Syntax).Sum(p => stepCpu[p.k]);
foreach (var (step, k) in full.Steps.Select((step, k) => (step, k)))
    Console.WriteLine($"  step {step.Name,-18} {stepSeconds[k]:F2} s  ({100 * stepSeconds[k] / tokenizeAndTag:F1}% of tokenize + split + tag)"
                      + $"  processor {stepCpu[k]:F2} s  ({100 * stepCpu[k] / withoutSyntaxCpu:F1}% of the steps without syntax)");

// The corpus above repeats samples/, so after the first pass every word is in the tagger's memo. Text whose every
// word is new: the treebank's dev and test texts, tagged once by a fresh pipeline.
var treebank = Path.Combine(root, "..", "shared", "data", "ud-lithuanian-alksnis");
if (Directory.Exists(treebank))
{
    var texts = new[] { "lt_alksnis-ud-dev.conllu", "lt_alksnis-ud-test.conllu" }
        .SelectMany(f => Kronika.Core.IO.Conllu.ReadDocuments(new StreamReader(Path.Combine(treebank, f))))
        .Select(d => d.RawText()).ToList();
    var cold = LithuanianPipeline.Create(Layers.Morphology);
    var sw = Stopwatch.StartNew();
    var coldTokens = texts.Sum(t => (long)cold.Process(new Document(t, source: source)).TokenCount);
    Report("read + tokenize + split + tag + lemmatize, 1 core, cold (treebank dev+test, every word new)", (coldTokens, sw.Elapsed.TotalSeconds), texts.Sum(t => (long)t.Length), null);
    // The parser alone on the same unseen text, tagged first (best of three passes).
    var parser = full.Steps.Single(step => step.Provides == Layers.Syntax);
    var taggedDocs = texts.Select(t => cold.Process(new Document(t, source: source))).ToList();
    var parse = Best(3, () =>
    {
        foreach (var doc in taggedDocs) parser.Process(doc);
        return taggedDocs.Sum(d => (long)d.TokenCount);
    });
    Report("parse (syntax step alone), 1 core, cold (treebank dev+test, tagged)", parse, texts.Sum(t => (long)t.Length), null);
}
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");

Document Parse(byte[] b) => ArticleReader.Parse(TextDecoder.Decode(b).Text, source);

(List<byte[]> Corpus, long Bytes) Corpus(int megabytes)
{
    var list = new List<byte[]>();
    long total = 0;
    while (total < megabytes * 1048576L)
        foreach (var s in samples)
        {
            list.Add(s);
            total += s.Length;
        }
    return (list, total);
}

string? Text(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
}

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
    var ratio = baseline is { } b ? $"  ({b.Seconds / r.Seconds:F3}× the baseline's speed)" : "";
    Console.WriteLine($"{name}: {r.Tokens / r.Seconds / 1e3:N0} K tokens/s, {bytes / 1048576.0 / r.Seconds:F2} MB/s, {r.Tokens:N0} tokens in {r.Seconds:F2} s{ratio}");
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kronika.slnx"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}
