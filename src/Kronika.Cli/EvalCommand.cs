using System.CommandLine;
using Kronika.Core.Evaluation;
using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Morphology;

namespace Kronika.Cli;

/// <summary>
/// `kronika eval FILE.conllu`: rebuilds each document's raw text from its `# text` lines, analyzes it and scores
/// tokens and sentences (and tags, once the pipeline has them) against the gold file, CoNLL 2018 style.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliIO io)
    {
        var file = new Argument<string>("gold") { Description = "A gold CoNLL-U file, e.g. ../shared/data/ud-lithuanian-alksnis/lt_alksnis-ud-test.conllu" };
        var inputFormat = new Option<string>("--input-format") { Description = "text: analyze the raw text; conllu: keep the gold tokens and sentences and score tagging only", DefaultValueFactory = _ => "text" };
        inputFormat.AcceptOnlyFromAmong("text", "conllu");
        var model = new Option<string?>("--model") { Description = "A morphology model file (from `kronika train morphology --models DIR`) to score instead of the embedded one" };
        var command = new Command("eval", "Score the pipeline against a gold CoNLL-U treebank file.") { file, inputFormat, model };
        command.SetAction(result => Run(io, result.GetValue(file)!, result.GetValue(inputFormat) == "conllu", result.GetValue(model)));
        return command;
    }

    private static int Run(CliIO io, string path, bool goldTokens, string? modelPath)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
        if (modelPath is not null && !File.Exists(modelPath)) throw new UsageException($"{modelPath}: no such file");
        MorphologyModel? model = null;
        if (modelPath is not null)
            using (var stream = File.OpenRead(modelPath)) model = MorphologyModel.Load(stream);
        List<ConlluDocument> gold;
        using (var reader = new StreamReader(path)) gold = Conllu.ReadDocuments(reader);
        var results = Evaluate(gold, goldTokens, model);
        io.Out.WriteLine($"{Path.GetFileName(path)}: {gold.Count} documents, {gold.Sum(d => d.Sentences.Count)} sentences, {gold.Sum(d => d.Sentences.Sum(s => s.Words.Count))} tokens{(goldTokens ? " (gold tokens)" : "")}");
        io.Out.WriteLine($"{"Metric",-12} {"Precision",9} {"Recall",9} {"F1",9}");
        foreach (var m in results)
            io.Out.WriteLine($"{m.Name,-12} {100 * m.Precision,9:F2} {100 * m.Recall,9:F2} {100 * m.F1,9:F2}");
        return KronikaCli.Ok;
    }

    public static IReadOnlyList<Metric> Evaluate(IReadOnlyList<ConlluDocument> gold, bool goldTokens, MorphologyModel? model = null)
    {
        var pipeline = LithuanianPipeline.Create(morphology: model);
        var evaluator = new ConlluEvaluator();
        var systems = gold.AsParallel().AsOrdered()
            .Select(g => pipeline.Process(goldTokens ? g.ToDocument() : new Document(g.RawText(), source: new ArticleSource(g.Id ?? "-"))))
            .ToList();
        for (var i = 0; i < gold.Count; i++) evaluator.Add(gold[i], systems[i]);
        return evaluator.Results();
    }
}
