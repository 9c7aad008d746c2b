using System.CommandLine;
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

    public static Command Create(CliIO io) =>
        GoldFile.Command<Case>(io, "eval-ner", "Score named entities: exact-span F1 per type, canonical-name accuracy on matched spans.",
            "JSON lines: {\"text\", \"entities\": [{\"text\", \"type\", \"canonical\"}]}", (file, cases) =>
            {
                var evaluator = Evaluate(cases);
                return (GoldFile.Table(evaluator.Results().Select(m => (m.Name, m.Precision, m.Recall, m.F1)))
                    .Prepend($"{file}: {cases.Count} texts, {cases.Sum(c => c.Entities.Count)} entities"), evaluator.Errors);
            });

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
