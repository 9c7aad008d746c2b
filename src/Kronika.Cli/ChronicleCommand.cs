using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>`kronika chronicle [QUERY] [--actor X] [--target Y] [--either Z] [--type T] [--place P] [--from D] [--to D]`: chronicle events with their reports, figures and conflicts.</summary>
public static class ChronicleCommand
{
    public static Command Create(CliIO io)
    {
        var query = new Argument<string?>("query") { Description = "Only events reported in stories matching this query (the language of `kronika search`)", Arity = ArgumentArity.ZeroOrOne };
        var actor = new Option<string?>("--actor", "-a") { Description = "Only events this entity did (a state also through its capital, seat of government or leader: docs/chronicle.md)" };
        var target = new Option<string?>("--target", "-t") { Description = "Only events done to this entity (for AGREE, CONSULT, COOPERATE: any other participant)" };
        var either = new Option<string?>("--either") { Description = "Only events with this entity on either side" };
        var type = new Option<string?>("--type") { Description = "Only events of this PLOVER type" };
        type.AcceptOnlyFromAmong(EventTypes.All);
        var place = new Option<string?>("--place") { Description = "Only events some report places here" };
        var from = new Option<string?>("--from") { Description = "Only events on or after YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "… on or before YYYY-MM-DD" };
        var order = new Option<string>("--order") { Description = "event (by event date) or report (by first report), oldest first; event-desc or report-desc, newest first", DefaultValueFactory = _ => "event" };
        order.AcceptOnlyFromAmong([.. ChronicleRequest.Orders]);
        var limit = StoreOptions.Count("--limit", "-n", "How many events", 20, 1, 1000);
        var offset = StoreOptions.Count("--offset", "", "Skip this many events (for paging)", 0, 0, StoreOptions.MaxOffset);
        var reports = StoreOptions.Count("--reports", "", "How many reports to show per event", 3, 0, 100);
        var format = StoreOptions.Format();
        var db = StoreOptions.Db();
        var command = new Command("chronicle", "The chronicle: events across articles and outlets, in date order, each with its reports, who said it, figures per source and the reports that disagree.")
        {
            query, actor, target, either, type, place, from, to, order, limit, offset, reports, format, db,
        };
        command.SetAction(async (result, ct) =>
        {
            var fromDate = KronikaCli.ParseDate(result.GetValue(from), "--from");
            var toDate = KronikaCli.ParseDate(result.GetValue(to), "--to");
            using var store = StoreOptions.Open(result.GetValue(db), create: false);
            var lemmas = new SearchLemmas();
            async Task<IReadOnlyList<string>?> Keys(string? name) => name is null ? null : await EntityResolver.KeysAsync(store, lemmas, name, ct);
            var request = new ChronicleRequest(
                result.GetValue(query) is { Length: > 0 } q ? lemmas.Parser().Parse(q) : null,
                await Keys(result.GetValue(actor)), await Keys(result.GetValue(target)), await Keys(result.GetValue(either)), result.GetValue(type), await Keys(result.GetValue(place)),
                fromDate, toDate,
                false, result.GetValue(limit), result.GetValue(offset), result.GetValue(reports)).InOrder(result.GetValue(order)!)!;
            var page = await store.ChronicleAsync(request, ct);
            if (result.GetValue(format) == "json")
            {
                io.Out.WriteLine(JsonSerializer.Serialize(new { total = page.Total, capped = page.Capped, offset = request.Offset, events = page.Events }, StoreOptions.Json));
                return KronikaCli.Ok;
            }
            var total = page.Capped ? $"more than {page.Total}" : $"{page.Total}";
            io.Out.WriteLine(page.Total == 0 ? "no events"
                : page.Events.Count == 0 ? $"{total} events; none after the first {request.Offset} (--offset is past the end)"
                : $"{total} events; {request.Offset + 1}–{request.Offset + page.Events.Count} by {(request.ByReport ? "first report" : "event date")}{(request.Descending ? ", newest first" : "")}");
            foreach (var e in page.Events) Write(io.Out, e);
            return KronikaCli.Ok;
        });
        return command;
    }

    public static void Write(TextWriter w, ChronicleEvent e)
    {
        w.WriteLine();
        var who = string.Join(", ", e.Actors) + (e.Targets.Count > 0 ? " → " + string.Join(", ", e.Targets) : "");
        w.WriteLine($"{e.When}  {e.TypeLt} ({e.Type}{(e.Mode is { } m ? "/" + m : "")}), {e.Status}: {who}{(e.Places.Count > 0 ? " — " + string.Join(", ", e.Places) : "")}");
        w.WriteLine($"    {e.ReportCount} {(e.ReportCount == 1 ? "report" : "reports")} in {e.OutletCount} {(e.OutletCount == 1 ? "outlet" : "outlets")}, {e.FirstReported:yyyy-MM-dd}…{e.LastReported:yyyy-MM-dd}"
            + (e.Sources.Count > 0 ? "; according to " + string.Join(", ", e.Sources) : ""));
        foreach (var f in e.Figures)
            w.WriteLine($"    figure: {(f.Approx is null ? "" : f.Approx.ToLowerInvariant().Replace('_', ' ') + " ")}{f.Value.ToString("#,0.##", CultureInfo.InvariantCulture)} {f.Unit} — {f.Source}, {f.Reported:yyyy-MM-dd}");
        foreach (var c in e.Conflicts)
            w.WriteLine($"    CONFLICT ({(c.Unit is null ? "held vs denied" : c.Unit)}): " + string.Join("; ", c.Claims.Select(x => $"{x.Claim} ({x.Source}, {x.Reported:yyyy-MM-dd})")));
        foreach (var r in e.Reports)
        {
            var t0 = Math.Clamp(r.TriggerStart, 0, r.Sentence.Length);
            var t1 = Math.Clamp(r.TriggerEnd, t0, r.Sentence.Length);
            w.WriteLine($"    {r.ArticleDate:yyyy-MM-dd}  {r.Sentence[..t0]}[{r.Sentence[t0..t1]}]{r.Sentence[t1..]}");
            var says = string.Join(", ", new[] { r.Modality.ToLowerInvariant(), r.Date, r.AttributedTo is { } s ? "according to " + s : null, r.Quantities.Length > 0 ? r.Quantities : null }.OfType<string>());
            w.WriteLine($"                {says}; {r.Url ?? r.Outlet}");
        }
    }
}
