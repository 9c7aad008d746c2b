using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Store;

namespace Kronika.Web.Endpoints;

/// <summary>One period of a volume chart: its day (`YYYY-MM-DD`) or month (`YYYY-MM`) and how many stories.</summary>
public sealed record VolumePoint(string Date, int Count);

/// <summary>Stories per period (<see cref="Total"/>: stories counted, each once), by `published` or `event` date, per `day` or `month`.</summary>
public sealed record VolumeResponse(string By, string Bucket, int Total, IReadOnlyList<VolumePoint> Series);

/// <summary>A place on the map: name, entity key, coordinates (a country without its own: its capital's, <see cref="AtCapital"/>), events there.</summary>
public sealed record MapPlace(string Name, string Id, double Lat, double Lon, int Count, bool? AtCapital = null);

/// <summary>A place of events the knowledge base has no coordinates for.</summary>
public sealed record UnlocatedPlace(string Name, string Id, int Count);

public sealed record PlacesResponse(IReadOnlyList<MapPlace> Places, IReadOnlyList<UnlocatedPlace> Unlocated);

/// <summary>GET /api/volume and GET /api/places: the data of the page's volume chart and map (wwwroot/viz.js draws them).</summary>
public static class Charts
{
    public static void MapCharts(this IEndpointRouteBuilder api)
    {
        api.MapGet("/volume", (string? q, string? entity, string? type, string? from, string? to, string? by, string? bucket,
                IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                by ??= "published";
                bucket ??= "month";
                if (by is not ("published" or "event")) throw new Check.Failed("by", "must be published or event");
                if (bucket is not ("day" or "month")) throw new Check.Failed("bucket", "must be day or month");
                var request = new SearchRequest(
                    string.IsNullOrWhiteSpace(q) ? null : lemmas.Parser().Parse(q),
                    Check.Date(from, "from"), Check.Date(to, "to"),
                    entity is null ? null : await EntityResolver.KeysAsync(store, lemmas, entity, ct),
                    Check.Type(type), EventDates: by == "event");
                var volume = await store.VolumeAsync(request, bucket == "month", ct);
                return TypedResults.Ok(new VolumeResponse(by, bucket, volume.Total, volume.Series.Select(p => new VolumePoint(p.Period, p.Count)).ToList()));
            }))
            .Produces<VolumeResponse>()
            .WithSummary("Stories a search matches (query, entity, entity type, dates as in /api/search) per day or month, by publication date or by the dates they talk about");

        api.MapGet("/places", (string? q, string? entity, string? side, string? type, string? from, string? to,
                IStore store, SearchLemmas lemmas, CancellationToken ct) => Check.Run(async () =>
            {
                if (type is not null && !EventTypes.All.Contains(type)) throw new Check.Failed("type", $"must be one of {string.Join(", ", EventTypes.All)}");
                async Task<IReadOnlyList<string>?> Keys(string? name) => name is null ? null : await EntityResolver.KeysAsync(store, lemmas, name, ct);
                var request = new PlaceRequest(string.IsNullOrWhiteSpace(q) ? null : lemmas.Parser().Parse(q), await Keys(entity), await Keys(side), type,
                    Check.Date(from, "from"), Check.Date(to, "to"));
                var located = new List<MapPlace>();
                var unlocated = new List<UnlocatedPlace>();
                foreach (var place in await store.PlacesAsync(request, ct))
                    if (PlaceLocator.Locate(place.Kb, place.Name) is { } at)
                        located.Add(new MapPlace(place.Name, place.Key, at.Lat, at.Lon, place.Events, at.AtCapital ? true : null));
                    else
                        unlocated.Add(new UnlocatedPlace(place.Name, place.Key, place.Events));
                return TypedResults.Ok(new PlacesResponse(located, unlocated));
            }))
            .Produces<PlacesResponse>()
            .WithSummary("The places of chronicle events (query, entity taking part, either side, event type, event dates as in /api/chronicle), with coordinates from the knowledge base and how many events each");
    }
}
