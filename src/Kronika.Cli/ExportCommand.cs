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
        var db = StoreOptions.Db();
        var command = new Command("export", "Write the stored stories (all, or those a query and filters match) to standard output, oldest first.")
        {
            format, query, from, to, entity, db,
        };
        command.SetAction(result =>
        {
            var (fromDate, toDate) = (KronikaCli.ParseDate(result.GetValue(from), "--from"), KronikaCli.ParseDate(result.GetValue(to), "--to"));
            using var store = StoreOptions.Open(result.GetValue(db), create: false);
            var lemmas = new SearchLemmas();
            var request = new SearchRequest(
                result.GetValue(query) is { Length: > 0 } q ? lemmas.Parser().Parse(q) : null,
                fromDate, toDate,
                result.GetValue(entity) is { } name ? EntityResolver.Keys(store, lemmas, name) : null);
            var count = new Exporter(store, lemmas).Write(request, result.GetValue(format)!, io.Out);
            io.Error.WriteLine($"{count} {(count == 1 ? "article" : "articles")} exported");
            return KronikaCli.Ok;
        });
        return command;
    }
}
