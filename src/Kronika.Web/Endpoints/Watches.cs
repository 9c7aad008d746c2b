using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>POST /api/watches: saves a search (query, entity or both) as a watch whose Atom feed is /feeds/{name}.atom.</summary>
public static class Watches
{
    /// <summary>At most this many watches in a store: the page can add one, not flood the table.</summary>
    public const int MaxWatches = 1000;

    public sealed record WatchBody(string? Name, string? Query, string? Entity);

    public static void MapWatches(this IEndpointRouteBuilder api) =>
        api.MapPost("/watches", (WatchBody body, IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                var name = body.Name ?? "";
                var query = string.IsNullOrWhiteSpace(body.Query) ? null : Check.Text(body.Query);
                var entity = string.IsNullOrWhiteSpace(body.Entity) ? null : Check.Text(body.Entity);
                var watcher = new Watcher(store, lemmas);
                // Saving the same watch again is a no-op; a name taken by another watch is never overwritten from the page.
                if (await watcher.FindAsync(name, ct) is { } existing)
                    return existing.Query == query && existing.Entity == entity
                        ? Results.Ok(Answer(existing))
                        : Results.Problem(statusCode: 409, title: "Watch name taken", detail: $"a watch named '{name}' watches something else");
                if ((await store.WatchesAsync(ct)).Count >= MaxWatches)
                    return Results.Problem(statusCode: 409, title: "Too many watches", detail: $"the store holds {MaxWatches} watches, the most the page may save");
                try
                {
                    var watch = await watcher.SaveAsync(name, query, entity, ct);
                    return Results.Created($"/feeds/{watch.Name}.atom", Answer(watch));
                }
                catch (ArgumentException e)
                {
                    throw new Check.Failed(e.Message.StartsWith('\'') ? "name" : e.Message.StartsWith("no entity", StringComparison.Ordinal) ? "entity" : "query", e.Message);
                }
            }))
            .WithSummary("Save a watch (a query, an entity or both) under a name: its Atom feed is /feeds/{name}.atom");

    private static object Answer(Watch watch) => new { name = watch.Name, query = watch.Query, entity = watch.Entity, feed = $"/feeds/{watch.Name}.atom" };
}
