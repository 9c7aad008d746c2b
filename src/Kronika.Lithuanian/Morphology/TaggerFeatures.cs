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
    /// <summary>The feature hashes that depend on the form alone, computed once per form (indexed by <see cref="WordHash"/>).</summary>
    internal ulong[] Hashes { get; init; } = [];
    /// <summary>What the model last tagging this word knows of it (<see cref="MorphologyModel"/>), kept for the next sentence with the word.</summary>
    internal object? ModelData;
}

/// <summary>Positions in <see cref="WordProfile.Hashes"/>: each a feature of <see cref="TaggerFeatures.Extract"/> that depends on the form alone.</summary>
internal static class WordHash
{
    public const int Word = 0, Suffix = 1 /* 1..5: the last 1..5 letters */, Prefix = 6, Shape = 7, PrevWord = 8, Prev2Word = 9,
        NextWord = 10, Next2Word = 11, NextSuffix = 12, PrevSuffix = 13, LastNominative = 14 /* 14..16: `-`, `vns`, `dgs` */, Count = 17;

    public static ulong[] Of(string lower, string shape)
    {
        var w = lower.AsSpan();
        var h = new ulong[Count];
        h[Word] = FeatureHash.Of(Templates.Word, w);
        for (var k = 1; k <= 5 && k <= w.Length; k++) h[Suffix + k - 1] = FeatureHash.Of(Templates.Suffix, w[^k..]);
        h[Prefix] = FeatureHash.Of(Templates.Prefix, w[..Math.Min(3, w.Length)]);
        h[Shape] = FeatureHash.Of(Templates.Shape, shape);
        h[PrevWord] = FeatureHash.Of(Templates.PrevWord, w);
        h[Prev2Word] = FeatureHash.Of(Templates.Prev2Word, w);
        h[NextWord] = FeatureHash.Of(Templates.NextWord, w);
        h[Next2Word] = FeatureHash.Of(Templates.Next2Word, w);
        h[NextSuffix] = FeatureHash.Of(Templates.NextSuffix, w[^Math.Min(3, w.Length)..]);
        h[PrevSuffix] = FeatureHash.Of(Templates.PrevSuffix, w[^Math.Min(3, w.Length)..]);
        for (var n = 0; n < 3; n++) h[LastNominative + n] = FeatureHash.Of(Templates.LastNominative, NominativeNumbers[n], w[^Math.Min(2, w.Length)..]);
        return h;
    }

    public static readonly string[] NominativeNumbers = ["-", "vns", "dgs"];
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
        var lower = form.ToLowerInvariant();
        var shape = Shape(form);
        return new WordProfile
        {
            Form = form,
            Lower = lower,
            Shape = shape,
            Capitalised = form.Length > 0 && char.IsUpper(form[0]),
            Lexical = [.. lexical],
            Analyses = [.. signatures],
            HasProperHeadword = hasProper,
            HasCommonHeadword = hasCommon,
            Paradigms = [.. paradigms],
            Hashes = WordHash.Of(lower, shape),
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
    public static void Extract(ReadOnlySpan<WordProfile> sentence, int i, string[] tags, string?[] likely, string?[] endings, List<ulong> features)
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
        var next = i + 1 < sentence.Length ? sentence[i + 1].Lower : "</s>";
        var next2 = i + 2 < sentence.Length ? sentence[i + 2].Lower : "</s>";
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
        if (i + 1 < sentence.Length)
            foreach (var p in sentence[i + 1].Paradigms) features.Add(FeatureHash.Add(p, Templates.NextParadigm));
        if (i > 0)
            foreach (var p in sentence[i - 1].Paradigms) features.Add(FeatureHash.Add(p, Templates.PrevParadigm));
    }

    /// <summary>
    /// A capitalised (not all-caps) word inside a sentence, not after an opening quote, bracket or dash: nearly
    /// always a name or part of one (after an initial's period too: `V. Putinas`).
    /// </summary>
    public static bool IsCapitalisedInside(ReadOnlySpan<WordProfile> sentence, int i) =>
        i > 0 && sentence[i].Capitalised && sentence[i].Shape.StartsWith('X') && sentence[i].Shape != "X" && sentence[i - 1].Shape is not ("p" or "-");

    /// <summary>
    /// Whether a capitalised word looks like a name: inside a sentence, after an initial (`D. Trumpo`), or a place or
    /// name the lexicon knows (`Vilnių`), or a word it does not know (`Macronu`); anywhere, a word the lexicon knows
    /// only as a name (`Seulo`) or not at all.
    /// </summary>
    public static bool LooksLikeName(ReadOnlySpan<WordProfile> sentence, int i)
    {
        var w = sentence[i];
        if (!w.Capitalised || w.Shape == "X" || !w.Shape.StartsWith("Xx", StringComparison.Ordinal)) return false;
        if (w.Analyses.Length == 0 || (w.HasProperHeadword && !w.HasCommonHeadword)) return true;
        return IsCapitalisedInside(sentence, i) && (FollowsInitial(sentence, i) || w.HasProperHeadword);
    }

    /// <summary>Whether the word comes right after an initial (`V.`, `M. K.`).</summary>
    public static bool FollowsInitial(ReadOnlySpan<WordProfile> sentence, int i) =>
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

/// <summary>
/// <see cref="TaggerFeatures.Extract"/> for tagging, from tag ids and hashes prepared once: the same features in the
/// same order (a test compares the two), with each tag's and each form's own hashes computed once instead of per token.
/// Tag ids index <see cref="Strings"/>: the model's tags, then <see cref="Start"/> (`&lt;s&gt;`), <see cref="Unseen"/>
/// (`?`) and <see cref="End"/> (`&lt;/s&gt;`).
/// </summary>
internal sealed class TagFeatureTable
{
    private static readonly ulong Bias = FeatureHash.Of(Templates.Bias), SentenceStart = FeatureHash.Of(Templates.SentenceStart),
        CapitalisedInside = FeatureHash.Of(Templates.CapitalisedInside),
        PrevWordStart = FeatureHash.Of(Templates.PrevWord, "<s>"), Prev2WordStart = FeatureHash.Of(Templates.Prev2Word, "<s>"),
        PrevSuffixStart = FeatureHash.Of(Templates.PrevSuffix, "<s>"), NextWordEnd = FeatureHash.Of(Templates.NextWord, "</s>"),
        Next2WordEnd = FeatureHash.Of(Templates.Next2Word, "</s>"), NextSuffixEnd = FeatureHash.Of(Templates.NextSuffix, "/s>");

    private readonly ulong[] _prevTag, _prevTags, _prevTagWord, _prevTagSuffix, _nextLikely, _nextLikelies, _nextLikelySuffix;
    private readonly sbyte[] _nominativeNumber;

    public TagFeatureTable(IReadOnlyList<string> tags)
    {
        Strings = [.. tags, "<s>", "?", "</s>"];
        Start = tags.Count;
        Unseen = tags.Count + 1;
        End = tags.Count + 2;
        var n = Strings.Length;
        (_prevTag, _prevTags, _prevTagWord, _prevTagSuffix) = (new ulong[n], new ulong[n], new ulong[n], new ulong[n]);
        (_nextLikely, _nextLikelies, _nextLikelySuffix) = (new ulong[n], new ulong[n], new ulong[n]);
        _nominativeNumber = new sbyte[n];
        for (var t = 0; t < n; t++)
        {
            var s = Strings[t];
            _prevTag[t] = FeatureHash.Of(Templates.PrevTag, s);
            _prevTags[t] = FeatureHash.Of(Templates.PrevTags, s);
            _prevTagWord[t] = FeatureHash.Of(Templates.PrevTagWord, s);
            _prevTagSuffix[t] = FeatureHash.Of(Templates.PrevTagSuffix, s);
            _nextLikely[t] = FeatureHash.Of(Templates.NextLikely, s);
            _nextLikelies[t] = FeatureHash.Of(Templates.NextLikelies, s);
            _nextLikelySuffix[t] = FeatureHash.Of(Templates.NextLikelySuffix, s);
            _nominativeNumber[t] = (sbyte)(!s.EndsWith(".V.", StringComparison.Ordinal) ? -1
                : s.Contains(".dgs.", StringComparison.Ordinal) ? 2 : s.Contains(".vns.", StringComparison.Ordinal) ? 1 : 0);
        }
    }

    public string[] Strings { get; }
    public int Start { get; }
    public int Unseen { get; }
    public int End { get; }

    /// <summary>At most this many features for a word with these lexical and neighbouring paradigm hashes.</summary>
    public static int MaxCount(ReadOnlySpan<WordProfile> sentence, int i) =>
        32 + sentence[i].Lexical.Length + (i > 0 ? sentence[i - 1].Paradigms.Length : 0) + (i + 1 < sentence.Length ? sentence[i + 1].Paradigms.Length : 0);

    /// <param name="tags">The tag ids chosen so far; only those left of <paramref name="i"/> are read.</param>
    /// <param name="likely">Each word's most frequent training tag id, or <see cref="Unseen"/>.</param>
    /// <param name="endingTag">The word's <see cref="Templates.EndingTag"/> hash.</param>
    /// <returns>How many features were written to <paramref name="features"/> (at least <see cref="MaxCount"/> long).</returns>
    public int Extract(ReadOnlySpan<WordProfile> sentence, int i, ReadOnlySpan<int> tags, ReadOnlySpan<int> likely, ulong endingTag, Span<ulong> features)
    {
        var n = 0;
        var prevTag = i > 0 ? tags[i - 1] : Start;
        var prev2Tag = i > 1 ? tags[i - 2] : Start;
        var w = sentence[i];
        var h = w.Hashes;
        var lower = w.Lower.AsSpan();
        features[n++] = Bias;
        features[n++] = h[WordHash.Word];
        for (var k = 1; k <= 5 && k <= lower.Length; k++) features[n++] = h[WordHash.Suffix + k - 1];
        features[n++] = h[WordHash.Prefix];
        features[n++] = h[WordHash.Shape];
        features[n++] = _prevTag[prevTag];
        features[n++] = FeatureHash.Add(_prevTags[prev2Tag], Strings[prevTag]);
        features[n++] = FeatureHash.Add(_prevTagWord[prevTag], lower);
        features[n++] = FeatureHash.Add(_prevTagSuffix[prevTag], lower[^Math.Min(3, lower.Length)..]);
        if (i == 0 && w.Capitalised) features[n++] = SentenceStart;
        if (TaggerFeatures.IsCapitalisedInside(sentence, i)) features[n++] = CapitalisedInside;
        features[n++] = h[WordHash.LastNominative + LastNominativeNumber(tags, i)];
        w.Lexical.CopyTo(features[n..]);
        n += w.Lexical.Length;
        features[n++] = endingTag;
        features[n++] = i > 0 ? sentence[i - 1].Hashes[WordHash.PrevWord] : PrevWordStart;
        features[n++] = i > 1 ? sentence[i - 2].Hashes[WordHash.Prev2Word] : Prev2WordStart;
        features[n++] = i + 1 < sentence.Length ? sentence[i + 1].Hashes[WordHash.NextWord] : NextWordEnd;
        features[n++] = i + 2 < sentence.Length ? sentence[i + 2].Hashes[WordHash.Next2Word] : Next2WordEnd;
        features[n++] = i + 1 < sentence.Length ? sentence[i + 1].Hashes[WordHash.NextSuffix] : NextSuffixEnd;
        features[n++] = i > 0 ? sentence[i - 1].Hashes[WordHash.PrevSuffix] : PrevSuffixStart;
        var nextLikely = i + 1 < likely.Length ? likely[i + 1] : End;
        var next2Likely = i + 2 < likely.Length ? likely[i + 2] : End;
        features[n++] = _nextLikely[nextLikely];
        features[n++] = FeatureHash.Add(_nextLikelies[nextLikely], Strings[next2Likely]);
        features[n++] = FeatureHash.Add(_nextLikelySuffix[nextLikely], lower[^Math.Min(2, lower.Length)..]);
        if (i + 1 < sentence.Length)
            foreach (var p in sentence[i + 1].Paradigms) features[n++] = FeatureHash.Add(p, Templates.NextParadigm);
        if (i > 0)
            foreach (var p in sentence[i - 1].Paradigms) features[n++] = FeatureHash.Add(p, Templates.PrevParadigm);
        return n;
    }

    /// <summary>The <see cref="WordHash.NominativeNumbers"/> index of the nearest nominative tag among the 30 to the left.</summary>
    private int LastNominativeNumber(ReadOnlySpan<int> tags, int i)
    {
        for (var j = i - 1; j >= Math.Max(0, i - 30); j--)
        {
            var number = _nominativeNumber[tags[j]];
            if (number >= 0) return number;
        }
        return 0;
    }
}
