using System.CommandLine;
using Kronika.Core.Evaluation;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Morphology;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Cli;

/// <summary>
/// `kronika eval FILE.conllu`: rebuilds each document's raw text from its `# text` lines, analyzes it and scores
/// tokens, sentences, tags, and heads and relations (UAS, LAS) against the gold file, CoNLL 2018 style.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliIO io)
    {
        var file = new Argument<string>("gold") { Description = "A gold CoNLL-U file, e.g. ../shared/data/ud-lithuanian-alksnis/lt_alksnis-ud-test.conllu" };
        var inputFormat = new Option<string>("--input-format") { Description = "text: analyze the raw text; conllu: keep the gold tokens and sentences and score tagging and parsing only", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "conllu");
        var model = new Option<string?>("--model") { Description = "A morphology model file (from `kronika train morphology --models DIR`) to score instead of the embedded one" };
        var syntax = new Option<string?>("--syntax-model") { Description = "A parser model file (from `kronika train syntax --models DIR`) to score instead of the embedded one" };
        var command = new Command("eval", "Score the pipeline against a gold CoNLL-U treebank file.") { file, inputFormat, model, syntax };
        command.SetAction(result => Run(io, result.GetValue(file)!, result.GetValue(inputFormat) == "conllu", result.GetValue(model), result.GetValue(syntax)));
        return command;
    }

    private static int Run(CliIO io, string path, bool goldTokens, string? modelPath, string? syntaxPath)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
        if (modelPath is not null && !File.Exists(modelPath)) throw new UsageException($"{modelPath}: no such file");
        if (syntaxPath is not null && !File.Exists(syntaxPath)) throw new UsageException($"{syntaxPath}: no such file");
        MorphologyModel? model = null;
        if (modelPath is not null)
            using (var stream = File.OpenRead(modelPath)) model = MorphologyModel.Load(stream);
        DependencyModel? syntax = null;
        if (syntaxPath is not null)
            using (var stream = File.OpenRead(syntaxPath)) syntax = DependencyModel.Load(stream);
        List<ConlluDocument> gold;
        using (var reader = new StreamReader(path)) gold = Conllu.ReadDocuments(reader);
        var results = Evaluate(gold, goldTokens, model, syntax);
        io.Out.WriteLine($"{Path.GetFileName(path)}: {gold.Count} documents, {gold.Sum(d => d.Sentences.Count)} sentences, {gold.Sum(d => d.Sentences.Sum(s => s.Words.Count))} tokens{(goldTokens ? " (gold tokens)" : "")}");
        io.Out.WriteLine($"{"Metric",-12} {"Precision",9} {"Recall",9} {"F1",9}");
        foreach (var m in results)
            io.Out.WriteLine($"{m.Name,-12} {100 * m.Precision,9:F2} {100 * m.Recall,9:F2} {100 * m.F1,9:F2}");
        var (tokens, seconds) = ParseTime(gold, model, syntax);
        io.Out.WriteLine($"parsing alone: {tokens / seconds:N0} tokens/s on one core ({tokens:N0} tokens, {seconds:F2} s of processor time, best of 3)");
        return KronikaCli.Ok;
    }

    /// <summary>The parser's own time over the gold tokens, tagged first: processor time, as the machine may be shared.</summary>
    private static (long Tokens, double Seconds) ParseTime(IReadOnlyList<ConlluDocument> gold, MorphologyModel? model, DependencyModel? syntax)
    {
        var tagging = LithuanianPipeline.Create(Layers.Morphology, morphology: model);
        var docs = gold.Select(g => tagging.Process(g.ToDocument())).ToList();
        var parser = new DependencyParser(syntax ?? LithuanianPipeline.LoadSyntax());
        var best = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var doc in docs) parser.Process(doc);
            best = Math.Min(best, (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - start).TotalSeconds);
        }
        return (docs.Sum(d => (long)d.TokenCount), Math.Max(best, 1e-6));
    }

    public static IReadOnlyList<Metric> Evaluate(IReadOnlyList<ConlluDocument> gold, bool goldTokens, MorphologyModel? model = null, DependencyModel? syntax = null)
    {
        var pipeline = LithuanianPipeline.Create(Layers.Syntax, morphology: model, syntax: syntax);
        var evaluator = new ConlluEvaluator();
        var systems = gold.AsParallel().AsOrdered()
            .Select(g => pipeline.Process(goldTokens ? g.ToDocument() : new Document(g.RawText(), source: new ArticleSource(g.Id ?? "-"))))
            .ToList();
        for (var i = 0; i < gold.Count; i++) evaluator.Add(gold[i], systems[i]);
        return evaluator.Results();
    }
}
