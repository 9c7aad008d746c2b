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
    public static Command Create(CliIO io)
    {
        var noSyntax = new Option<bool>("--no-syntax") { Description = "Leave the parser out, as ingest does (events and quotes then use the window rules)" };
        var command = GoldFile.Command<EventCase>(io, "eval-events", "Score events as (type, actors, targets, date) tuples, and attribution, quote speakers and quantities.",
            "JSON lines as docs/events.md describes: {\"id\", \"dct\", \"text\", \"events\", \"quotes\", \"attributions\", \"quantities\"}", (file, cases, result) =>
            {
                var evaluator = Evaluate(cases, syntax: !result.GetValue(noSyntax));
                var summary = $"{file}: {cases.Count} texts, {cases.Sum(c => c.Events.Count)} events, {cases.Sum(c => c.Attributions?.Count ?? 0)} attributions, " +
                              $"{cases.Sum(c => c.Quotes?.Count ?? 0)} quotes, {cases.Sum(c => c.Quantities?.Count ?? 0)} quantities";
                return (evaluator.Results().Select(r => $"{r.Name,-38} {r.Value}").Prepend(summary), evaluator.Errors);
            });
        command.Options.Add(noSyntax);
        return command;
    }

    public static List<EventCase> Read(string path) => GoldFile.Read<EventCase>(path);

    /// <param name="syntax">Parse first, as `analyze` does; without it, as ingest runs the pipeline.</param>
    public static EventEvaluator Evaluate(IReadOnlyList<EventCase> cases, bool syntax = true)
    {
        var pipeline = LithuanianPipeline.Create(syntax ? Layers.Events | Layers.Syntax : Layers.Events);
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
