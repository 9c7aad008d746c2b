using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>The chronicle page of the API: events across outlets with their reports, figures per source and conflicts.</summary>
/// <summary>`Unknown` names the filters (actor, target, either, place) whose name is no entity in the store, so that a zero can say why.
/// `Total` is exact up to 10,000 matching events; `Capped` true: more than `Total` match.</summary>
public sealed record ChronicleResponse(int Total, int Offset, IReadOnlyList<ChronicleEvent> Events, IReadOnlyList<string>? Unknown = null, bool Capped = false);

/// <summary>GET /api/chronicle and GET /api/stories/{id}: chronicle events, filtered as `kronika chronicle` filters them, and the story of an article.</summary>
public static class Chronicle
{
    public static void MapChronicle(this IEndpointRouteBuilder api)
    {
        api.MapGet("/chronicle", (string? q, string? actor, string? target, string? either, string? type, string? place, string? from, string? to, string? order,
                string? limit, string? offset, string? reports, IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                if (type is not null && !EventTypes.All.Contains(type)) throw new Check.Failed("type", $"must be one of {string.Join(", ", EventTypes.All)}");
                if (order is not null && !ChronicleRequest.Orders.Contains(order)) throw new Check.Failed("order", $"must be one of {string.Join(", ", ChronicleRequest.Orders)}");
                var unknown = new List<string>();
                async Task<IReadOnlyList<string>?> Keys(string? name, string parameter)
                {
                    if (name is null) return null;
                    var keys = await EntityResolver.KeysAsync(store, lemmas, name, ct);
                    if (keys.Count == 0) unknown.Add(parameter);
                    return keys;
                }
                QueryNode? query = null;
                if (!string.IsNullOrWhiteSpace(q))
                {
                    try { query = lemmas.Parser().Parse(q); }
                    catch (QueryException e) { throw new Check.Failed("q", e.Message); }
                }
                var request = new ChronicleRequest(query, await Keys(actor, "actor"), await Keys(target, "target"), await Keys(either, "either"), type, await Keys(place, "place"), Check.Date(from, "from"), Check.Date(to, "to"),
                    false, Check.Limit(limit), Check.Offset(offset), Check.Number(reports, "reports", 5, 0, Check.MaxLimit));
                request = request.InOrder(order ?? "event")!;
                var page = await store.ChronicleAsync(request, ct);
                return TypedResults.Ok(new ChronicleResponse(page.Total, request.Offset, page.Events, unknown, page.Capped));
            }))
            .Produces<ChronicleResponse>()
            .WithSummary("The chronicle: events across outlets in date order (or by first report; oldest or newest first), each with its date or date bounds, type in words, who → whom, where, according to whom, figures per source, conflicts, reports and outlets");

        api.MapGet("/stories/{id:long}", async (long id, IStore store, CancellationToken ct) =>
                await store.StoryAsync(id, ct) is { } story ? Results.Ok(story) : Results.Problem(statusCode: 404, title: "No such article", detail: $"no article {id} in the store"))
            .Produces<StoryInfo>()
            .WithSummary("The story an article belongs to: every outlet's article on it (copies too), its outlets, first and last report");
    }
}
