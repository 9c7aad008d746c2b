using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Morphology;

/// <summary>
/// `bench tagger`: the morphology step alone over the treebank's dev and test texts (gold tokens and sentences, so
/// only tagging and lemmatising are timed), with a fresh memo (every word new to the process: cold) and again with
/// the memo filled (warm), and the cold time split into its phases: word profiles (lexicon analyses), tagging,
/// lemma and UD reading. Times are processor seconds of the process (best of `--rounds N`, default 3), so a shared machine's load does
/// not count. `bench tagger --micro` runs the BenchmarkDotNet micro-benchmarks of the same phases.
/// </summary>
internal static class TaggerBench
{
    public static void Run(string root, bool micro, int rounds = 3)
    {
        if (micro)
        {
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            BenchmarkRunner.Run<TaggerMicro>(config);
            return;
        }
        var docs = TaggerMicro.TreebankDocuments(root);
        if (docs is null)
        {
            Console.WriteLine("bench tagger: ../shared/data/ud-lithuanian-alksnis not found; nothing to measure");
            return;
        }
        var lexicon = LithuanianPipeline.LoadLexicon();
        var model = LithuanianPipeline.LoadMorphology();
        var tokens = docs.Sum(d => (long)d.TokenCount);
        Console.WriteLine($"tagger corpus: treebank dev+test, {docs.Count} documents, {tokens:N0} tokens (gold tokens and sentences)");
        // Warm up the JIT on a throw-away tagger, then time fresh taggers (cold memo) and a filled one (warm memo);
        // once more after the phases, when tiered compilation has had time to finish (the two rounds differing shows
        // how much of a short run is JIT).
        new MorphologicalTagger(model, lexicon).Process(docs[0]);
        ColdAndWarm("first round");
        // Phases, each over the whole corpus with nothing memoized: what a cold pass spends where.
        var sentences = TaggerMicro.Sentences(docs, lexicon);
        var profiler = new WordProfiler(lexicon);
        var forms = sentences.SelectMany(s => s).Select(p => p.Form).ToArray();
        var tags = sentences.Select(s => model.TagSentence(s)).ToArray();
        var phases = new (string Name, Action Work)[]
        {
            ("word profiles (lexicon analyses)", () => { foreach (var f in forms) profiler.Profile(f); }),
            ("tagging (features + perceptron)", () => { foreach (var s in sentences) model.TagSentence(s); }),
            ("lemma + UD reading", () =>
            {
                for (var i = 0; i < sentences.Length; i++)
                    for (var j = 0; j < sentences[i].Length; j++) model.ReadWord(sentences[i][j].Form, tags[i][j], lexicon);
            }),
        };
        foreach (var (name, work) in phases)
        {
            var best = double.MaxValue;
            var allocated = long.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ProcessorSeconds();
                work();
                best = Math.Min(best, ProcessorSeconds() - cpu);
                allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            }
            Console.WriteLine($"  {name,-34} {best:F2} s  {tokens / best / 1e3,7:N0} K tokens/s  {allocated / (tokens / 1000.0) / 1024:F0} KB per 1,000 tokens");
        }
        ColdAndWarm("second round");

        // Processor time of the whole process (the tagging thread, and the GC's and JIT's work it causes); the best
        // pass counts: on a shared machine wall time measures the queue.
        static double ProcessorSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

        void ColdAndWarm(string round)
        {
            var cold = double.MaxValue;
            var warm = double.MaxValue;
            for (var run = 0; run < rounds; run++)
            {
                var tagger = new MorphologicalTagger(model, lexicon);
                var cpu = ProcessorSeconds();
                foreach (var d in docs) tagger.Process(d);
                cold = Math.Min(cold, ProcessorSeconds() - cpu);
                cpu = ProcessorSeconds();
                foreach (var d in docs) tagger.Process(d);
                warm = Math.Min(warm, ProcessorSeconds() - cpu);
            }
            Console.WriteLine($"tag + lemmatize, 1 core, cold memo (every word new), {round}: {tokens / cold / 1e3:N0} K tokens/s ({cold:F2} s)");
            Console.WriteLine($"tag + lemmatize, 1 core, warm memo (same text again), {round}: {tokens / warm / 1e3:N0} K tokens/s ({warm:F2} s)");
        }
    }
}

/// <summary>Micro-benchmarks of the tagger's hot steps over the treebank dev and test texts (profiles of each distinct form: nothing memoized).</summary>
[MemoryDiagnoser]
public class TaggerMicro
{
    private Lexicon _lexicon = null!;
    private MorphologyModel _model = null!;
    private WordProfiler _profiler = null!;
    private string[] _forms = [];
    private WordProfile[][] _sentences = [];
    private string[][] _tags = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        var dir = new DirectoryInfo(root);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kronika.slnx"))) dir = dir.Parent;
        var docs = TreebankDocuments(dir?.FullName ?? root) ?? throw new InvalidOperationException("treebank not found");
        _lexicon = LithuanianPipeline.LoadLexicon();
        _model = LithuanianPipeline.LoadMorphology();
        _profiler = new WordProfiler(_lexicon);
        _sentences = Sentences(docs, _lexicon);
        _forms = _sentences.SelectMany(s => s).Select(p => p.Form).Distinct(StringComparer.Ordinal).ToArray();
        _tags = _sentences.Select(s => _model.TagSentence(s)).ToArray();
    }

    /// <summary>Lexicon analyses and feature hashes of every distinct form.</summary>
    [Benchmark]
    public int Profiles()
    {
        var n = 0;
        foreach (var f in _forms) n += _profiler.Profile(f).Lexical.Length;
        return n;
    }

    /// <summary>Features and perceptron scoring of every sentence.</summary>
    [Benchmark]
    public int Tagging()
    {
        var n = 0;
        foreach (var s in _sentences) n += _model.TagSentence(s).Length;
        return n;
    }

    /// <summary>Lemma and UD reading of every token with its chosen tag.</summary>
    [Benchmark]
    public int Reading()
    {
        var n = 0;
        for (var i = 0; i < _sentences.Length; i++)
            for (var j = 0; j < _sentences[i].Length; j++) n += _model.ReadWord(_sentences[i][j].Form, _tags[i][j], _lexicon).Lemma.Length;
        return n;
    }

    internal static List<Document>? TreebankDocuments(string root)
    {
        var treebank = Path.Combine(root, "..", "shared", "data", "ud-lithuanian-alksnis");
        if (!Directory.Exists(treebank)) return null;
        return new[] { "lt_alksnis-ud-dev.conllu", "lt_alksnis-ud-test.conllu" }
            .SelectMany(f => Conllu.ReadDocuments(new StreamReader(Path.Combine(treebank, f))))
            .Select(d => d.ToDocument())
            .ToList();
    }

    internal static WordProfile[][] Sentences(List<Document> docs, Lexicon lexicon)
    {
        var profiler = new WordProfiler(lexicon);
        var memo = new Dictionary<string, WordProfile>(StringComparer.Ordinal);
        var result = new List<WordProfile[]>();
        foreach (var doc in docs)
            foreach (var sentence in doc.SentenceTable)
            {
                var words = new WordProfile[sentence.TokenCount];
                for (var i = 0; i < words.Length; i++)
                {
                    var form = doc.Token(sentence.FirstToken + i).Span.ToString();
                    if (!memo.TryGetValue(form, out var p)) memo[form] = p = profiler.Profile(form);
                    words[i] = p;
                }
                result.Add(words);
            }
        return [.. result];
    }
}
