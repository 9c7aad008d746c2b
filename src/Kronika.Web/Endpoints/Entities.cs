using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>GET /api/entities (most mentioned first) and GET /api/entities/{name} (timeline, co-mentioned entities, latest events and quotes).</summary>
public static class Entities
{
    /// <summary>How many entities (most written about first) the index searches.</summary>
    public const int IndexScan = 50_000;

    /// <summary>The Lithuanian alphabet's order (the build runs with invariant globalization, so no lt-LT collation).</summary>
    public const string Alphabet = "aąbcčdeęėfghiįyjklmnoprsštuųūvzž";

    /// <summary>A name's sort key in Lithuanian order: each letter by its place in the alphabet, anything else after the letters.</summary>
    public static string SortKey(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => Alphabet.IndexOf(c) is var i and >= 0 ? ((char)('A' + i)).ToString() : "~" + c));

    public static void MapEntities(this IEndpointRouteBuilder api)
    {
        api.MapGet("/entities", (string? type, string? top, IStore store, CancellationToken ct) => Check.Run(async () =>
                Results.Ok(await store.EntitiesAsync(Check.Type(type), Check.Limit(top, 20, "top"), ct))))
            .WithSummary("The entities in the store, in most articles first: canonical name, type, Wikidata id, mentions, articles (counts kept at write time)");

        api.MapGet("/entity-index", (string? q, string? type, string? sort, string? limit, string? offset, IStore store, CancellationToken ct) => Check.Run(async () =>
            {
                if (sort is not (null or "articles" or "mentions" or "name")) throw new Check.Failed("sort", "must be articles, mentions or name");
                var (take, skip) = (Check.Limit(limit), Check.Offset(offset));
                // The store lists entities by articles (its grouping reads every mention whatever the limit); the index
                // filters, sorts and pages the first IndexScan of them.
                IEnumerable<EntitySummary> all = await store.EntitiesAsync(Check.Type(type), IndexScan, ct);
                if (!string.IsNullOrWhiteSpace(q))
                {
                    var words = q.Trim();
                    all = all.Where(e => e.Canonical.Contains(words, StringComparison.CurrentCultureIgnoreCase) || string.Equals(e.Kb, words, StringComparison.OrdinalIgnoreCase));
                }
                var list = (sort switch
                {
                    "mentions" => all.OrderByDescending(e => e.Mentions).ThenByDescending(e => e.Articles),
                    "name" => all.OrderBy(e => SortKey(e.Canonical), StringComparer.Ordinal),
                    _ => all,
                }).ToList();
                return Results.Ok(new { total = list.Count, offset = skip, entities = list.Skip(skip).Take(take) });
            }))
            .WithSummary("The entity index: entities whose name contains q (or whose Wikidata id is q), of a type, by articles, mentions or name, a page at a time");

        api.MapGet("/entities/{name}", (string name, string? period, string? top, IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                period ??= "month";
                if (period is not ("day" or "week" or "month")) throw new Check.Failed("period", "must be day, week or month");
                var coMentioned = Check.Limit(top, 10, "top");
                var keys = await EntityResolver.KeysAsync(store, lemmas, name, ct);
                var timelines = new List<Timeline>();
                foreach (var k in keys)
                    if (await store.TimelineAsync(k, period, coMentioned, ct) is { } t) timelines.Add(t);
                var timeline = timelines.MaxBy(t => t.Entity.Articles);
                if (timeline is null) return Results.Problem(statusCode: 404, title: "No such entity", detail: $"no entity named '{name}' in the store");
                var events = await store.EventsAsync(new EventRequest(ActorKeys: [timeline.Entity.Key], Limit: 10), mentions: 1, ct);
                // The quotes come from the stored analyses of the newest articles mentioning the entity.
                var quotes = new List<object>();
                foreach (var h in (await store.SearchAsync(new SearchRequest(null, EntityKeys: [timeline.Entity.Key], Limit: 10), ct)).Hits)
                {
                    if (quotes.Count >= 10) break;
                    if (await store.AnalysisAsync(h.Id, tokens: false, ct) is { Json: { } blob }) quotes.AddRange(Quotes(blob, h.Id, h.Date, timeline.Entity).Take(10 - quotes.Count));
                }
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
            .WithSummary($"An entity by any case form of its name, surname or Wikidata id: its timeline (totals and by publication over every story; by referenced date, and the co-mentioned entities, over its newest {EntityStats.Scanned} stories), latest events and quotes");
    }

    /// <summary>What the entity said in one article, read from its stored analysis: quotes whose speaker is the entity.</summary>
    private static IEnumerable<object> Quotes(byte[] blob, long id, DateOnly date, EntitySummary entity)
    {
        using var doc = JsonDocument.Parse(AnalysisBlob.Unpack(blob));
        var root = doc.RootElement;
        if (!root.TryGetProperty("quotes", out var quotes) || !root.TryGetProperty("entities", out var entities)) return [];
        var ids = entities.EnumerateArray()
            .Where(e => (e.GetProperty("kb").ValueKind == JsonValueKind.String ? e.GetProperty("kb").GetString() : e.GetProperty("canonical").GetString()) == (entity.Kb ?? entity.Canonical))
            .Select(e => e.GetProperty("id").GetInt32()).ToHashSet();
        return quotes.EnumerateArray()
            .Where(q => q.GetProperty("speaker").ValueKind == JsonValueKind.Number && ids.Contains(q.GetProperty("speaker").GetInt32()))
            .Select(q => (object)new { article_id = id, date, text = q.GetProperty("text").GetString(), direct = q.GetProperty("direct").GetBoolean() })
            .ToList();
    }
}
