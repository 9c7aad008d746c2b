using Kronika.Ingest;
using Kronika.Store;
using Microsoft.AspNetCore.Mvc;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/search: the query language of `kronika search`, with its filters and paging.</summary>
public static class Search
{
    public static void MapSearch(this IEndpointRouteBuilder api) =>
        api.MapGet("/search", (string? q, string? from, string? to, string? entity, string? type, [FromQuery(Name = "event_dates")] string? eventDates,
                string? limit, string? offset, string? sort, IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                var request = new SearchRequest(
                    string.IsNullOrWhiteSpace(q) ? null : lemmas.Parser().Parse(q),
                    Check.Date(from, "from"), Check.Date(to, "to"),
                    entity is null ? null : await EntityResolver.KeysAsync(store, lemmas, entity, ct),
                    Check.Type(type), Check.Flag(eventDates, "event_dates"), Check.Limit(limit), Check.Offset(offset), Sort: Sort(sort));
                var page = await store.SearchAsync(request, ct);
                return Results.Ok(new
                {
                    total = page.Total,
                    offset = request.Offset,
                    hits = page.Hits.Select(h => new
                    {
                        h.Id, h.Date, h.Title, h.Source, h.Url, h.Score, h.Snippet,
                        highlights = h.Highlights.Select(x => new[] { x.Start, x.End }),
                        h.Copies,
                    }),
                });
            }))
            .WithSummary("Search the stored articles by lemma: words in any inflected form, \"phrases\", prefix*, AND, OR, NOT; filters on dates, entity, entity type; sort=relevance (the default), newest or oldest");

    /// <summary>The `sort` parameter: relevance (also when absent), newest or oldest.</summary>
    public static SearchSort Sort(string? sort) =>
        sort is null ? SearchSort.Relevance
        : SearchRequest.ParseSort(sort) ?? throw new Check.Failed("sort", $"must be one of {string.Join(", ", SearchRequest.Sorts)}");
}
