using System.CommandLine;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>`kronika export --format F [--query Q] [--from D] [--to D] [--entity NAME] > FILE`: the matching stories, streamed.</summary>
public static class ExportCommand
{
    public static Command Create(CliIO io)
    {
        var format = new Option<string>("--format", "-f") { Description = "jsonl (documents with all layers), conllu, csv (events), entities (CSV), gdelt (GDELT 2.0 event table)", Required = true };
        format.AcceptOnlyFromAmong(Exporter.Formats);
        var query = new Option<string?>("--query", "-q") { Description = "Only stories matching this query (the language of `kronika search`)" };
        var from = new Option<string?>("--from") { Description = "Only stories published on or after YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "… on or before YYYY-MM-DD" };
        var entity = new Option<string?>("--entity", "-e") { Description = "Only stories mentioning this entity" };
        var chronicle = new Option<bool>("--chronicle") { Description = "Export chronicle events instead (jsonl, csv or gdelt): events reported in the matching stories, with the entity on either side, dated between --from and --to" };
        var sort = new Option<string>("--sort") { Description = "oldest (the default) or newest first, by publication date" , DefaultValueFactory = _ => "oldest" };
        sort.AcceptOnlyFromAmong("oldest", "newest");
        var order = new Option<string>("--order") { Description = "With --chronicle: event or report (by event date or first report), oldest first; event-desc or report-desc, newest first", DefaultValueFactory = _ => "event" };
        order.AcceptOnlyFromAmong([.. ChronicleRequest.Orders]);
        var db = StoreOptions.Db();
        var command = new Command("export", "Write the stored stories (all, or those a query and filters match) to standard output, oldest first (or --sort newest).")
        {
            format, query, from, to, entity, chronicle, sort, order, db,
        };
        command.SetAction(async (result, ct) =>
        {
            var (fromDate, toDate) = (KronikaCli.ParseDate(result.GetValue(from), "--from"), KronikaCli.ParseDate(result.GetValue(to), "--to"));
            using var store = StoreOptions.Open(result.GetValue(db), create: false);
            var lemmas = new SearchLemmas();
            var request = new SearchRequest(
                result.GetValue(query) is { Length: > 0 } q ? lemmas.Parser().Parse(q) : null,
                fromDate, toDate,
                result.GetValue(entity) is { } name ? await EntityResolver.KeysAsync(store, lemmas, name, ct) : null,
                Sort: SearchRequest.ParseSort(result.GetValue(sort)!)!.Value);
            if (result.GetValue(chronicle))
            {
                if (!Exporter.ChronicleFormats.Contains(result.GetValue(format))) throw new UsageException($"--chronicle exports {string.Join(", ", Exporter.ChronicleFormats)}, not {result.GetValue(format)}");
                var events = await new Exporter(store).WriteChronicleAsync(new ChronicleRequest(request.Query, EitherKeys: request.EntityKeys, From: request.From, To: request.To).InOrder(result.GetValue(order)!)!, result.GetValue(format)!, io.Out, ct);
                io.Error.WriteLine($"{events} chronicle {(events == 1 ? "event" : "events")} exported");
                return KronikaCli.Ok;
            }
            var count = await new Exporter(store).WriteAsync(request, result.GetValue(format)!, io.Out, ct);
            io.Error.WriteLine($"{count} {(count == 1 ? "article" : "articles")} exported");
            return KronikaCli.Ok;
        });
        return command;
    }
}
