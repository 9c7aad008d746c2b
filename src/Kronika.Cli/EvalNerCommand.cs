using System.CommandLine;
using System.Text.Json;
using Kronika.Core.Evaluation;
using Kronika.Core.Model;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Entities;

namespace Kronika.Cli;

/// <summary>`kronika eval-ner FILE.jsonl`: scores entities against lines of `{"text", "entities": [{"text", "type", "canonical"}]}`.</summary>
public static class EvalNerCommand
{
    public sealed record Case(string Text, List<GoldEntityText> Entities);

    public sealed record GoldEntityText(string Text, string Type, string Canonical);

    public static Command Create(CliIO io)
    {
        var file = new Argument<string>("file") { Description = "JSON lines: {\"text\", \"entities\": [{\"text\", \"type\", \"canonical\"}]}" };
        var errors = new Option<bool>("--errors") { Description = "Also print every mismatch" };
        var command = new Command("eval-ner", "Score named entities: exact-span F1 per type, canonical-name accuracy on matched spans.") { file, errors };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
            var cases = Read(path);
            var evaluator = Evaluate(cases);
            io.Out.WriteLine($"{Path.GetFileName(path)}: {cases.Count} texts, {cases.Sum(c => c.Entities.Count)} entities");
            io.Out.WriteLine($"{"Metric",-10} {"Precision",9} {"Recall",9} {"F1",9}");
            foreach (var m in evaluator.Results())
                io.Out.WriteLine($"{m.Name,-10} {100 * m.Precision,9:F2} {100 * m.Recall,9:F2} {100 * m.F1,9:F2}");
            if (result.GetValue(errors))
                foreach (var e in evaluator.Errors) io.Out.WriteLine(e);
            return KronikaCli.Ok;
        });
        return command;
    }

    public static List<Case> Read(string path) => GoldFile.Read<Case>(path);

    public static List<GoldEntity> GoldSpans(Case c)
    {
        var spans = new List<GoldEntity>();
        var from = 0;
        foreach (var e in c.Entities)
        {
            var at = c.Text.IndexOf(e.Text, from, StringComparison.Ordinal);
            if (at < 0) throw new FormatException($"'{e.Text}' is not in '{c.Text}'");
            spans.Add(new GoldEntity(at, at + e.Text.Length, e.Type, e.Canonical));
            from = at + e.Text.Length;
        }
        return spans;
    }

    public static EntityEvaluator Evaluate(IReadOnlyList<Case> cases)
    {
        var pipeline = LithuanianPipeline.Create(Layers.Entities);
        var kb = KnowledgeBase.Load();
        var evaluator = new EntityEvaluator(GoldFile.SameName(kb));
        foreach (var c in cases)
        {
            var doc = pipeline.Process(new Document(c.Text, new DateOnly(2025, 8, 13)));
            evaluator.Add(c.Text, GoldSpans(c), doc.Entities);
        }
        return evaluator;
    }
}
