using Kronika.Lithuanian.Entities;

namespace Kronika.Ingest;

/// <summary>
/// Where a stored place is, from the knowledge base's coordinates (GeoNames, compiled by `kronika train kb`): the
/// place's own, found by Wikidata id or by any of its names; a country is shown at its capital (GeoNames' `PPLC`
/// compiled with it, else the place its entry relates to, which relates back to it). Places the base cannot locate get none.
/// </summary>
public static class PlaceLocator
{
    public readonly record struct Location(double Lat, double Lon, bool AtCapital);

    private static readonly Lazy<(Dictionary<string, KbEntry> ByWikidata, ILookup<string, KbEntry> ByName)> Places = new(() =>
    {
        var places = EntityResolver.Kb.Value.Entries.Where(e => e.Type == "LOC").ToList();
        var byWikidata = new Dictionary<string, KbEntry>(StringComparer.Ordinal);
        foreach (var e in places)
            if (e.Wikidata is { } q) byWikidata.TryAdd(q, e);
        return (byWikidata, places.SelectMany(e => e.Keys.Select(k => (k, e))).ToLookup(p => p.k, p => p.e, StringComparer.Ordinal));
    });

    /// <summary>The location of the place stored with this Wikidata id (if any) and canonical name; null when unknown.</summary>
    public static Location? Locate(string? wikidata, string name)
    {
        var (byWikidata, byName) = Places.Value;
        var candidates = (wikidata is not null && byWikidata.TryGetValue(wikidata, out var e) ? [e] : Enumerable.Empty<KbEntry>())
            .Concat(byName[NameKey.Of(name)]).ToList();
        if (candidates.FirstOrDefault(c => c.Coordinates is not null) is { Coordinates: { } own } located) return new Location(own.Lat, own.Lon, located.AtCapital);
        foreach (var c in candidates)
        {
            if (c.Related is not { } related) continue;
            var capital = byName[NameKey.Of(related)].FirstOrDefault(r => r.Coordinates is not null && r.Related is { } back && c.Keys.Contains(NameKey.Of(back)));
            if (capital?.Coordinates is { } at) return new Location(at.Lat, at.Lon, true);
        }
        return null;
    }
}
