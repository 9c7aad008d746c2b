using Kronika.Ingest;
using Kronika.Store;
using Microsoft.AspNetCore.Http.Features;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/export?format=&q=&from=&to=&entity=: the matching stories in one of the export formats, streamed article by article.</summary>
public static class Export
{
    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        ["jsonl"] = "application/x-ndjson", ["conllu"] = "text/plain", ["csv"] = "text/csv", ["entities"] = "text/csv", ["gdelt"] = "text/tab-separated-values",
    };

    public static void MapExport(this IEndpointRouteBuilder api) =>
        api.MapGet("/export", (HttpContext http, string? format, string? q, string? from, string? to, string? entity, string? source,
                string? actor, string? target, string? either, string? type, string? place, string? sort, string? order, IStore store, SearchLemmas lemmas) => Check.Run(async () =>
            {
                if (source is not (null or "articles" or "chronicle")) throw new Check.Failed("source", "must be articles or chronicle");
                var chronicle = source == "chronicle";
                if (format is null || !ContentTypes.TryGetValue(format, out var contentType) || (chronicle && !Exporter.ChronicleFormats.Contains(format)))
                    throw new Check.Failed("format", $"must be one of {string.Join(", ", chronicle ? Exporter.ChronicleFormats : Exporter.Formats)}");
                var request = new SearchRequest(string.IsNullOrWhiteSpace(q) ? null : lemmas.Parser().Parse(q), Check.Date(from, "from"), Check.Date(to, "to"),
                    entity is null ? null : await EntityResolver.KeysAsync(store, lemmas, entity, http.RequestAborted), Sort: Search.Sort(sort));
                if (order is not null && !ChronicleRequest.Orders.Contains(order)) throw new Check.Failed("order", $"must be one of {string.Join(", ", ChronicleRequest.Orders)}");
                // The chronicle's own filters (as in /api/chronicle); `entity` stays the either-side filter it always was.
                if (type is not null && !Kronika.Core.Model.EventTypes.All.Contains(type)) throw new Check.Failed("type", $"must be one of {string.Join(", ", Kronika.Core.Model.EventTypes.All)}");
                async Task<IReadOnlyList<string>?> Keys(string? name) => name is null ? null : await EntityResolver.KeysAsync(store, lemmas, name, http.RequestAborted);
                var chronicleRequest = chronicle
                    ? new ChronicleRequest(request.Query, await Keys(actor), await Keys(target), either is null ? request.EntityKeys : await Keys(either), type, await Keys(place), request.From, request.To).InOrder(order ?? "event")
                    : null;
                return Results.Stream(async body =>
                {
                    // The exporter writes an article at a time and flushes it: the export is never built in memory. (The
                    // CSV writer's rows reach the body synchronously between the flushes.)
                    http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                    await using var writer = new StreamWriter(body, leaveOpen: true);
                    if (chronicle)
                        await new Exporter(store).WriteChronicleAsync(chronicleRequest!, format, writer, http.RequestAborted);
                    else
                        await new Exporter(store).WriteAsync(request, format, writer, http.RequestAborted);
                }, contentType, $"kronika.{(format == "entities" ? "entities.csv" : format)}");
            }))
            .WithSummary("Export the stories a query matches (oldest first; sort=newest: newest first): jsonl (all layers), conllu, csv (events), entities (CSV), gdelt (GDELT 2.0 event table); with source=chronicle, the chronicle events reported in them (jsonl, csv, gdelt), in the chronicle's order=");
}
