using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Morphology;

/// <summary>What the tagger knows about a word form regardless of context: its lowercase form, shape and lexicon analyses.</summary>
public sealed class WordProfile
{
    public required string Lower { get; init; }
    public required string Shape { get; init; }
    public required bool Capitalised { get; init; }
    /// <summary>Hashes of the form's lexicon analyses: the suffix rule (paradigm flag, ending), the prefix, the headword's flags.</summary>
    public required ulong[] Lexical { get; init; }
    /// <summary>The suffix-rule flags only, used as a context feature of the neighbours.</summary>
    public required ulong[] Paradigms { get; init; }
}

/// <summary>Builds word profiles from the lexicon (the expensive part, cached per form by the caller).</summary>
public sealed class WordProfiler(Lexicon lexicon)
{
    public WordProfile Profile(string form)
    {
        var analyses = lexicon.Analyze(form);
        var lexical = new HashSet<ulong>();
        var paradigms = new HashSet<ulong>();
        if (analyses.Count == 0) lexical.Add(FeatureHash.Of(Templates.LexUnknown));
        foreach (var a in analyses)
        {
            if (a.Suffix is { } s)
            {
                lexical.Add(FeatureHash.Of(Templates.LexSuffix, [s.Flag], s.Strip, s.Append));
                lexical.Add(FeatureHash.Of(Templates.LexFlag, [s.Flag]));
                paradigms.Add(FeatureHash.Of(Templates.NeighbourParadigm, [s.Flag], s.Append));
            }
            else
            {
                lexical.Add(FeatureHash.Of(Templates.LexHeadword, lexicon.FlagsOf(a.Headword)));
                paradigms.Add(FeatureHash.Of(Templates.NeighbourParadigm, "=", lexicon.FlagsOf(a.Headword)));
            }
            if (a.Prefix is { } p) lexical.Add(FeatureHash.Of(Templates.LexPrefix, p.Append));
            if (char.IsUpper(a.Headword.Text[0])) lexical.Add(FeatureHash.Of(Templates.LexProperHeadword));
        }
        return new WordProfile
        {
            Lower = form.ToLowerInvariant(),
            Shape = Shape(form),
            Capitalised = form.Length > 0 && char.IsUpper(form[0]),
            Lexical = [.. lexical],
            Paradigms = [.. paradigms],
        };
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
        LexPrefix = 21, LexProperHeadword = 22, NeighbourParadigm = 23, NextParadigm = 24, PrevParadigm = 25;
}

/// <summary>The tagger's features for one token in its sentence, given the tags already chosen to its left.</summary>
public static class TaggerFeatures
{
    public static void Extract(IReadOnlyList<WordProfile> sentence, int i, string prevTag, string prev2Tag, List<ulong> features)
    {
        features.Clear();
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
        features.AddRange(w.Lexical);

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
        if (i + 1 < sentence.Count)
            foreach (var p in sentence[i + 1].Paradigms) features.Add(FeatureHash.Add(p, Templates.NextParadigm));
        if (i > 0)
            foreach (var p in sentence[i - 1].Paradigms) features.Add(FeatureHash.Add(p, Templates.PrevParadigm));
    }
}
