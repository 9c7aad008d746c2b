using Kronika.Core.Learning;

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
    private readonly ModelTable<string> _seen;
    private readonly ModelTable<EditRule[]> _rules;

    private static readonly string[] VerbPrefixes =
        ["nebe", "tebe", "ne", "be", "te", "pa", "nu", "iš", "at", "ati", "pri", "su", "per", "už", "ap", "api", "į", "par", "pra", "si"];

    private readonly Dictionary<string, string> _verbStems = Resources.Lines("Morphology/Data/verb-stems.txt")
        .Select(l => l.Split('\t'))
        .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    public Lemmatizer(IReadOnlyDictionary<string, string> seen, IReadOnlyDictionary<string, EditRule[]> rules)
        : this(SeenTable(seen.OrderBy(p => p.Key, StringComparer.Ordinal), new StringPool()), RuleTable(rules.OrderBy(p => p.Key, StringComparer.Ordinal), new StringPool()))
    {
    }

    private Lemmatizer(ModelTable<string> seen, ModelTable<EditRule[]> rules)
    {
        _seen = seen;
        _rules = rules;
    }

    /// <summary>The lemmatizer of a model file: its seen forms (a count, then form → lemma) and rules (a count, then
    /// key → rules), each indexed where it lies and read as asked for.</summary>
    internal static Lemmatizer Read(ModelReader r, StringPool pool) => new(new ModelTable<string>(r, r.ReadInt32(), SkipString, ReadPooled(pool)),
        new ModelTable<EditRule[]>(r, r.ReadInt32(), SkipRules, ReadRules(pool)));

    private static ModelTable<string> SeenTable(IEnumerable<KeyValuePair<string, string>> seen, StringPool pool) =>
        ModelTable<string>.Of(seen, (w, lemma) => w.Write(lemma), SkipString, ReadPooled(pool));

    private static ModelTable<EditRule[]> RuleTable(IEnumerable<KeyValuePair<string, EditRule[]>> rules, StringPool pool) =>
        ModelTable<EditRule[]>.Of(rules, WriteRules, SkipRules, ReadRules(pool));

    internal static void WriteRules(BinaryWriter w, EditRule[] rules)
    {
        w.Write(rules.Length);
        foreach (var r in rules)
        {
            w.Write(r.Remove);
            w.Write(r.Add);
            w.Write(r.Count);
        }
    }

    private static void SkipString(ModelReader r) => r.SkipRecords(1, strings: 1, fixedBytes: 0);

    private static void SkipRules(ModelReader r) => r.SkipRecords(r.ReadInt32(), strings: 2, fixedBytes: 4);

    // The pool is shared by both tables, whose reads may run on different threads.
    private static Func<ModelReader, string> ReadPooled(StringPool pool) => r =>
    {
        lock (pool) return pool.Read(r);
    };

    private static Func<ModelReader, EditRule[]> ReadRules(StringPool pool) => r =>
    {
        var list = new EditRule[r.ReadInt32()];
        lock (pool)
            for (var i = 0; i < list.Length; i++) list[i] = new EditRule(pool.Read(r), pool.Read(r), r.ReadInt32());
        return list;
    };

    private bool TrySeen(ReadOnlySpan<char> key, out string lemma) => _seen.TryGetValue(key, out lemma);

    /// <summary>The forms seen in training with their tags (`form\ttag`) and lemmas, in key order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Seen => _seen.Entries();
    public int SeenCount => _seen.Count;

    /// <summary>The edit rules by key (`tag\tending`), in key order.</summary>
    public IEnumerable<KeyValuePair<string, EditRule[]>> Rules => _rules.Entries();
    public int RuleCount => _rules.Count;

    public static string SeenKey(string form, string xpos) => form + "\t" + xpos;

    /// <summary>Writes `a\tb` into the buffer (lowercasing a or b when asked) and returns it: a lookup key without allocating.</summary>
    internal static ReadOnlySpan<char> Key(Span<char> buffer, ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool lowerA = false, bool lowerB = false)
    {
        if (a.Length + b.Length + 1 > buffer.Length) buffer = new char[a.Length + b.Length + 1];
        if (lowerA) a.ToLowerInvariant(buffer);
        else a.CopyTo(buffer);
        buffer[a.Length] = '\t';
        if (lowerB) b.ToLowerInvariant(buffer[(a.Length + 1)..]);
        else b.CopyTo(buffer[(a.Length + 1)..]);
        return buffer[..(a.Length + b.Length + 1)];
    }

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
        Span<char> buffer = stackalloc char[128];
        if (TrySeen(Key(buffer, form, xpos), out var lemma)) return lemma;
        var proper = xpos.StartsWith("dkt.tikr", StringComparison.Ordinal);
        if (IsItsOwnLemma(xpos)) return form;
        if (TrySeen(Key(buffer, form, xpos, lowerA: true), out lemma)) return Cased(lemma, form, proper, lexicon);
        var lower = form.ToLowerInvariant();
        // A Lithuanian name never ends in a consonant other than s or š when inflected: `Kim`, `Jong`, `Leyen` are
        // foreign names that do not decline, and stay as written.
        if (proper && !IsLithuanianEnding(lower[^1])) return form;

        // Candidates from the rules of the exact tag, then of its part of speech; within each, longer (more specific)
        // endings first, then more frequent rules. The lexicon decides: the first candidate that is a dictionary form
        // wins, else the first word it knows, else the first candidate.
        var candidates = new List<string>(16);
        // A verb's lemma is its infinitive (`-ti`, reflexive `-tis`); the lexicon also lists past and present stems
        // as headwords (rašė, rašo), so without this check `pasiuntė` would pass as its own dictionary form.
        var verb = xpos.StartsWith("vksm", StringComparison.Ordinal);
        if (verb && IrregularInfinitive(lower) is { } infinitive) candidates.Add(infinitive);
        foreach (var tagKey in TagKeys(xpos))
        {
            for (var k = Math.Min(MaxSuffix, lower.Length); k >= 0; k--)
            {
                var key = Key(buffer, tagKey, lower.AsSpan(lower.Length - k));
                if (!_rules.TryGetValue(key, out var rules)) continue;
                foreach (var rule in rules.AsSpan(0, Math.Min(rules.Length, 6)))
                {
                    var candidate = string.Concat(lower.AsSpan(0, lower.Length - rule.Remove.Length), rule.Add);
                    if (candidate.Length == 0 || candidates.Contains(candidate)) continue;
                    if (verb && !candidate.EndsWith("ti", StringComparison.Ordinal) && !candidate.EndsWith("tis", StringComparison.Ordinal)) continue;
                    candidates.Add(candidate);
                }
            }
        }
        if (candidates.Count == 0) return Cased(lower, form, proper, lexicon);
        // A name the lexicon knows beats a common word it knows: Vilnių → Vilnius, not vilnis 'wave'.
        if (proper)
            foreach (var c in candidates)
                if (lexicon.IsProperDictionaryForm(Capitalise(c))) return Capitalise(c);
        foreach (var c in candidates)
            if (lexicon.IsDictionaryForm(proper ? Capitalise(c) : c)) return Cased(c, form, proper, lexicon);
        foreach (var c in candidates)
            if (lexicon.Accepts(proper ? Capitalise(c) : c)) return Cased(c, form, proper, lexicon);
        return Cased(candidates[0], form, proper, lexicon);
    }

    /// <summary>The infinitive of a form listed in Data/verb-stems.txt, with the prefixes before it kept (`nebepasiuntė` → `nebepasiųsti`).</summary>
    private string? IrregularInfinitive(string lower, int depth = 0)
    {
        if (_verbStems.TryGetValue(lower, out var infinitive)) return infinitive;
        if (depth == 3) return null;
        foreach (var prefix in VerbPrefixes)
        {
            if (lower.Length <= prefix.Length + 2 || !lower.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (IrregularInfinitive(lower[prefix.Length..], depth + 1) is { } found) return prefix + found;
        }
        return null;
    }

    /// <summary>Acronyms, foreign words, numbers in digits, punctuation and other symbols are their own lemma (ALKSNIS).</summary>
    private static bool IsItsOwnLemma(string xpos) =>
        xpos.StartsWith("akr", StringComparison.Ordinal) || xpos.StartsWith("užs", StringComparison.Ordinal)
        || xpos.StartsWith("skyr", StringComparison.Ordinal) || xpos.StartsWith("kita", StringComparison.Ordinal)
        || xpos.StartsWith("tęs", StringComparison.Ordinal) || xpos.StartsWith("sktv.arab", StringComparison.Ordinal)
        || xpos.StartsWith("sktv.rom", StringComparison.Ordinal);

    private static bool IsLithuanianEnding(char last) => "aąeęėiįyouųūsš".Contains(last);

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
