using System.Collections.Frozen;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Lithuanian.Tokenization;

namespace Kronika.Lithuanian.Sentences;

/// <summary>
/// Groups tokens into sentences. A sentence ends at `.`, `!`, `?`, `...`, `?..`, `!..` (with the closing quotes and
/// brackets after them), at `;` and at a `:` that opens a list, a dialogue or a capitalised clause (ALKSNIS
/// conventions), and always at a paragraph end. Periods of initials (`V. Putinas`) and abbreviations (`2024 m.`)
/// end a sentence only when the word after them opens one; `1.` at the start of a sentence is a list number.
/// </summary>
public sealed class SentenceSplitter(Abbreviations abbreviations, FrozenSet<string> sentenceStarters) : IPipelineStep
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _starters = sentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static FrozenSet<string> LoadSentenceStarters() => Resources.Set("Sentences/Data/sentence-starters.txt");

    public string Name => "sentence-splitter";
    public Layers Requires => Layers.Tokens;
    public Layers Provides => Layers.Sentences;

    public void Process(Document doc, CancellationToken ct = default)
    {
        var tokens = doc.TokenTable;
        var text = doc.Text.AsSpan();
        var start = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var last = i == tokens.Length - 1 || (tokens[i + 1].Flags & TokenFlags.ParagraphStart) != 0;
            if (!last && tokens[i].Kind == TokenKind.Punctuation && EndsSentence(tokens, text, start, i))
            {
                i = AbsorbClosers(tokens, text, i);
                last = true;
            }
            if (!last) continue;
            doc.AddSentence(start, i + 1 - start);
            start = i + 1;
        }
    }

    private bool EndsSentence(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int start, int i)
    {
        var t = tokens[i];
        var s = text.Slice(t.Start, t.Length);
        var next = tokens[i + 1];
        var nextText = text.Slice(next.Start, next.Length);
        switch (s[0])
        {
            case '.' when s.Length == 1:
                if ((t.Flags & TokenFlags.AbbreviationPeriod) != 0) return AbbreviationEnds(tokens, text, i);
                // `1.` and `2.1.3.` at the start of a sentence number a list item.
                if (i - 1 == start && tokens[i - 1].Kind == TokenKind.Number) return false;
                return !StartsLowercase(nextText);
            case '.' or '?' or '!' or '…':
                return !StartsLowercase(nextText);
            case ';':
                return true;
            case ':':
                return IsListNumber(tokens, text, i + 1) || nextText is "–" or "—" or "-"
                    || CharClasses.Of(nextText[0]) == CharClass.Upper
                    || (nextText is "„" or "\"" or "“" && i + 2 < tokens.Length && CharClasses.Of(text[tokens[i + 2].Start]) is CharClass.Upper or CharClass.Digit);
            default:
                return false;
        }
    }

    /// <summary>Decides whether the period of `V.` or `2024 m.` also ends the sentence, from the word that follows.</summary>
    private bool AbbreviationEnds(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int period)
    {
        var word = tokens[period - 1];
        if ((word.Flags & TokenFlags.Initial) != 0) return false;
        var next = tokens[period + 1];
        var nextText = text.Slice(next.Start, next.Length);
        if (CharClasses.Of(nextText[0]) != CharClass.Upper || IsAllCaps(nextText)) return false;
        return abbreviations.Classify(text.Slice(word.Start, word.Length)) switch
        {
            AbbreviationClass.Unit => true,
            AbbreviationClass.Count => _starters.Contains(nextText),
            _ => false,
        };
    }

    private static bool IsListNumber(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int i) =>
        i + 1 < tokens.Length && tokens[i].Kind == TokenKind.Number && text[tokens[i + 1].Start] == '.' && tokens[i + 1].Length == 1;

    /// <summary>Closing quotes and brackets after the stop belong to the sentence they close.</summary>
    private static int AbsorbClosers(ReadOnlySpan<TokenData> tokens, ReadOnlySpan<char> text, int i)
    {
        while (i + 1 < tokens.Length && (tokens[i + 1].Flags & TokenFlags.ParagraphStart) == 0)
        {
            var closer = tokens[i + 1];
            var c = text[closer.Start];
            var attached = closer.Start == tokens[i].End;
            var opensNext = closer.End < text.Length && CharClasses.IsWordChar(text[closer.End]);
            var closes = c switch
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

    private static bool StartsLowercase(ReadOnlySpan<char> s) => CharClasses.Of(s[0]) == CharClass.Lower;

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        if (s.Length < 2) return false;
        foreach (var c in s)
            if (CharClasses.Of(c) == CharClass.Lower) return false;
        return true;
    }
}
