using System.CommandLine;
using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Cli;

/// <summary>`kronika search "QUERY"`: ranked articles whose lemmas match, with snippets in the articles' own words.</summary>
public static class SearchCommand
{
    public static Command Create(CliIO io)
    {
        var query = new Argument<string?>("query")
        {
            Description = "Words (matched in any inflected form), \"phrases\", prefix*, AND, OR, NOT, parentheses. May be left out when a filter is given",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var from = new Option<string?>("--from") { Description = "Only articles published (or, with --event-dates, talking about days) on or after YYYY-MM-DD" };
        var to = new Option<string?>("--to") { Description = "… on or before YYYY-MM-DD" };
        var eventDates = new Option<bool>("--event-dates") { Description = "--from/--to filter on the dates the articles talk about, not their publication dates" };
        var entity = new Option<string?>("--entity", "-e") { Description = "Only articles mentioning this entity: a name in any case form, a surname, or a Wikidata id" };
        var type = StoreOptions.EntityType("Only articles mentioning an entity of this type (with --entity: the entity must be of this type)");
        var limit = StoreOptions.Count("--limit", "-n", "How many results", 10, 1, 10_000);
        var offset = StoreOptions.Count("--offset", "", "Skip this many results (for paging)", 0, 0, StoreOptions.MaxOffset);
        var sort = new Option<string>("--sort") { Description = "relevance (best match first; without words, newest first), newest or oldest (by publication date)", DefaultValueFactory = _ => "relevance" };
        sort.AcceptOnlyFromAmong([.. SearchRequest.Sorts]);
        var format = StoreOptions.Format();
        var db = StoreOptions.Db();
        var command = new Command("search", "Search the stored articles by lemma, with filters on dates and entities.")
        {
            query, from, to, eventDates, entity, type, limit, offset, sort, format, db,
        };
        command.SetAction((result, ct) =>
        {
            var text = result.GetValue(query);
            var request = new SearchRequest(null, KronikaCli.ParseDate(result.GetValue(from), "--from"), KronikaCli.ParseDate(result.GetValue(to), "--to"),
                null, result.GetValue(type), result.GetValue(eventDates), result.GetValue(limit), result.GetValue(offset), Sort: SearchRequest.ParseSort(result.GetValue(sort)!)!.Value);
            if (string.IsNullOrWhiteSpace(text) && request.From is null && request.To is null && result.GetValue(entity) is null && request.Type is null)
                throw new UsageException("search: give a query or at least one filter (--from, --to, --entity, --type)");
            return RunAsync(io, text, result.GetValue(entity), request, result.GetValue(format)!, result.GetValue(db), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, string? text, string? entity, SearchRequest request, string format, string? db, CancellationToken ct)
    {
        using var store = StoreOptions.Open(db, create: false);
        var lemmas = new SearchLemmas();
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                request = request with { Query = lemmas.Parser().Parse(text) };
            }
            catch (QueryException e)
            {
                throw new UsageException($"query: {e.Message}");
            }
        }
        if (entity is not null)
        {
            var keys = await EntityResolver.KeysAsync(store, lemmas, entity, ct);
            if (keys.Count == 0)
            {
                io.Error.WriteLine($"error: --entity: no entity named '{entity}' in the store (see 'kronika entities')");
                return KronikaCli.SomeInputsFailed;
            }
            request = request with { EntityKeys = keys };
        }
        var page = await store.SearchAsync(request, ct);
        if (format == "json")
        {
            io.Out.WriteLine(JsonSerializer.Serialize(new
            {
                total = page.Total,
                offset = request.Offset,
                hits = page.Hits.Select(h => new
                {
                    id = h.Id,
                    date = h.Date.ToString("yyyy-MM-dd"),
                    title = h.Title,
                    source = h.Source,
                    url = h.Url,
                    score = Math.Round(h.Score, 4),
                    snippet = h.Snippet,
                    highlights = h.Highlights.Select(x => new[] { x.Start, x.End }),
                    copies = h.Copies,
                }),
            }, StoreOptions.Json));
            return KronikaCli.Ok;
        }
        if (page.Total == 0)
        {
            io.Out.WriteLine("no articles found");
            return KronikaCli.Ok;
        }
        if (page.Hits.Count == 0)
        {
            io.Out.WriteLine($"{page.Total} {(page.Total == 1 ? "article" : "articles")}; none after the first {request.Offset} (--offset is past the end)");
            return KronikaCli.Ok;
        }
        io.Out.WriteLine($"{page.Total} {(page.Total == 1 ? "article" : "articles")}; {request.Offset + 1}–{request.Offset + page.Hits.Count} {request.Sort switch { SearchSort.Oldest => "oldest first", SearchSort.Newest => "newest first", _ => request.Query is null ? "newest first" : "by relevance" }}");
        var rank = request.Offset;
        foreach (var hit in page.Hits)
        {
            io.Out.WriteLine();
            io.Out.WriteLine($"{++rank}. {hit.Date:yyyy-MM-dd}  {hit.Title}");
            io.Out.WriteLine($"   {hit.Source}{(hit.Copies > 0 ? $"  (+{hit.Copies} {(hit.Copies == 1 ? "copy" : "copies")})" : "")}");
            io.Out.WriteLine($"   {Snippets.Marked(hit.Snippet, hit.Highlights)}");
        }
        return KronikaCli.Ok;
    }
}
