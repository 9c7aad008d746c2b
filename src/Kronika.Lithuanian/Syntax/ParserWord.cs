using Kronika.Core.Learning;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// What the parser knows of a word, as stable hashes: the lowercased form, the lemma, the Jablonskis tag (XPOS), the
/// last three letters, the UD part of speech and the case, gender and number from the UD features.
/// </summary>
public readonly record struct ParserWord(ulong Form, ulong Lemma, ulong Xpos, ulong Suffix, Upos Upos, ulong Case, ulong Gender, ulong Number)
{
    private const int FormPart = 1, LemmaPart = 2, XposPart = 3, SuffixPart = 4, FeaturePart = 5;

    /// <summary>The word before the first and after the last one (and the heads and children a word does not have).</summary>
    public static readonly ParserWord None = new(11, 11, 11, 11, Upos.None, 11, 11, 11);

    /// <summary>The artificial root at the end of the buffer.</summary>
    public static readonly ParserWord Root = new(13, 13, 13, 13, Upos.None, 13, 13, 13);

    public static ParserWord Of(ReadOnlySpan<char> form, string? lemma, string? xpos, Upos upos, string? feats)
    {
        Span<char> lower = form.Length <= 64 ? stackalloc char[form.Length] : new char[form.Length];
        form.ToLowerInvariant(lower);
        return new ParserWord(
            FeatureHash.Of(FormPart, lower),
            FeatureHash.Of(LemmaPart, lemma ?? ""),
            FeatureHash.Of(XposPart, xpos ?? ""),
            FeatureHash.Of(SuffixPart, lower[Math.Max(0, lower.Length - 3)..]),
            upos,
            Feature(feats, "Case="),
            Feature(feats, "Gender="),
            Feature(feats, "Number="));
    }

    /// <summary>The hash of one UD feature's value (`Case=Gen` → hash of `Gen`), or of nothing when absent.</summary>
    private static ulong Feature(string? feats, string name)
    {
        if (string.IsNullOrEmpty(feats)) return FeatureHash.Of(FeaturePart);
        var span = feats.AsSpan();
        var at = span.IndexOf(name, StringComparison.Ordinal);
        while (at > 0 && span[at - 1] != '|') // `Case=` must start a feature, not end `NounCase=`
        {
            var next = span[(at + 1)..].IndexOf(name, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
        if (at < 0) return FeatureHash.Of(FeaturePart);
        var value = span[(at + name.Length)..];
        var bar = value.IndexOf('|');
        return FeatureHash.Of(FeaturePart, bar < 0 ? value : value[..bar]);
    }
}
