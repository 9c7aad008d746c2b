using System.CommandLine;
using System.Globalization;
using Kronika.Core.Evaluation;
using Kronika.Core.Model;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Entities;

namespace Kronika.Cli;

/// <summary>`kronika eval-events FILE.jsonl`: scores events, attribution, quotes and quantities against a gold file of docs/events.md.</summary>
public static class EvalEventsCommand
{
    public static Command Create(CliIO io) =>
        GoldFile.Command<EventCase>(io, "eval-events", "Score events as (type, actors, targets, date) tuples, and attribution, quote speakers and quantities.",
            "JSON lines as docs/events.md describes: {\"id\", \"dct\", \"text\", \"events\", \"quotes\", \"attributions\", \"quantities\"}", (file, cases) =>
            {
                var evaluator = Evaluate(cases);
                var summary = $"{file}: {cases.Count} texts, {cases.Sum(c => c.Events.Count)} events, {cases.Sum(c => c.Attributions?.Count ?? 0)} attributions, " +
                              $"{cases.Sum(c => c.Quotes?.Count ?? 0)} quotes, {cases.Sum(c => c.Quantities?.Count ?? 0)} quantities";
                return (evaluator.Results().Select(r => $"{r.Name,-38} {r.Value}").Prepend(summary), evaluator.Errors);
            });

    public static List<EventCase> Read(string path) => GoldFile.Read<EventCase>(path);

    public static EventEvaluator Evaluate(IReadOnlyList<EventCase> cases)
    {
        var pipeline = LithuanianPipeline.Create(Layers.Events);
        var kb = KnowledgeBase.Load();
        var evaluator = new EventEvaluator(GoldFile.SameName(kb, eitherWay: true));
        foreach (var c in cases)
        {
            var dct = DateOnly.ParseExact(c.Dct, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            evaluator.Add(c, pipeline.Process(new Document(c.Text, dct, paragraphs: Document.Lines(c.Text))));
        }
        return evaluator;
    }
}
