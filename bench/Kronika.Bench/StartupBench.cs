using System.Diagnostics;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Attribution;
using Kronika.Lithuanian.Entities;
using Kronika.Lithuanian.Events;
using Kronika.Lithuanian.Morphology;
using Kronika.Lithuanian.Quantities;
using Kronika.Lithuanian.References;
using Kronika.Lithuanian.Time;
using Kronika.Lithuanian.Tokenization;

/// <summary>
/// `startup`: where a fresh process's first article goes (issue 22: `analyze` of one short article in ≤ 0.4 s). Each
/// model and word list `analyze` needs is loaded one after the other on one thread, then the whole pipeline is built
/// and runs one sample article twice (the first run pays the JIT of every step). Wall and processor time per phase;
/// run it in a fresh process each time (the figures include the JIT of the code each phase runs first).
/// </summary>
public static class StartupBench
{
    public static void Run(string root, string? article)
    {
        var path = article ?? Path.Combine(root, "samples", "2023-02-28-lietuvos-bankas-infliacija.txt");
        var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        Console.WriteLine($"process start to Main: {sinceStart.TotalSeconds:F3} s wall, {process.TotalProcessorTime.TotalSeconds:F3} s processor");
        Console.WriteLine($"{"phase",-34} {"wall s",8} {"cpu s",8} {"alloc MB",8} {"gc0",3} {"gc1",3} {"gc2",3} {"gc ms",6}");
        Phase("read the article", () => File.ReadAllBytes(path));
        Phase("lexicon: gunzip only", () => Resources.Decompressed(Resources.Open(LithuanianPipeline.LexiconResource)));
        Phase("morphology: gunzip only", () => Resources.Decompressed(Resources.Open(LithuanianPipeline.MorphologyResource)));
        Phase("syntax: gunzip only", () => Resources.Decompressed(Resources.Open(LithuanianPipeline.SyntaxResource)));
        Phase("lexicon", LithuanianPipeline.LoadLexicon);
        Phase("morphology model", LithuanianPipeline.LoadMorphology);
        Phase("syntax model", LithuanianPipeline.LoadSyntax);
        Phase("lexicon again (JIT done)", LithuanianPipeline.LoadLexicon);
        Phase("morphology again (JIT done)", LithuanianPipeline.LoadMorphology);
        Phase("syntax again (JIT done)", LithuanianPipeline.LoadSyntax);
        Phase("abbreviations", Abbreviations.Load);
        Phase("references", ReferenceResolver.Load);
        Phase("times", TimeNormalizer.Load);
        Phase("quantities", QuantityRecognizer.Load);
        Phase("attribution", AttributionFinder.Load);
        Phase("events", EventExtractor.Load);
        var lexicon = LithuanianPipeline.LoadLexicon();
        var model = LithuanianPipeline.LoadMorphology();
        Phase("knowledge base", KnowledgeBase.Load);
        Phase("entity words", EntityWords.Load);
        Phase("entities (knowledge base, words)", () => EntityRecognizer.Load(model, lexicon));
        var pipeline = Phase("pipeline (parallel, models cached)", () => LithuanianPipeline.Create(Layers.Events | Layers.Syntax));
        var text = TextDecoder.Decode(File.ReadAllBytes(path)).Text;
        Phase("first article (JIT of every step)", () => pipeline.Process(ArticleReader.Parse(text, new ArticleSource("a"))));
        Phase("same article again", () => pipeline.Process(ArticleReader.Parse(text, new ArticleSource("a"))));
        var doc = pipeline.Process(ArticleReader.Parse(text, new ArticleSource("a")));
        Phase("conllu output", () => { var w = new StringWriter(); Kronika.Core.IO.Conllu.Write(w, doc); return w; });
        process.Refresh();
        Console.WriteLine($"total: {(DateTime.Now - process.StartTime).TotalSeconds:F3} s wall, {process.TotalProcessorTime.TotalSeconds:F3} s processor, {GC.GetTotalPauseDuration().TotalSeconds:F3} s paused for garbage collection");
    }

    private static T Phase<T>(string name, Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var sw = Stopwatch.StartNew();
        var result = work();
        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        Console.WriteLine($"{name,-34} {wall,8:F3} {(process.TotalProcessorTime - cpu).TotalSeconds,8:F3} {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0,8:F1} {GC.CollectionCount(0) - gen0,3} {GC.CollectionCount(1) - gen1,3} {GC.CollectionCount(2) - gen2,3} {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds,6:F1}");
        return result;
    }
}
