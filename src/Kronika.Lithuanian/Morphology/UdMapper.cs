using Kronika.Core.Model;

namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// Universal Dependencies UPOS and FEATS from the Jablonskis tag (XPOS) and the lemma, learned from the UD-style
/// treebank: the most frequent reading of (XPOS, lemma), else of the XPOS, else composed from the tag's parts
/// (`dkt` → NOUN, `K` → Case=Gen, `vns` → Number=Sing, …) for tags seen only in the native treebank.
/// </summary>
public sealed class UdMapper
{
    private readonly Dictionary<string, (Upos Upos, string Feats)> _byXposLemma;
    private readonly Dictionary<string, (Upos Upos, string Feats)>.AlternateLookup<ReadOnlySpan<char>> _byXposLemmaLookup;
    private readonly Dictionary<string, (Upos Upos, string Feats)> _byXpos;
    private readonly Dictionary<string, Upos> _byCategory;
    private readonly Dictionary<string, string[]> _featuresOfPart;

    public UdMapper(
        IReadOnlyDictionary<string, (Upos, string)> byXposLemma,
        IReadOnlyDictionary<string, (Upos, string)> byXpos,
        IReadOnlyDictionary<string, Upos> byCategory,
        IReadOnlyDictionary<string, string[]> featuresOfPart)
    {
        _byXposLemma = byXposLemma.ToDictionary(StringComparer.Ordinal);
        _byXposLemmaLookup = _byXposLemma.GetAlternateLookup<ReadOnlySpan<char>>();
        _byXpos = byXpos.ToDictionary(StringComparer.Ordinal);
        _byCategory = byCategory.ToDictionary(StringComparer.Ordinal);
        _featuresOfPart = featuresOfPart.ToDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, (Upos Upos, string Feats)> ByXposLemma => _byXposLemma;
    public IReadOnlyDictionary<string, (Upos Upos, string Feats)> ByXpos => _byXpos;
    public IReadOnlyDictionary<string, Upos> ByCategory => _byCategory;
    public IReadOnlyDictionary<string, string[]> FeaturesOfPart => _featuresOfPart;

    public (Upos Upos, string Feats) Map(string xpos, string lemma)
    {
        Span<char> buffer = stackalloc char[128];
        if (_byXposLemmaLookup.TryGetValue(Lemmatizer.Key(buffer, xpos, lemma, lowerB: true), out var r)) return r;
        if (_byXpos.TryGetValue(xpos, out r)) return r;
        return Compose(xpos);
    }

    private (Upos, string) Compose(string xpos)
    {
        var parts = Parts(xpos);
        var category = Category(parts);
        var upos = _byCategory.GetValueOrDefault(category, Upos.X);
        var features = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Category defaults first, then what each part says (a part overrides a default of the same feature).
        foreach (var key in new[] { "@" + category }.Concat(parts.Select(p => category + ":" + p)))
        {
            if (!_featuresOfPart.TryGetValue(key, out var feats)) continue;
            foreach (var f in feats)
            {
                var eq = f.IndexOf('=');
                features[f[..eq]] = f[(eq + 1)..];
            }
        }
        return (upos, features.Count == 0 ? "_" : string.Join('|', features.Select(p => p.Key + "=" + p.Value)));
    }

    private static string[] Parts(string xpos) => xpos.Split('.', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The part of speech of a tag: its first part, with `tikr` (proper) and `sampl` (hyphenated part) kept.</summary>
    private static string Category(string[] parts)
    {
        if (parts.Length == 0) return "";
        var first = parts[0] == "sampl" && parts.Length > 1 ? "sampl." + parts[1] : parts[0];
        return parts.Contains("tikr") ? first + ".tikr" : first;
    }

    /// <summary>Learns the tables from UD-style words (those with UPOS and FEATS).</summary>
    public static UdMapper Train(IEnumerable<TaggedWord> words)
    {
        var ud = words.Where(w => w.Upos is not null && w.Feats is not null).ToList();
        var byXposLemma = MostFrequent(ud, w => w.Xpos + "\t" + w.Lemma.ToLowerInvariant());
        var byXpos = MostFrequent(ud, w => w.Xpos);
        var byCategory = ud.GroupBy(w => Category(Parts(w.Xpos)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ParseUpos(g.GroupBy(w => w.Upos!).MaxBy(u => u.Count())!.Key), StringComparer.Ordinal);

        // A feature belongs to a part (or to a category's default, key "@category") when nearly every word having
        // the part has the feature.
        var featuresOfPart = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in ud.GroupBy(w => Category(Parts(w.Xpos)), StringComparer.Ordinal))
        {
            featuresOfPart["@" + group.Key] = Implied(group.ToList());
            foreach (var part in group.SelectMany(w => Parts(w.Xpos)).Distinct())
                featuresOfPart[group.Key + ":" + part] = Implied(group.Where(w => Parts(w.Xpos).Contains(part)).ToList());
        }
        return new UdMapper(byXposLemma, byXpos, byCategory, featuresOfPart);
    }

    private static string[] Implied(List<TaggedWord> words) =>
        words.SelectMany(w => w.Feats == "_" ? [] : w.Feats!.Split('|'))
            .GroupBy(f => f)
            .Where(g => g.Count() >= 0.95 * words.Count)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static Dictionary<string, (Upos, string)> MostFrequent(List<TaggedWord> words, Func<TaggedWord, string> key) =>
        words.GroupBy(key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                var best = g.GroupBy(w => (w.Upos!, w.Feats!)).OrderByDescending(x => x.Count()).ThenBy(x => x.Key.Item1 + x.Key.Item2, StringComparer.Ordinal).First().Key;
                return (ParseUpos(best.Item1), best.Item2);
            },
            StringComparer.Ordinal);

    public static Upos ParseUpos(string upos) => Enum.TryParse<Upos>(upos, out var u) ? u : Upos.X;
}
