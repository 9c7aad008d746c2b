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

    public static ParserWord Of(ReadOnlySpan<char> form, string? lemma, string? xpos, Upos upos, Morph morph)
    {
        Span<char> lower = form.Length <= 64 ? stackalloc char[form.Length] : new char[form.Length];
        form.ToLowerInvariant(lower);
        return new ParserWord(
            FeatureHash.Of(FormPart, lower),
            FeatureHash.Of(LemmaPart, lemma ?? ""),
            FeatureHash.Of(XposPart, xpos ?? ""),
            FeatureHash.Of(SuffixPart, lower[Math.Max(0, lower.Length - 3)..]),
            upos,
            Feature(morph.Case == Core.Model.Case.None ? null : CaseNames[(int)morph.Case]),
            Feature(morph.Gender == Core.Model.Gender.None ? null : GenderNames[(int)morph.Gender]),
            Feature(morph.Number == Core.Model.Number.None ? null : NumberNames[(int)morph.Number]));
    }

    /// <summary>The hash <see cref="Form"/> holds for a form (lowercase).</summary>
    public static ulong FormHash(string lowercase) => FeatureHash.Of(FormPart, lowercase);

    // The UD values as the treebank writes them (`Case=Gen` → `Gen`), which the model's feature hashes were made from.
    private static readonly string[] CaseNames = Enum.GetNames<Core.Model.Case>();
    private static readonly string[] GenderNames = Enum.GetNames<Core.Model.Gender>();
    private static readonly string[] NumberNames = Enum.GetNames<Core.Model.Number>();

    /// <summary>The hash of one UD feature's value, or of nothing when the word has none.</summary>
    private static ulong Feature(string? value) => value is null ? FeatureHash.Of(FeaturePart) : FeatureHash.Of(FeaturePart, value);
}
