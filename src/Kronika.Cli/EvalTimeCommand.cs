using System.CommandLine;
using Kronika.Core.Evaluation;
using Kronika.Core.Model;
using Kronika.Lithuanian;

namespace Kronika.Cli;

/// <summary>
/// `kronika eval-time FILE.jsonl`: scores time expressions against lines of
/// `{"dct", "text", "times": [{"text", "type", "value", "mod"}]}` (TempEval-3 measures).
/// </summary>
public static class EvalTimeCommand
{
    /// <summary>One line of a time test file.</summary>
    public sealed record Case(string Dct, string Text, List<GoldTimeText> Times);

    public sealed record GoldTimeText(string Text, string Type, string Value, string? Mod);

    public static Command Create(CliIO io) =>
        GoldFile.Command<Case>(io, "eval-time", "Score time expressions: strict and relaxed extent F1, type and value accuracy, value F1.",
            "JSON lines: {\"dct\", \"text\", \"times\": [{\"text\", \"type\", \"value\", \"mod\"}]}", (file, cases) =>
            {
                var evaluator = Evaluate(cases);
                return (GoldFile.Table(evaluator.Results().Select(m => (m.Name, m.Precision, m.Recall, m.F1)))
                    .Prepend($"{file}: {cases.Count} texts, {cases.Sum(c => c.Times.Count)} time expressions"), evaluator.Errors);
            });

    public static List<Case> Read(string path) => GoldFile.Read<Case>(path);

    /// <summary>The gold spans of a case: each expression's text found in order in the case's text.</summary>
    public static List<GoldTime> GoldSpans(Case c)
    {
        var spans = new List<GoldTime>();
        var from = 0;
        foreach (var t in c.Times)
        {
            var at = c.Text.IndexOf(t.Text, from, StringComparison.Ordinal);
            if (at < 0) throw new FormatException($"'{t.Text}' is not in '{c.Text}'");
            spans.Add(new GoldTime(at, at + t.Text.Length, t.Type, t.Value, t.Mod));
            from = at + t.Text.Length;
        }
        return spans;
    }

    public static TimeEvaluator Evaluate(IReadOnlyList<Case> cases)
    {
        var pipeline = LithuanianPipeline.Create();
        var evaluator = new TimeEvaluator();
        foreach (var c in cases)
        {
            var doc = pipeline.Process(new Document(c.Text, DateOnly.Parse(c.Dct, System.Globalization.CultureInfo.InvariantCulture)));
            evaluator.Add(c.Text, GoldSpans(c), doc.Times);
        }
        return evaluator;
    }
}
