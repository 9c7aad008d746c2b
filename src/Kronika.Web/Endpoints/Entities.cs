using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/entities (most mentioned first) and GET /api/entities/{name} (timeline, co-mentioned entities, latest events and quotes).</summary>
public static class Entities
{
    public static void MapEntities(this IEndpointRouteBuilder api)
    {
        api.MapGet("/entities", (string? type, string? top, IStore store) => Check.Run(() =>
                Results.Ok(store.Entities(Check.Type(type), Check.Limit(top, 20, "top")))))
            .WithSummary("The entities in the store: canonical name, type, Wikidata id, mentions, articles");

        api.MapGet("/entities/{name}", (string name, string? period, string? top, IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(() =>
            {
                period ??= "month";
                if (period is not ("day" or "week" or "month")) throw new Check.Failed("period", "must be day, week or month");
                var coMentioned = Check.Limit(top, 10, "top");
                var keys = EntityResolver.Keys(store, lemmas, name);
                var timeline = keys.Select(k => store.Timeline(k, period, coMentioned)).OfType<Timeline>().MaxBy(t => t.Entity.Articles);
                if (timeline is null) return Results.Problem(statusCode: 404, title: "No such entity", detail: $"no entity named '{name}' in the store");
                var events = store.Events(new EventRequest(ActorKeys: [timeline.Entity.Key], Limit: 10), mentions: 1, ct);
                // Quotes are not stored: the newest articles mentioning the entity are read again for what it said.
                var quotes = store.Search(new SearchRequest(null, EntityKeys: [timeline.Entity.Key], Limit: 10), ct).Hits
                    .Select(h => (Hit: h, Doc: store.Get(h.Id) is { } a ? lemmas.Analyze(Articles.Document(a), ct) : null))
                    .SelectMany(x => x.Doc is not { } doc ? [] : doc.Quotes
                        .Where(q => q.Speaker is { } id && doc.Entities.First(e => e.Id == id) is var speaker && (speaker.Kb ?? speaker.Canonical) == (timeline.Entity.Kb ?? timeline.Entity.Canonical))
                        .Select(q => new { article_id = x.Hit.Id, date = x.Hit.Date, text = doc.Text[q.Start..q.End], direct = q.Direct }))
                    .Take(10)
                    .ToList();
                return Results.Ok(new
                {
                    entity = timeline.Entity,
                    period,
                    by_publication = timeline.ByPublication.Select(p => new { period = p.Period, articles = p.Articles }),
                    by_reference = timeline.ByReference.Select(p => new { period = p.Period, articles = p.Articles }),
                    co_mentioned = timeline.CoMentioned.Select(c => new { entity = c.Entity, articles = c.Articles }),
                    events = events.Events,
                    quotes,
                });
            }))
            .WithSummary("An entity by any case form of its name, surname or Wikidata id: its timeline, co-mentioned entities, latest events and quotes");
    }
}
