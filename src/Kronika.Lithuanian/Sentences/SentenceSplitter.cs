using System.Collections.Frozen;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Lithuanian.Tokenization;

namespace Kronika.Lithuanian.Sentences;

/// <summary>
/// Groups tokens into sentences. A sentence ends at `.`, `!`, `?`, `...`, `?..`, `!..` (with the closing quotes and
/// brackets after them) unless the text goes on in lowercase, at `;` and at a `:` before a list number, a dialogue
/// dash or a capital (ALKSNIS conventions), and always at a paragraph end. Periods of initials (`V. Putinas`) and
/// abbreviations (`2024 m.`) end a sentence only when the word after them opens one; `1.` or `IV.` at the start of
/// a sentence numbers a list item.
/// </summary>
public sealed class SentenceSplitter(Abbreviations abbreviations, FrozenSet<string> sentenceStarters) : IPipelineStep
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters = sentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "sentence-splitter";
    public Layers Requires => Layers.Tokens;
    public Layers Provides => Layers.Sentences;

    public static FrozenSet<string> LoadSentenceStarters() => Resources.Set("Sentences/Data/sentence-starters.txt");

    public void Process(Document doc, CancellationToken ct = default)
    {
        var tokens = doc.TokenTable;
        var text = doc.Text.AsSpan();
        var start = 0;
        var brackets = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var end = i;
            var last = IsParagraphEnd(tokens, i);
            if (!last && tokens[i].Kind == TokenKind.Punctuation)
            {
                var c = text[tokens[i].Start];
                if (c == '(') brackets++;
                else if (c == ')' && brackets > 0) brackets--;
                else if (IsStop(tokens, text, start, i, brackets))
                {
                    end = AbsorbClosers(tokens, text, i);
                    // `;` and `:` were judged by what follows them already.
                    last = c is ';' or ':' || IsParagraphEnd(tokens, end) || !GoesOn(tokens, text, end + 1);
                }
            }
            if (!last) continue;
            doc.AddSentence(start, end + 1 - start);
            start = end + 1;
            i = end;
            brackets = 0;
        }
    }

    private static bool IsParagraphEnd(ReadOnlySpan<TokenData> tokens, int i) =>
        i == tokens.Length - 1 || (tokens[i + 1].Flags & TokenFlags.ParagraphStart) != 0;

    /// <summary>Whether the punctuation token at i can end the sentence, judged from the token after it.</summary>
    private bool IsStop(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int start, int i, int brackets)
    {
        var t = tokens[i];
        var s = text.Slice(t.Start, t.Length);
        var next = Text(tokens[i + 1], text);
        switch (s[0])
        {
            case '.' when s.Length == 1:
                if ((t.Flags & TokenFlags.AbbreviationPeriod) != 0) return AbbreviationEnds(tokens, text, i);
                // `1.`, `2.1.3.` and `IV.` at the start of a sentence number a list item.
                return !(i - 1 == start && IsListNumber(tokens[i - 1], text));
            case '.' or '?' or '!' or '…':
                return true;
            case ';':
                return brackets == 0;
            case ':':
                return brackets == 0 && (IsListItem(tokens, text, i + 1) || IsDash(next) || CharClasses.Of(next[0]) == CharClass.Upper);
            default:
                return false;
        }
    }

    /// <summary>
    /// The text goes on after a stop when the next token is lowercase, a comma, or a dash before a lowercase word
    /// (`– Niekur aš neisiu! – pareiškiau.`).
    /// </summary>
    private static bool GoesOn(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int next)
    {
        var s = Text(tokens[next], text);
        if (CharClasses.Of(s[0]) == CharClass.Lower || s is "," or ";" or ":") return true;
        return IsDash(s) && next + 1 < tokens.Length && CharClasses.Of(text[tokens[next + 1].Start]) == CharClass.Lower;
    }

    /// <summary>Decides whether the period of `V.` or `2024 m.` also ends the sentence, from the word that follows.</summary>
    private bool AbbreviationEnds(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int period)
    {
        var word = tokens[period - 1];
        if ((word.Flags & TokenFlags.Initial) != 0) return false;
        var after = period + 1;
        // An opening quote after the period: judge by the word inside it (`9 d. „Sutarėme…`).
        if (Text(tokens[after], text) is "„" or "\"" && after + 1 < tokens.Length && (tokens[after + 1].Flags & TokenFlags.ParagraphStart) == 0) after++;
        var next = Text(tokens[after], text);
        if (CharClasses.Of(next[0]) != CharClass.Upper || IsAllCaps(next)) return false;
        var quoted = after > period + 1;
        return abbreviations.Classify(Text(word, text)) switch
        {
            AbbreviationClass.Unit => true,
            // A quotation opening with a capital after `2024 m.` starts a sentence; a bare capital may be a name.
            AbbreviationClass.Count => quoted || _starters.Contains(next),
            _ => false,
        };
    }

    private static bool IsListItem(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int i) =>
        i + 1 < tokens.Length && IsListNumber(tokens[i], text) && Text(tokens[i + 1], text) is ".";

    private static bool IsListNumber(TokenData token, ReadOnlySpan<char> text) =>
        token.Kind == TokenKind.Number || IsRomanNumeral(Text(token, text));

    private static bool IsRomanNumeral(ReadOnlySpan<char> s) => s.Length <= 6 && s.IndexOfAnyExcept("IVXLC") < 0;

    private static bool IsDash(ReadOnlySpan<char> s) => s is "–" or "—" or "-";

    /// <summary>Closing quotes and brackets after the stop belong to the sentence they close.</summary>
    private static int AbsorbClosers(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int i)
    {
        while (i + 1 < tokens.Length && (tokens[i + 1].Flags & TokenFlags.ParagraphStart) == 0)
        {
            var closer = tokens[i + 1];
            var attached = closer.Start == tokens[i].End;
            var opensNext = closer.End < text.Length && CharClasses.IsWordChar(text[closer.End]);
            var closes = text[closer.Start] switch
            {
                '“' or '"' or '»' or '”' or '’' or '\'' => !opensNext || attached,
                ')' or ']' => attached,
                _ => false,
            };
            if (!closes) break;
            i++;
        }
        return i;
    }

    private static ReadOnlySpan<char> Text(TokenData token, ReadOnlySpan<char> text) => text.Slice(token.Start, token.Length);

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        if (s.Length < 2) return false;
        foreach (var c in s)
            if (CharClasses.Of(c) == CharClass.Lower) return false;
        return true;
    }
}
