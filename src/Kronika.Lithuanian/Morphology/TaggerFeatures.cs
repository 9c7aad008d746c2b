using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Morphology;

/// <summary>What the tagger knows about a word form regardless of context: its lowercase form, shape and lexicon analyses.</summary>
public sealed class WordProfile
{
    /// <summary>The form as written.</summary>
    public required string Form { get; init; }
    public required string Lower { get; init; }
    public required string Shape { get; init; }
    public required bool Capitalised { get; init; }
    /// <summary>Hashes of the form's lexicon analyses: the suffix rule (paradigm flag, ending), the prefix, the headword's flags.</summary>
    public required ulong[] Lexical { get; init; }
    /// <summary>One hash per lexicon analysis (suffix rule or headword paradigm, and prefix): the tags a word can take follow from these.</summary>
    public required ulong[] Analyses { get; init; }
    /// <summary>Whether a lexicon analysis comes from a capitalised headword (a place or a name: `Vilnių` ← `Vilnius`).</summary>
    public required bool HasProperHeadword { get; init; }
    /// <summary>Whether a lexicon analysis comes from a lowercase headword (a common word).</summary>
    public required bool HasCommonHeadword { get; init; }
    /// <summary>The suffix-rule flags only, used as a context feature of the neighbours.</summary>
    public required ulong[] Paradigms { get; init; }
}

/// <summary>Builds word profiles from the lexicon (the expensive part, cached per form by the caller).</summary>
public sealed class WordProfiler(Lexicon lexicon)
{
    /// <summary>Per-thread room for the analyses and hashes of one word (lists keep insertion order, as the sets did).</summary>
    [ThreadStatic] private static List<LexicalAnalysis>? _analyses;
    [ThreadStatic] private static List<ulong>? _lexical, _paradigms, _signatures;

    public WordProfile Profile(string form)
    {
        var analyses = _analyses ??= new List<LexicalAnalysis>(16);
        var lexical = _lexical ??= new List<ulong>(32);
        var paradigms = _paradigms ??= new List<ulong>(16);
        var signatures = _signatures ??= new List<ulong>(16);
        analyses.Clear();
        lexical.Clear();
        paradigms.Clear();
        signatures.Clear();
        lexicon.Analyze(form, analyses);
        if (analyses.Count == 0) AddOnce(lexical, FeatureHash.Of(Templates.LexUnknown));
        bool hasProper = false, hasCommon = false;
        foreach (var a in analyses)
        {
            if (a.Suffix is { } s)
            {
                Span<char> flag = [s.Flag];
                AddOnce(lexical, FeatureHash.Of(Templates.LexSuffix, flag, s.Strip, s.Append));
                AddOnce(lexical, FeatureHash.Of(Templates.LexFlag, flag));
                AddOnce(paradigms, FeatureHash.Of(Templates.NeighbourParadigm, flag, s.Append));
            }
            else
            {
                var paradigm = lexicon.ParadigmOf(a.Headword);
                AddOnce(lexical, FeatureHash.Of(Templates.LexHeadword, lexicon.FlagsOf(a.Headword)));
                AddOnce(lexical, FeatureHash.Of(Templates.LexParadigm, paradigm));
                AddOnce(paradigms, FeatureHash.Of(Templates.NeighbourParadigm, "=", paradigm));
            }
            var negated = a.Prefix is { } p && p.Append.StartsWith("ne", StringComparison.Ordinal);
            if (a.Prefix is { } pre)
            {
                AddOnce(lexical, FeatureHash.Of(Templates.LexPrefix, pre.Append));
                // ne-, nebe-, nepa-, neišsi-…: a negated form, whatever the verbal prefix after the negation.
                if (negated) AddOnce(lexical, FeatureHash.Of(Templates.LexNegated));
            }
            // The prefix only counts as negating or not: `nepasi-` and `ne-` say the same about the tag.
            var prefix = a.Prefix is null ? "" : negated ? "ne" : "+";
            if (a.Suffix is { } suffix)
            {
                Span<char> flag = [suffix.Flag];
                AddOnce(signatures, FeatureHash.Of(Templates.AnalysisSignature, flag, suffix.Append, prefix));
            }
            else AddOnce(signatures, FeatureHash.Of(Templates.AnalysisSignature, "=", lexicon.ParadigmOf(a.Headword), prefix));
            var proper = char.IsUpper(a.Headword.Text[0]);
            if (proper) AddOnce(lexical, FeatureHash.Of(Templates.LexProperHeadword));
            hasProper |= proper;
            hasCommon |= !proper;
        }
        return new WordProfile
        {
            Form = form,
            Lower = form.ToLowerInvariant(),
            Shape = Shape(form),
            Capitalised = form.Length > 0 && char.IsUpper(form[0]),
            Lexical = [.. lexical],
            Analyses = [.. signatures],
            HasProperHeadword = hasProper,
            HasCommonHeadword = hasCommon,
            Paradigms = [.. paradigms],
        };
    }

    private static void AddOnce(List<ulong> list, ulong value)
    {
        if (!list.Contains(value)) list.Add(value);
    }

    /// <summary>A compressed shape: `Xx`, `X`, `x`, `d`, `Xd`, `d-x`, `.` …, runs of one class written once.</summary>
    public static string Shape(string form)
    {
        Span<char> buffer = stackalloc char[8];
        var n = 0;
        foreach (var c in form)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c is '-' or '.' or ',' ? c : 'p';
            if (n > 0 && buffer[n - 1] == k) continue;
            if (n == buffer.Length) break;
            buffer[n++] = k;
        }
        return new string(buffer[..n]);
    }
}

/// <summary>Feature template ids. Models store feature hashes built from these numbers: never renumber them.</summary>
internal static class Templates
{
    public const int Bias = 1, Word = 2, Suffix = 3, Prefix = 4, Shape = 5, PrevTag = 6, PrevTags = 7, PrevWord = 8,
        NextWord = 9, Prev2Word = 10, Next2Word = 11, PrevTagWord = 12, NextSuffix = 13, PrevSuffix = 14,
        PrevTagSuffix = 15, SentenceStart = 16, LexUnknown = 17, LexSuffix = 18, LexFlag = 19, LexHeadword = 20,
        LexPrefix = 21, LexProperHeadword = 22, NeighbourParadigm = 23, NextParadigm = 24, PrevParadigm = 25,
        CapitalisedInside = 26, LastNominative = 27, AnalysisSignature = 28, NextLikely = 29, NextLikelies = 30,
        NextLikelySuffix = 31, LexNegated = 32, EndingTag = 33, LexParadigm = 34;
}

/// <summary>The tagger's features for one token in its sentence, given the tags already chosen to its left.</summary>
public static class TaggerFeatures
{
    /// <param name="tags">The tags chosen so far; only those left of <paramref name="i"/> are read.</param>
    /// <param name="likely">Each word's most frequent tag in training (null if unseen): the right context's likely tags.</param>
    /// <param name="endings">Each word's most frequent noun tag for its ending, as a proper noun (null if none).</param>
    public static void Extract(IReadOnlyList<WordProfile> sentence, int i, string[] tags, string?[] likely, string?[] endings, List<ulong> features)
    {
        features.Clear();
        var prevTag = i > 0 ? tags[i - 1] : "<s>";
        var prev2Tag = i > 1 ? tags[i - 2] : "<s>";
        var w = sentence[i];
        var lower = w.Lower.AsSpan();
        features.Add(FeatureHash.Of(Templates.Bias));
        features.Add(FeatureHash.Of(Templates.Word, lower));
        for (var k = 1; k <= 5 && k <= lower.Length; k++) features.Add(FeatureHash.Of(Templates.Suffix, lower[^k..]));
        features.Add(FeatureHash.Of(Templates.Prefix, lower[..Math.Min(3, lower.Length)]));
        features.Add(FeatureHash.Of(Templates.Shape, w.Shape));
        features.Add(FeatureHash.Of(Templates.PrevTag, prevTag));
        features.Add(FeatureHash.Of(Templates.PrevTags, prev2Tag, prevTag));
        features.Add(FeatureHash.Of(Templates.PrevTagWord, prevTag, lower));
        features.Add(FeatureHash.Of(Templates.PrevTagSuffix, prevTag, lower[^Math.Min(3, lower.Length)..]));
        if (i == 0 && w.Capitalised) features.Add(FeatureHash.Of(Templates.SentenceStart));
        if (IsCapitalisedInside(sentence, i)) features.Add(FeatureHash.Of(Templates.CapitalisedInside));
        // Verbs and predicates agree in number with the subject, most often the nominative to their left.
        features.Add(FeatureHash.Of(Templates.LastNominative, LastNominativeNumber(tags, i), lower[^Math.Min(2, lower.Length)..]));
        features.AddRange(w.Lexical);
        features.Add(FeatureHash.Of(Templates.EndingTag, endings[i] ?? "-", w.Capitalised ? "X" : "x"));

        var prev = i > 0 ? sentence[i - 1].Lower : "<s>";
        var prev2 = i > 1 ? sentence[i - 2].Lower : "<s>";
        var next = i + 1 < sentence.Count ? sentence[i + 1].Lower : "</s>";
        var next2 = i + 2 < sentence.Count ? sentence[i + 2].Lower : "</s>";
        features.Add(FeatureHash.Of(Templates.PrevWord, prev));
        features.Add(FeatureHash.Of(Templates.Prev2Word, prev2));
        features.Add(FeatureHash.Of(Templates.NextWord, next));
        features.Add(FeatureHash.Of(Templates.Next2Word, next2));
        features.Add(FeatureHash.Of(Templates.NextSuffix, next.AsSpan()[^Math.Min(3, next.Length)..]));
        features.Add(FeatureHash.Of(Templates.PrevSuffix, prev.AsSpan()[^Math.Min(3, prev.Length)..]));
        var nextLikely = i + 1 < likely.Length ? likely[i + 1] ?? "?" : "</s>";
        var next2Likely = i + 2 < likely.Length ? likely[i + 2] ?? "?" : "</s>";
        features.Add(FeatureHash.Of(Templates.NextLikely, nextLikely));
        features.Add(FeatureHash.Of(Templates.NextLikelies, nextLikely, next2Likely));
        features.Add(FeatureHash.Of(Templates.NextLikelySuffix, nextLikely, lower[^Math.Min(2, lower.Length)..]));
        if (i + 1 < sentence.Count)
            foreach (var p in sentence[i + 1].Paradigms) features.Add(FeatureHash.Add(p, Templates.NextParadigm));
        if (i > 0)
            foreach (var p in sentence[i - 1].Paradigms) features.Add(FeatureHash.Add(p, Templates.PrevParadigm));
    }

    /// <summary>
    /// A capitalised (not all-caps) word inside a sentence, not after an opening quote, bracket or dash: nearly
    /// always a name or part of one (after an initial's period too: `V. Putinas`).
    /// </summary>
    public static bool IsCapitalisedInside(IReadOnlyList<WordProfile> sentence, int i) =>
        i > 0 && sentence[i].Capitalised && sentence[i].Shape.StartsWith('X') && sentence[i].Shape != "X" && sentence[i - 1].Shape is not ("p" or "-");

    /// <summary>
    /// Whether a capitalised word looks like a name: inside a sentence, after an initial (`D. Trumpo`), or a place or
    /// name the lexicon knows (`Vilnių`), or a word it does not know (`Macronu`); anywhere, a word the lexicon knows
    /// only as a name (`Seulo`) or not at all.
    /// </summary>
    public static bool LooksLikeName(IReadOnlyList<WordProfile> sentence, int i)
    {
        var w = sentence[i];
        if (!w.Capitalised || w.Shape == "X" || !w.Shape.StartsWith("Xx", StringComparison.Ordinal)) return false;
        if (w.Analyses.Length == 0 || (w.HasProperHeadword && !w.HasCommonHeadword)) return true;
        return IsCapitalisedInside(sentence, i) && (FollowsInitial(sentence, i) || w.HasProperHeadword);
    }

    /// <summary>Whether the word comes right after an initial (`V.`, `M. K.`).</summary>
    public static bool FollowsInitial(IReadOnlyList<WordProfile> sentence, int i) =>
        i > 1 && sentence[i - 1].Lower == "." && sentence[i - 2].Shape == "X" && sentence[i - 2].Lower.Length == 1;

    /// <summary>`vns`, `dgs` or `-`: the number of the nearest nominative tag among the 30 to the left.</summary>
    private static string LastNominativeNumber(string[] tags, int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 30); j--)
        {
            var t = tags[j];
            if (!t.EndsWith(".V.", StringComparison.Ordinal)) continue;
            return t.Contains(".dgs.", StringComparison.Ordinal) ? "dgs" : t.Contains(".vns.", StringComparison.Ordinal) ? "vns" : "-";
        }
        return "-";
    }
}
