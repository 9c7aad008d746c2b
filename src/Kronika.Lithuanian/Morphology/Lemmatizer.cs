using System.Collections.Frozen;

namespace Kronika.Lithuanian.Morphology;

/// <summary>A suffix edit learned from the treebank: remove <see cref="Remove"/> from the lowercase form, add <see cref="Add"/>.</summary>
public readonly record struct EditRule(string Remove, string Add, int Count);

/// <summary>
/// Lemmas from the form and its tag: a form seen in training with that tag takes its lemma; otherwise suffix edit
/// rules learned for the tag (backing off to coarser tags) propose candidates, and the lexicon decides between them —
/// a dictionary form (`rašyti`, `parašyti` = pa + rašyti) beats a word it merely knows, which beats an unknown
/// string. Proper nouns keep their capital (Putino → Putinas, not putinas 'viburnum'); all-caps headings are read in
/// lowercase (LIETUVOS → Lietuva).
/// </summary>
public sealed class Lemmatizer
{
    public const int MaxSuffix = 8;
    private readonly FrozenDictionary<string, string> _seen;
    private readonly FrozenDictionary<string, EditRule[]> _rules;

    public Lemmatizer(IReadOnlyDictionary<string, string> seen, IReadOnlyDictionary<string, EditRule[]> rules)
    {
        _seen = seen.ToFrozenDictionary(StringComparer.Ordinal);
        _rules = rules.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> Seen => _seen;
    public IReadOnlyDictionary<string, EditRule[]> Rules => _rules;

    public static string SeenKey(string form, string xpos) => form + "\t" + xpos;

    private static string RuleKey(string tagKey, ReadOnlySpan<char> suffix) => string.Concat(tagKey, "\t", suffix);

    /// <summary>The tag keys rules are learned and looked up under, most specific first.</summary>
    public static string[] TagKeys(string xpos)
    {
        var dot = xpos.IndexOf('.');
        var category = dot > 0 ? xpos[..dot] : xpos;
        return [xpos, "~" + category];
    }

    public string Lemmatize(string form, string xpos, Lexicon lexicon)
    {
        if (_seen.TryGetValue(SeenKey(form, xpos), out var lemma)) return lemma;
        var proper = xpos.StartsWith("dkt.tikr", StringComparison.Ordinal);
        if (IsItsOwnLemma(xpos)) return form;
        var lower = form.ToLowerInvariant();
        if (_seen.TryGetValue(SeenKey(lower, xpos), out lemma)) return Cased(lemma, form, proper, lexicon);

        // Candidates from the rules of the exact tag and of its part of speech. Rank: what the lexicon says first
        // (a dictionary form, then a known word), then the exact tag over the coarse one, then the longer (more
        // specific) ending, then frequency (rules are sorted by count, and the first of equal rank wins).
        string? best = null;
        var bestRank = -1;
        var keys = TagKeys(xpos);
        for (var level = 0; level < keys.Length; level++)
        {
            for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
            {
                if (!_rules.TryGetValue(RuleKey(keys[level], lower.AsSpan(lower.Length - k)), out var rules)) continue;
                foreach (var rule in rules.AsSpan(0, Math.Min(rules.Length, 6)))
                {
                    var candidate = string.Concat(lower.AsSpan(0, lower.Length - rule.Remove.Length), rule.Add);
                    if (candidate.Length == 0) continue;
                    var rank = Validity(candidate, proper, lexicon) * 1000 + (keys.Length - level) * 100 + k;
                    if (rank > bestRank) (best, bestRank) = (candidate, rank);
                }
            }
            if (bestRank >= 2000) break; // a dictionary form from the exact tag: no need to look further
        }
        return Cased(best ?? lower, form, proper, lexicon);
    }

    /// <summary>Acronyms, foreign words, numbers in digits, punctuation and other symbols are their own lemma (ALKSNIS).</summary>
    private static bool IsItsOwnLemma(string xpos) =>
        xpos.StartsWith("akr", StringComparison.Ordinal) || xpos.StartsWith("užs", StringComparison.Ordinal)
        || xpos.StartsWith("skyr", StringComparison.Ordinal) || xpos.StartsWith("kita", StringComparison.Ordinal)
        || xpos.StartsWith("tęs", StringComparison.Ordinal) || xpos.StartsWith("sktv.arab", StringComparison.Ordinal)
        || xpos.StartsWith("sktv.rom", StringComparison.Ordinal);

    private static int Validity(string candidate, bool proper, Lexicon lexicon)
    {
        var analyses = lexicon.Analyze(proper ? Capitalise(candidate) : candidate);
        if (analyses.Count == 0) return 0;
        foreach (var a in analyses)
            if (a.Suffix is null) return 2;
        return 1;
    }

    /// <summary>Proper nouns are capitalised; a lowercase lemma of a capitalised form takes the lexicon's capital if it has one.</summary>
    private static string Cased(string lemma, string form, bool proper, Lexicon lexicon)
    {
        if (proper || lemma.Length == 0) return Capitalise(lemma);
        if (char.IsUpper(form[0]) && !lexicon.IsDictionaryForm(lemma) && lexicon.IsDictionaryForm(Capitalise(lemma))) return Capitalise(lemma);
        return lemma;
    }

    private static string Capitalise(string s) => s.Length == 0 || char.IsUpper(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>Learns the seen-form table and the edit rules from training words.</summary>
    public static Lemmatizer Train(IEnumerable<TaggedWord> words)
    {
        var seenCounts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var ruleCounts = new Dictionary<string, Dictionary<(string, string), int>>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (w.Lemma == "_" || w.Form.Length == 0) continue;
            Count(seenCounts, SeenKey(w.Form, w.Xpos), w.Lemma);
            Count(seenCounts, SeenKey(w.Form.ToLowerInvariant(), w.Xpos), w.Lemma.ToLowerInvariant());
            var form = w.Form.ToLowerInvariant();
            var lemma = w.Lemma.ToLowerInvariant();
            var common = 0;
            while (common < form.Length && common < lemma.Length && form[common] == lemma[common]) common++;
            var remove = form[common..];
            var add = lemma[common..];
            if (remove.Length > MaxSuffix) continue;
            foreach (var tagKey in TagKeys(w.Xpos))
            {
                // Index the rule under every ending of the form that contains the removed part.
                for (var k = remove.Length; k <= Math.Min(MaxSuffix, form.Length); k++)
                {
                    var key = RuleKey(tagKey, form.AsSpan(form.Length - k));
                    if (!ruleCounts.TryGetValue(key, out var counts)) ruleCounts[key] = counts = [];
                    counts[(remove, add)] = counts.GetValueOrDefault((remove, add)) + 1;
                }
            }
        }
        var seen = seenCounts.ToDictionary(p => p.Key, p => p.Value.MaxBy(v => (v.Value, v.Key)).Key, StringComparer.Ordinal);
        var rules = ruleCounts.ToDictionary(p => p.Key,
            p => p.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key.Item1, StringComparer.Ordinal).ThenBy(v => v.Key.Item2, StringComparer.Ordinal)
                .Select(v => new EditRule(v.Key.Item1, v.Key.Item2, v.Value)).ToArray(), StringComparer.Ordinal);
        return new Lemmatizer(seen, rules);
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> table, string key, string value)
    {
        if (!table.TryGetValue(key, out var counts)) table[key] = counts = new(StringComparer.Ordinal);
        counts[value] = counts.GetValueOrDefault(value) + 1;
    }
}
