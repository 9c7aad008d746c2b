using System.Globalization;

namespace Kronika.Lithuanian.Tokenization;

/// <summary>What the tokenizer needs to know about a UTF-16 code unit, precomputed for all 65,536 of them.</summary>
internal enum CharClass : byte
{
    /// <summary>Whitespace, control and format characters: they separate tokens and are never part of one.</summary>
    Space,
    Lower,
    /// <summary>Uppercase and titlecase letters.</summary>
    Upper,
    /// <summary>Letters without case and modifier letters.</summary>
    OtherLetter,
    /// <summary>Combining marks: they belong to the letter before them.</summary>
    Mark,
    Digit,
    Punctuation,
    Symbol,
    Surrogate,
}

internal static class CharClasses
{
    private static readonly CharClass[] Table = Build();

    public static CharClass Of(char c) => Table[c];

    public static bool IsLetter(char c) => Table[c] is CharClass.Lower or CharClass.Upper or CharClass.OtherLetter;

    /// <summary>Letters, combining marks and digits: the characters a word or number is made of.</summary>
    public static bool IsWordChar(char c) => Table[c] is CharClass.Lower or CharClass.Upper or CharClass.OtherLetter or CharClass.Mark or CharClass.Digit;

    private static CharClass[] Build()
    {
        var table = new CharClass[65536];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            table[i] = CharUnicodeInfo.GetUnicodeCategory(c) switch
            {
                UnicodeCategory.LowercaseLetter => CharClass.Lower,
                UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter => CharClass.Upper,
                UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter => CharClass.OtherLetter,
                UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharClass.Mark,
                UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
                UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                    or UnicodeCategory.Control or UnicodeCategory.Format => CharClass.Space,
                UnicodeCategory.Surrogate => CharClass.Surrogate,
                UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                    or UnicodeCategory.OtherSymbol or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                    or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => CharClass.Symbol,
                _ => CharClass.Punctuation,
            };
        }
        // Characters that look like separators to Unicode but are part of words here.
        table['\u00AD'] = CharClass.Mark; // soft hyphen inside a word
        return table;
    }
}
