using Kronika.Core.Model;
using System.CommandLine;
using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>`kronika events [--actor X] [--target Y] [--type T] [--from D] [--to D]`: events across articles, newest first, with their reports.</summary>
public static class EventsCommand
{
    public static Command Create(CliIO io)
    {
        var actor = new Option<string?>("--actor", "-a") { Description = "Only events this entity did: a name in any case form, a surname, or a Wikidata id" };
        var target = new Option<string?>("--target", "-t") { Description = "Only events done to this entity (for AGREE, CONSULT, COOPERATE: any other participant)" };
        var type = new Option<string?>("--type") { Description = "Only events of this PLOVER type" };
        type.AcceptOnlyFromAmong(EventTypes.All);
        var from = new Option<string?>("--from") { Description = "Only events dated (or, without a calendar date, first reported) on or after YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "… on or before YYYY-MM-DD" };
        var limit = StoreOptions.Count("--limit", "-n", "How many events", 20, 1, 1000);
        var offset = StoreOptions.Count("--offset", "", "Skip this many events (for paging)", 0, 0, StoreOptions.MaxOffset);
        var mentions = StoreOptions.Count("--mentions", "", "How many reports to show per event", 3, 0, 100);
        var format = StoreOptions.Format();
        var db = StoreOptions.Db();
        var command = new Command("events", "Events across the stored articles (who did what to whom, when), newest first, each with the articles reporting it.")
        {
            actor, target, type, from, to, limit, offset, mentions, format, db,
        };
        command.SetAction(async (result, ct) =>
        {
            // Options first: a mistyped date is a usage error whatever the store.
            var fromDate = KronikaCli.ParseDate(result.GetValue(from), "--from");
            var toDate = KronikaCli.ParseDate(result.GetValue(to), "--to");
            using var store = StoreOptions.Open(result.GetValue(db), create: false);
            var lemmas = new SearchLemmas();
            async Task<IReadOnlyList<string>?> Keys(string? name) => name is null ? null : await EntityResolver.KeysAsync(store, lemmas, name, ct);
            var request = new EventRequest(
                await Keys(result.GetValue(actor)), await Keys(result.GetValue(target)), result.GetValue(type), fromDate, toDate,
                result.GetValue(limit), result.GetValue(offset));
            var page = await store.EventsAsync(request, result.GetValue(mentions), ct);
            if (result.GetValue(format) == "json")
            {
                io.Out.WriteLine(JsonSerializer.Serialize(new { total = page.Total, offset = request.Offset, events = page.Events }, StoreOptions.Json));
                return KronikaCli.Ok;
            }
            io.Out.WriteLine(page.Total == 0 ? "no events"
                : page.Events.Count == 0 ? $"{page.Total} events; none after the first {request.Offset} (--offset is past the end)"
                : $"{page.Total} events; {request.Offset + 1}–{request.Offset + page.Events.Count} newest first");
            foreach (var e in page.Events)
            {
                io.Out.WriteLine();
                var who = string.Join(", ", e.Actors) + (e.Targets.Count > 0 ? " → " + string.Join(", ", e.Targets) : "");
                io.Out.WriteLine($"{When(e),-17}  {e.Type}{(e.Mode is { } m ? "/" + m : "")}  {who}  ({e.MentionCount} {(e.MentionCount == 1 ? "report" : "reports")})");
                foreach (var r in e.Mentions)
                {
                    var says = string.Join(", ", new[] { r.Modality.ToLowerInvariant(), r.AttributedTo is { } s ? "according to " + s : null, r.Location, r.Quantities.Length > 0 ? r.Quantities : null }.OfType<string>());
                    io.Out.WriteLine($"    {r.ArticleDate:yyyy-MM-dd}  {r.Sentence[..r.TriggerStart]}[{r.Sentence[r.TriggerStart..r.TriggerEnd]}]{r.Sentence[r.TriggerEnd..]}");
                    io.Out.WriteLine($"                {says}; {r.Url ?? r.Source}");
                }
            }
            return KronikaCli.Ok;
        });
        return command;
    }

    /// <summary>The event's date; one known only from tense is shown against its first report.</summary>
    private static string When(EventHit e)
    {
        var reported = e.Mentions.Count > 0 ? e.Mentions.Min(m => m.ArticleDate).ToString("yyyy-MM-dd") : "";
        return e.Date switch
        {
            null => "undated",
            "PAST_REF" => "before " + reported,
            "FUTURE_REF" => "after " + reported,
            "PRESENT_REF" => "about " + reported,
            _ => e.Date,
        };
    }
}
