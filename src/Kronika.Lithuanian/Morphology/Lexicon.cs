using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;

namespace Kronika.Lithuanian.Morphology;

/// <summary>One affix rule of the lexicon: a form is made from a headword by removing <see cref="Strip"/> and adding <see cref="Append"/>.</summary>
public sealed record AffixRule(int Id, bool IsPrefix, char Flag, bool Cross, string Strip, string Append, string Condition)
{
    internal AffixCondition Compiled { get; } = AffixCondition.Parse(Condition);
}

/// <summary>A headword of the lexicon with its affix flags (one bit per flag character).</summary>
public readonly record struct Headword(string Text, ulong Flags);

/// <summary>One way a word form is made from the lexicon: a headword, plus at most one suffix rule and one prefix rule.</summary>
public readonly record struct LexicalAnalysis(Headword Headword, AffixRule? Suffix, AffixRule? Prefix);

/// <summary>
/// The Lithuanian lexicon, compiled from the Hunspell dictionary (hunspell-lt, BSD-3-Clause): headwords with affix
/// flags and the affix rules, in the project's own compact binary form. <see cref="Analyze"/> strips affixes the way
/// Hunspell does to find every headword a form can come from. A capitalised headword (`Vilnius`) matches only
/// capitalised forms; a lowercase one matches any capitalisation (`Šiandien`, `ŠIANDIEN`).
/// </summary>
public sealed partial class Lexicon
{
    private const string Magic = "KRONIKA-LEXICON-1";
    private readonly Dictionary<string, Headword[]> _headwords;
    private readonly Dictionary<string, Headword[]>.AlternateLookup<ReadOnlySpan<char>> _headwordLookup;
    private readonly SuffixTrie _suffixes;
    private readonly FrozenDictionary<char, AffixRule[]> _prefixesByFirstChar;
    private readonly string _flagChars;
    private readonly ulong _suffixFlagMask;
    private readonly StringFilter _filter;

    public Lexicon(IReadOnlyList<AffixRule> rules, IEnumerable<(string Text, string Flags)> headwords)
        : this(rules, FlagCharsOf(rules), headwords)
    {
    }

    private Lexicon(IReadOnlyList<AffixRule> rules, string flagChars, IEnumerable<(string Text, string Flags)> headwords)
        : this(rules, flagChars, Index(flagChars, headwords))
    {
    }

    private static Dictionary<string, Headword[]> Index(string flagChars, IEnumerable<(string Text, string Flags)> headwords)
    {
        // A plain dictionary, filled in one pass: a frozen one looks up no faster here and takes several times longer
        // to build, which every command that loads the lexicon pays at start-up.
        var list = headwords as IReadOnlyCollection<(string, string)>;
        var index = new Dictionary<string, Headword[]>(list?.Count ?? 0, StringComparer.Ordinal);
        foreach (var (text, flags) in headwords) Add(index, new Headword(text, FlagMask(flagChars, flags)));
        return index;
    }

    private static void Add(Dictionary<string, Headword[]> index, Headword headword) =>
        index[headword.Text] = index.TryGetValue(headword.Text, out var same) ? [.. same, headword] : [headword];

    private Lexicon(IReadOnlyList<AffixRule> rules, string flagChars, Dictionary<string, Headword[]> headwords)
    {
        Rules = rules;
        _flagChars = flagChars;
        _headwords = headwords;
        _headwordLookup = _headwords.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new StringFilter(_headwords.Keys);
        _suffixes = new SuffixTrie(rules.Where(r => !r.IsPrefix));
        _suffixFlagMask = rules.Where(r => !r.IsPrefix).Aggregate(0UL, (mask, r) => mask | FlagBit(r.Flag));
        _prefixesByFirstChar = rules.Where(r => r.IsPrefix && r.Append.Length > 0)
            .GroupBy(r => r.Append[0])
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    private static string FlagCharsOf(IReadOnlyList<AffixRule> rules) => new(rules.Select(r => r.Flag).Distinct().Order().ToArray());

    public IReadOnlyList<AffixRule> Rules { get; }

    public int HeadwordCount => _headwords.Count;

    /// <summary>Every headword's text (a dictionary form), each once.</summary>
    public IEnumerable<string> HeadwordTexts => _headwords.Keys;

    private static ulong FlagMask(string flagChars, ReadOnlySpan<char> flags)
    {
        ulong mask = 0;
        foreach (var f in flags)
        {
            var bit = flagChars.IndexOf(f);
            if (bit >= 0) mask |= 1UL << bit;
        }
        return mask;
    }

    private ulong FlagBit(char flag) => 1UL << _flagChars.IndexOf(flag);

    /// <summary>Every analysis of the form; empty when the lexicon does not know it.</summary>
    public List<LexicalAnalysis> Analyze(ReadOnlySpan<char> form)
    {
        var results = new List<LexicalAnalysis>();
        Analyze(form, results);
        return results;
    }

    /// <summary>Adds every analysis of the form to <paramref name="results"/>.</summary>
    public void Analyze(ReadOnlySpan<char> form, List<LexicalAnalysis> results)
    {
        if (form.IsEmpty || form.Length > 64) return;
        Span<char> lower = stackalloc char[form.Length];
        form.ToLowerInvariant(lower);
        var capitalised = char.IsUpper(form[0]);
        AnalyzeCased(lower, results, capitalisedOnly: false);
        if (!capitalised) return;
        // A capitalised form may also come from a capitalised headword: Vilniaus ← Vilnius, LIETUVOS ← Lietuva.
        Span<char> title = stackalloc char[form.Length];
        lower.CopyTo(title);
        title[0] = char.ToUpperInvariant(title[0]);
        AnalyzeCased(title, results, capitalisedOnly: true);
    }

    private void AnalyzeCased(ReadOnlySpan<char> word, List<LexicalAnalysis> results, bool capitalisedOnly, bool headwordsOnly = false)
    {
        if (headwordsOnly) AddHeadwords(word, 0, null, null, results, capitalisedOnly);
        else AnalyzeSuffixes(word, null, results, capitalisedOnly);
        if (!_prefixesByFirstChar.TryGetValue(word[0], out var prefixes)) return;
        foreach (var prefix in prefixes)
        {
            if (prefix.Append.Length >= word.Length || !word.StartsWith(prefix.Append, StringComparison.Ordinal)) continue;
            var rest = word[prefix.Append.Length..];
            if (!prefix.Compiled.MatchesStart(rest)) continue;
            if (headwordsOnly) AddHeadwords(rest, FlagBit(prefix.Flag), null, prefix, results, capitalisedOnly);
            else AnalyzeSuffixes(rest, prefix, results, capitalisedOnly);
        }
    }

    private void AnalyzeSuffixes(ReadOnlySpan<char> word, AffixRule? prefix, List<LexicalAnalysis> results, bool capitalisedOnly)
    {
        var prefixBit = prefix is null ? 0UL : FlagBit(prefix.Flag);
        // The form itself is a headword.
        AddHeadwords(word, prefixBit, null, prefix, results, capitalisedOnly);
        Span<char> stem = stackalloc char[word.Length + 24];
        // Walk the reversed-suffix trie from the word's last letter: each node holds the rules whose affix is the
        // suffix read so far, so all candidate rules are found in one pass over the ending.
        var node = 0;
        for (var k = 0; k < word.Length; k++)
        {
            if (k > 0 && (node = _suffixes.Child(node, word[^k])) < 0) break;
            var kept = word[..(word.Length - k)];
            foreach (var rule in _suffixes.Rules(node))
            {
                if (prefix is not null && !(rule.Cross && prefix.Cross)) continue;
                var length = kept.Length + rule.Strip.Length;
                if (length == 0 || length > stem.Length) continue;
                kept.CopyTo(stem);
                rule.Strip.AsSpan().CopyTo(stem[kept.Length..]);
                var candidate = stem[..length];
                if (!rule.Compiled.MatchesEnd(candidate)) continue;
                AddHeadwords(candidate, prefixBit | FlagBit(rule.Flag), rule, prefix, results, capitalisedOnly);
            }
        }
    }

    private void AddHeadwords(ReadOnlySpan<char> stem, ulong required, AffixRule? suffix, AffixRule? prefix, List<LexicalAnalysis> results, bool capitalisedOnly)
    {
        if (!_filter.MayContain(stem) || !_headwordLookup.TryGetValue(stem, out var entries)) return;
        foreach (var entry in entries)
        {
            if ((entry.Flags & required) != required) continue;
            if (capitalisedOnly != char.IsUpper(entry.Text[0])) continue;
            results.Add(new LexicalAnalysis(entry, suffix, prefix));
        }
    }

    /// <summary>Whether the form is a word of the lexicon.</summary>
    /// <summary>Per-thread room for the analyses the yes/no questions below collect.</summary>
    [ThreadStatic] private static List<LexicalAnalysis>? _scratch;

    public bool Accepts(ReadOnlySpan<char> form)
    {
        var results = _scratch ??= new List<LexicalAnalysis>(8);
        results.Clear();
        Analyze(form, results);
        return results.Count > 0;
    }

    /// <summary>Whether the form is a dictionary form: a headword itself, possibly with a prefix (`parašyti` = pa + rašyti).</summary>
    public bool IsDictionaryForm(ReadOnlySpan<char> form)
    {
        if (form.IsEmpty || form.Length > 64) return false;
        var results = _scratch ??= new List<LexicalAnalysis>(8);
        results.Clear();
        Span<char> lower = stackalloc char[form.Length];
        form.ToLowerInvariant(lower);
        AnalyzeCased(lower, results, capitalisedOnly: false, headwordsOnly: true);
        if (results.Count == 0 && char.IsUpper(form[0]))
        {
            lower[0] = char.ToUpperInvariant(lower[0]);
            AnalyzeCased(lower, results, capitalisedOnly: true, headwordsOnly: true);
        }
        return results.Count > 0;
    }

    /// <summary>Whether the capitalised form is itself a capitalised headword (a place or a name: `Vilnius`).</summary>
    public bool IsProperDictionaryForm(ReadOnlySpan<char> form)
    {
        if (form.IsEmpty || !char.IsUpper(form[0])) return false;
        var results = _scratch ??= new List<LexicalAnalysis>(8);
        results.Clear();
        AddHeadwords(form, 0, null, null, results, capitalisedOnly: true);
        return results.Count > 0;
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Rules.Count);
        foreach (var r in Rules)
        {
            w.Write(r.IsPrefix);
            w.Write(r.Flag);
            w.Write(r.Cross);
            w.Write(r.Strip);
            w.Write(r.Append);
            w.Write(r.Condition);
        }
        var all = _headwords.Values.SelectMany(h => h).OrderBy(h => h.Text, StringComparer.Ordinal).ThenBy(h => h.Flags).ToList();
        w.Write(all.Count);
        foreach (var h in all)
        {
            w.Write(h.Text);
            w.Write(FlagString(h.Flags));
        }
    }

    /// <summary>The flag characters of a headword, e.g. `D` for a noun of the first declension.</summary>
    public string FlagsOf(Headword headword) => FlagString(headword.Flags);

    /// <summary>The headword's suffix flags only: its paradigm, without the prefixes it takes.</summary>
    public string ParadigmOf(Headword headword) => FlagString(headword.Flags & _suffixFlagMask);

    // Flag strings by mask: a few hundred distinct masks, asked for on every analysis of every new word.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, string> _flagStrings = new();

    private string FlagString(ulong mask) => _flagStrings.TryGetValue(mask, out var s) ? s : _flagStrings.GetOrAdd(mask, BuildFlagString);

    private string BuildFlagString(ulong mask)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _flagChars.Length; i++)
            if ((mask & (1UL << i)) != 0) sb.Append(_flagChars[i]);
        return sb.ToString();
    }

    public static Lexicon Load(Stream stream)
    {
        var r = Resources.DecompressedModel(stream);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Kronika lexicon file");
        var rules = new AffixRule[r.ReadInt32()];
        for (var i = 0; i < rules.Length; i++)
            rules[i] = new AffixRule(i, r.ReadBoolean(), r.ReadChar(), r.ReadBoolean(), r.ReadString(), r.ReadString(), r.ReadString());
        // The headwords go straight into the index: a flag string is decoded into a buffer and made a mask, never a
        // string; the file lists them sorted, so a text written twice (two paradigms) becomes one string.
        var flagChars = FlagCharsOf(rules);
        var count = r.ReadInt32();
        var index = new Dictionary<string, Headword[]>(count, StringComparer.Ordinal);
        Span<char> flags = stackalloc char[128];
        ReadOnlySpan<byte> previousBytes = [];
        var previous = "";
        for (var i = 0; i < count; i++)
        {
            var bytes = r.ReadStringBytes();
            var text = bytes.SequenceEqual(previousBytes) && i > 0 ? previous : Encoding.UTF8.GetString(bytes);
            var flagBytes = r.ReadStringBytes();
            var mask = flagBytes.Length <= flags.Length ? FlagMask(flagChars, flags[..Encoding.UTF8.GetChars(flagBytes, flags)]) : FlagMask(flagChars, Encoding.UTF8.GetString(flagBytes));
            Add(index, new Headword(text, mask));
            previous = text;
            previousBytes = bytes;
        }
        return new Lexicon(rules, flagChars, index);
    }
}

/// <summary>Suffix rules indexed by their affix read backwards, so that one walk over a word's ending finds them all.</summary>
internal sealed class SuffixTrie
{
    private readonly List<Dictionary<char, int>> _children = [new()];
    private readonly List<List<AffixRule>> _rules = [[]];

    public SuffixTrie(IEnumerable<AffixRule> rules)
    {
        foreach (var rule in rules)
        {
            var node = 0;
            for (var i = rule.Append.Length - 1; i >= 0; i--)
            {
                if (!_children[node].TryGetValue(rule.Append[i], out var next))
                {
                    next = _children.Count;
                    _children.Add([]);
                    _rules.Add([]);
                    _children[node][rule.Append[i]] = next;
                }
                node = next;
            }
            _rules[node].Add(rule);
        }
    }

    public int Child(int node, char c) => _children[node].TryGetValue(c, out var next) ? next : -1;

    public List<AffixRule> Rules(int node) => _rules[node];
}

/// <summary>A Hunspell affix condition (`.`, `[^dt]ė`, `as`): a sequence of character sets matched at the stem's end (suffixes) or start (prefixes).</summary>
internal readonly struct AffixCondition
{
    private readonly (string Chars, bool Negated)[] _sets;

    private AffixCondition((string, bool)[] sets) => _sets = sets;

    public static AffixCondition Parse(string condition)
    {
        if (condition == ".") return new([]);
        var sets = new List<(string, bool)>();
        for (var i = 0; i < condition.Length; i++)
        {
            if (condition[i] == '[')
            {
                var close = condition.IndexOf(']', i);
                if (close < 0) throw new FormatException($"affix condition '{condition}': unclosed [");
                var negated = condition[i + 1] == '^';
                sets.Add((condition[(i + (negated ? 2 : 1))..close], negated));
                i = close;
            }
            else sets.Add((condition[i] == '.' ? "" : condition[i].ToString(), condition[i] == '.'));
        }
        return new([.. sets]);
    }

    public bool MatchesEnd(ReadOnlySpan<char> stem)
    {
        if (stem.Length < _sets.Length) return false;
        var offset = stem.Length - _sets.Length;
        for (var i = 0; i < _sets.Length; i++)
            if (!Matches(_sets[i], stem[offset + i])) return false;
        return true;
    }

    public bool MatchesStart(ReadOnlySpan<char> stem)
    {
        if (stem.Length < _sets.Length) return false;
        for (var i = 0; i < _sets.Length; i++)
            if (!Matches(_sets[i], stem[i])) return false;
        return true;
    }

    // A `.` is stored as an empty negated set: it matches any character.
    private static bool Matches((string Chars, bool Negated) set, char c) => set.Chars.Contains(c) != set.Negated;
}
