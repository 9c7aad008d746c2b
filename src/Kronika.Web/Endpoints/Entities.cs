using System.Text.Json;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>Stories in one period (`YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM`).</summary>
public sealed record PeriodCount(string Period, int Articles);

/// <summary>An entity mentioned with another, and in how many of the other's stories.</summary>
public sealed record CoMention(EntitySummary Entity, int Articles);

/// <summary>What an entity said: the quote, direct or reported, and the story it is in.</summary>
public sealed record EntityQuote(long ArticleId, DateOnly Date, string Text, bool Direct);

/// <summary>An entity's page: the entity with its totals, its stories by publication, and the parts asked for (absent when not asked for).</summary>
public sealed record EntityPage(
    EntitySummary Entity,
    string Period,
    IReadOnlyList<PeriodCount> ByPublication,
    IReadOnlyList<PeriodCount>? ByReference,
    IReadOnlyList<CoMention>? CoMentioned,
    IReadOnlyList<EventHit>? Events,
    IReadOnlyList<EntityQuote>? Quotes);

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

        api.MapGet("/entities/{name}", (string name, string? period, string? top, string? parts, IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                period ??= "month";
                if (period is not ("day" or "week" or "month")) throw new Check.Failed("period", "must be day, week or month");
                var coMentioned = Check.Limit(top, 10, "top");
                var wanted = Parts(parts);
                // The entity the name stands for: of the keys it may mean, the one in most stories (read from the counts).
                Timeline? timeline = null;
                foreach (var k in await EntityResolver.KeysAsync(store, lemmas, name, ct))
                    if (await store.TimelineAsync(k, period, 0, TimelineParts.None, ct) is { } t && (timeline is null || t.Entity.Articles > timeline.Entity.Articles)) timeline = t;
                if (timeline is null) return Results.Problem(statusCode: 404, title: "No such entity", detail: $"no entity named '{name}' in the store");
                var entity = timeline.Entity;
                var scans = (wanted.Contains("by_reference") ? TimelineParts.ByReference : 0) | (wanted.Contains("co_mentioned") ? TimelineParts.CoMentioned : 0);
                if (scans != TimelineParts.None) timeline = await store.TimelineAsync(entity.Key, period, coMentioned, scans, ct) ?? timeline;
                var events = wanted.Contains("events") ? (await store.EventsAsync(new EventRequest(ActorKeys: [entity.Key], Limit: 10), mentions: 1, ct)).Events : null;
                List<EntityQuote>? quotes = null;
                if (wanted.Contains("quotes"))
                {
                    // The quotes come from the stored analyses of the newest stories mentioning the entity.
                    quotes = [];
                    foreach (var h in (await store.SearchAsync(new SearchRequest(null, EntityKeys: [entity.Key], Limit: 10, Sort: SearchSort.Newest), ct)).Hits)
                    {
                        if (quotes.Count >= 10) break;
                        if (await store.AnalysisAsync(h.Id, tokens: false, ct) is { Json: { } blob }) quotes.AddRange(Quotes(blob, h.Id, h.Date, entity).Take(10 - quotes.Count));
                    }
                }
                return TypedResults.Ok(new EntityPage(
                    entity, period,
                    timeline.ByPublication.Select(p => new PeriodCount(p.Period, p.Articles)).ToList(),
                    wanted.Contains("by_reference") ? timeline.ByReference.Select(p => new PeriodCount(p.Period, p.Articles)).ToList() : null,
                    wanted.Contains("co_mentioned") ? timeline.CoMentioned.Select(c => new CoMention(c.Entity, c.Articles)).ToList() : null,
                    events, quotes));
            }))
            .Produces<EntityPage>()
            .WithSummary($"An entity by any case form of its name, surname or Wikidata id: its totals and stories by publication (over every story), and the parts asked for (`parts`, comma-separated; all when absent, none when empty): by_reference (stories by the dates they talk about) and co_mentioned, over its newest {EntityStats.Scanned} stories; events (the latest ten it is actor in); quotes (what it said in its newest ten stories)");
    }

    /// <summary>The parts of an entity's page beyond its totals and stories by publication.</summary>
    public static readonly string[] PageParts = ["by_reference", "co_mentioned", "events", "quotes"];

    /// <summary>The parts a `parts` value asks for: absent is every part, empty none; an unknown one is a 400 listing those there are.</summary>
    private static HashSet<string> Parts(string? value)
    {
        if (value is null) return [.. PageParts];
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            parts.Add(PageParts.Contains(part) ? part
                : throw new Check.Failed("parts", $"'{(part.Length <= 20 ? part : part[..20] + "…")}' is not a part; the parts are {string.Join(", ", PageParts)}"));
        return parts;
    }

    /// <summary>What the entity said in one article, read from its stored analysis: quotes whose speaker is the entity.</summary>
    private static IEnumerable<EntityQuote> Quotes(byte[] blob, long id, DateOnly date, EntitySummary entity)
    {
        using var doc = JsonDocument.Parse(AnalysisBlob.Unpack(blob));
        var root = doc.RootElement;
        if (!root.TryGetProperty("quotes", out var quotes) || !root.TryGetProperty("entities", out var entities)) return [];
        var ids = entities.EnumerateArray()
            .Where(e => (e.GetProperty("kb").ValueKind == JsonValueKind.String ? e.GetProperty("kb").GetString() : e.GetProperty("canonical").GetString()) == (entity.Kb ?? entity.Canonical))
            .Select(e => e.GetProperty("id").GetInt32()).ToHashSet();
        return quotes.EnumerateArray()
            .Where(q => q.GetProperty("speaker").ValueKind == JsonValueKind.Number && ids.Contains(q.GetProperty("speaker").GetInt32()))
            .Select(q => new EntityQuote(id, date, q.GetProperty("text").GetString() ?? "", q.GetProperty("direct").GetBoolean()))
            .ToList();
    }
}
