using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/events: events across articles, filtered as `kronika events` filters them.</summary>
public static class Events
{
    public static void MapEvents(this IEndpointRouteBuilder api) =>
        api.MapGet("/events", (string? actor, string? target, string? type, string? from, string? to, string? limit, string? offset, string? mentions,
                IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                if (type is not null && !EventTypes.All.Contains(type)) throw new Check.Failed("type", $"must be one of {string.Join(", ", EventTypes.All)}");
                var reports = Check.Number(mentions, "mentions", 3, 0, Check.MaxLimit);
                var request = new EventRequest(
                    actor is null ? null : await EntityResolver.KeysAsync(store, lemmas, actor, ct),
                    target is null ? null : await EntityResolver.KeysAsync(store, lemmas, target, ct),
                    type, Check.Date(from, "from"), Check.Date(to, "to"), Check.Limit(limit), Check.Offset(offset));
                var page = await store.EventsAsync(request, reports, ct);
                return Results.Ok(new { total = page.Total, offset = request.Offset, events = page.Events });
            }))
            .WithSummary("Events (who did what to whom, when), newest first, each with the articles reporting it");
}
