using System.Text.RegularExpressions;
using Kronika.Core.Model;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Entities;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>
/// The rule of docs/chronicle.md for who stands for a state, read from the knowledge base: a country's capital
/// (`Maskva` → Rusija: the capital is the country's `related` and the city's `related` is the country), a seat of
/// government listed in Data/seats.txt (`Kremlius` → Rusija), and a head of state or government on a day within their
/// term (`Vladimiras Putinas`, "Rusijos prezidentas (2000–2008, 2012–)" → Rusija in 2025, not in 2010). Anyone else —
/// ministers, spokesmen, armies, other cities — stands for themselves.
/// </summary>
public sealed partial class Sides
{
    private readonly Dictionary<string, string> _fixed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Country, int From, int To)>> _leaders = new(StringComparer.Ordinal);

    public static readonly Lazy<Sides> Default = new(() => new Sides(KnowledgeBase.Load()));

    // Read once per process over the knowledge base (no outside input); a generous limit, since a timeout here under a
    // starved CPU would fail the Lazy above, and with it every article of the run.
    [GeneratedRegex(@"^(?<country>[\p{Lu}][\p{L} ]*?) (?:autoritarinis |autoritarinė )?(?:prezidentas|prezidentė|ministras pirmininkas|ministrė pirmininkė|premjeras|premjerė|vadovas|vadovė|kancleris|kanclerė|karalius|karalienė) \((?<years>[0-9–, -]+)\)", RegexOptions.None, 2000)]
    private static partial Regex Leader();

    public Sides(KnowledgeBase kb)
    {
        static string Key(KbEntry e) => StoredArticle.EntityKey(e.Type, e.Canonical, e.Wikidata);
        KbEntry? Place(string name) => kb.Find(NameKey.Of(name)).FirstOrDefault(e => e.Type == "LOC");
        foreach (var city in kb.Entries.Where(e => e.Type == "LOC" && e.Related is { Length: > 0 }))
            if (Place(city.Related!) is { } country && country.Related is { } capital && NameKey.Of(capital) == NameKey.Of(city.Canonical))
                _fixed[Key(city)] = Key(country);
        var seats = Seats();
        foreach (var org in kb.Entries.Where(e => e.Type == "ORG" && seats.Contains(e.Canonical) && e.Related is { Length: > 0 }))
            if (Place(org.Related!) is { } country) _fixed[Key(org)] = Key(country);
        foreach (var person in kb.Entries.Where(e => e.Type == "PER" && e.Related is { Length: > 0 }))
        {
            var m = Leader().Match(person.Related!);
            if (!m.Success || Place(m.Groups["country"].Value) is not { } country) continue;
            var terms = new List<(string, int, int)>();
            foreach (var term in m.Groups["years"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var years = term.Split('–', StringSplitOptions.TrimEntries);
                if (!int.TryParse(years[0], out var from)) continue;
                var to = years.Length == 1 ? from : years[1].Length == 0 ? 9999 : int.TryParse(years[1], out var end) ? end : from;
                terms.Add((Key(country), from, to));
            }
            if (terms.Count > 0) _leaders[Key(person)] = terms;
        }
    }

    private static HashSet<string> Seats()
    {
        using var stream = typeof(Sides).Assembly.GetManifestResourceStream("Data/seats.txt")!;
        using var reader = new StreamReader(stream);
        var seats = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } name && name[0] != '#') seats.Add(name);
        return seats;
    }

    /// <summary>The state <paramref name="entity"/> stands for on <paramref name="day"/>, or null when it stands for itself.</summary>
    public string? Of(EntityMention entity, DateOnly day) => Of(StoredArticle.EntityKey(entity.Type, entity.Canonical, entity.Kb), day);

    public string? Of(string key, DateOnly day)
    {
        if (_fixed.TryGetValue(key, out var side)) return side;
        if (_leaders.TryGetValue(key, out var terms))
            foreach (var (country, from, to) in terms)
                if (day.Year >= from && day.Year <= to) return country;
        return null;
    }
}

/// <summary>How the ingest path turns an analysed document into what the store keeps, with the model's hash and the sides rule.</summary>
public static class Analysis
{
    /// <summary>The first 16 hex digits of the sha256 of the embedded Models/manifest.json: which models made an analysis.</summary>
    public static readonly string ModelHash = HashManifest();

    private static string HashManifest()
    {
        using var stream = Resources.Open("Models/manifest.json");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ModelManifest.Sha256(buffer.ToArray())[..16];
    }

    public static StoredArticle Store(Document doc) => StoredArticle.From(doc, ModelHash, Sides.Default.Value.Of);
}
