using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Tokenization;

/// <summary>
/// Splits Lithuanian news text into tokens following the UD ALKSNIS conventions: punctuation is a token of its own,
/// including the period of an abbreviation (`m` + `.`), which is marked so it is not read as a sentence end;
/// hyphenated words (`2009-ųjų`), decimals (`3,5`), times (`15:30`), dotted numbers (`2.1.3`), URLs and e-mail
/// addresses stay whole; `...`, `?..`, `!..`, `?!` are one token; the groups of `10 000` are two tokens, the second
/// marked as continuing the first. A single hand-written scan, no regular expressions, no allocation per token.
/// </summary>
public sealed class Tokenizer(Abbreviations abbreviations) : IPipelineStep
{
    public string Name => "tokenizer";
    public Layers Requires => Layers.None;
    public Layers Provides => Layers.Tokens;

    public void Process(Document doc, CancellationToken ct = default)
    {
        var text = doc.Text.AsSpan();
        var paragraphs = doc.Paragraphs;
        var paragraph = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var cls = CharClasses.Of(c);
            if (cls == CharClass.Space)
            {
                i++;
                continue;
            }
            if ((doc.TokenCount & 0xFFF) == 0) ct.ThrowIfCancellationRequested();

            var flags = TokenFlags.None;
            while (paragraph < paragraphs.Count && paragraphs[paragraph].Start <= i)
            {
                flags = TokenFlags.ParagraphStart;
                paragraph++;
            }

            int end;
            TokenKind kind;
            if (cls is CharClass.Lower or CharClass.Upper or CharClass.OtherLetter or CharClass.Digit)
            {
                end = ScanWord(text, i);
                kind = cls == CharClass.Digit ? TokenKind.Number : TokenKind.Word;
                // Addresses are rare: look for one only where a word stops at a character an address continues with.
                if (end < text.Length && text[end] is '.' or '@' or ':' or '_' or '%' or '+' && char.IsAscii(c))
                {
                    var address = ScanWebAddress(text, i, out var addressKind);
                    if (address > end) (end, kind) = (address, addressKind);
                }
            }
            else if (cls == CharClass.Punctuation)
            {
                end = ScanPunctuation(text, i);
                kind = TokenKind.Punctuation;
            }
            else
            {
                end = ScanSymbol(text, i);
                kind = TokenKind.Symbol;
            }

            if (end < text.Length && CharClasses.Of(text[end]) == CharClass.Space) flags |= TokenFlags.SpaceAfter;
            var index = doc.AddToken(i, end - i, kind, flags);
            if (kind == TokenKind.Word && end < text.Length && text[end] == '.' && MarkAbbreviation(doc, index, text[i..end])) end++;
            else if (kind == TokenKind.Number) MarkNumberGroup(doc, index, text);
            i = end;
        }
    }

    /// <summary>A run of letters and digits, joined across `-` (word-word), `.` `,` `:` (digit-digit), `/` and apostrophes.</summary>
    private static int ScanWord(ReadOnlySpan<char> text, int i)
    {
        var j = i + 1;
        while (j < text.Length)
        {
            var c = text[j];
            if (CharClasses.IsWordChar(c))
            {
                j++;
                continue;
            }
            if (j + 1 >= text.Length) break;
            var prev = text[j - 1];
            var next = text[j + 1];
            var joins = c switch
            {
                '-' or '\u2011' or '/' => CharClasses.IsWordChar(prev) && CharClasses.IsWordChar(next),
                '.' or ',' or ':' => char.IsAsciiDigit(prev) && char.IsAsciiDigit(next),
                '\'' or '’' => CharClasses.IsLetter(prev) && CharClasses.IsLetter(next) && IsApostropheInWord(text, j),
                _ => false,
            };
            if (!joins) break;
            j += 2;
        }
        return j;
    }

    /// <summary>O'Brienas, d’Artagnanas: an apostrophe after one or two letters at the start of a word (not a closing quote).</summary>
    private static bool IsApostropheInWord(ReadOnlySpan<char> text, int j)
    {
        var start = j;
        while (start > 0 && CharClasses.IsLetter(text[start - 1])) start--;
        return j - start <= 2;
    }

    /// <summary>
    /// After a word followed by '.', marks initials (`V.`) and known abbreviations (`m.`), and adds the period as a
    /// token of its own carrying the mark. Returns whether it did.
    /// </summary>
    private bool MarkAbbreviation(Document doc, int index, ReadOnlySpan<char> word)
    {
        var text = doc.Text;
        ref var token = ref doc.TokenAt(index);
        var period = token.End;
        // `m...` is an ellipsis after the word; `tūkst..` is the abbreviation's period and a full stop (ALKSNIS).
        if (period + 2 < text.Length && text[period + 1] == '.' && text[period + 2] == '.') return false;
        if (word.Length == 1 && CharClasses.Of(word[0]) == CharClass.Upper) token.Flags |= TokenFlags.Initial;
        else if (abbreviations.Classify(word) != AbbreviationClass.None) token.Flags |= TokenFlags.Abbreviation;
        else return false;
        var flags = TokenFlags.AbbreviationPeriod;
        if (period + 1 < text.Length && CharClasses.Of(text[period + 1]) == CharClass.Space) flags |= TokenFlags.SpaceAfter;
        doc.AddToken(period, 1, TokenKind.Punctuation, flags);
        return true;
    }

    /// <summary>`10 000`, `1 000 000`, `20 316,5`: a three-digit group one space after a number of one to three digits (or after another group).</summary>
    private static void MarkNumberGroup(Document doc, int index, ReadOnlySpan<char> text)
    {
        if (index == 0) return;
        ref var token = ref doc.TokenAt(index);
        ref readonly var prev = ref doc.TokenAt(index - 1);
        if (prev.Kind != TokenKind.Number || prev.End + 1 != token.Start || !IsThousandsSpace(text[prev.End])) return;
        var group = text.Slice(token.Start, token.Length);
        if (!IsGroup(group, allowFraction: true)) return;
        var head = text.Slice(prev.Start, prev.Length);
        var prevIsGroup = (prev.Flags & TokenFlags.NumberGroup) != 0 && IsGroup(head, allowFraction: false);
        if (prevIsGroup || (head.Length <= 3 && IsDigits(head))) token.Flags |= TokenFlags.NumberGroup;
    }

    private static bool IsThousandsSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    private static bool IsGroup(ReadOnlySpan<char> s, bool allowFraction)
    {
        if (s.Length < 3 || !IsDigits(s[..3])) return false;
        if (s.Length == 3) return true;
        return allowFraction && s[3] == ',' && s.Length > 4 && IsDigits(s[4..]);
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return !s.IsEmpty;
    }

    /// <summary>`...`, `?..`, `!..`, `?!` and `!!!` are one token; `[...]` too; any other punctuation mark is one token.</summary>
    private static int ScanPunctuation(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (c is '.' or '?' or '!')
        {
            var j = i + 1;
            while (j < text.Length && text[j] is '.' or '?' or '!') j++;
            return j;
        }
        if (c == '[')
        {
            var rest = text[(i + 1)..];
            if (rest.StartsWith("...]")) return i + 5;
            if (rest.StartsWith("…]")) return i + 3;
        }
        return i + 1;
    }

    /// <summary>One symbol, or one emoji with its modifiers, variation selectors, keycaps and zero-width-joined parts.</summary>
    private static int ScanSymbol(ReadOnlySpan<char> text, int i)
    {
        var j = NextCodePoint(text, i, out var first);
        if (first is >= 0x1F1E6 and <= 0x1F1FF) // a flag is a pair of regional indicators
        {
            var k = NextCodePoint(text, j, out var second);
            return second is >= 0x1F1E6 and <= 0x1F1FF ? k : j;
        }
        while (j < text.Length)
        {
            var k = NextCodePoint(text, j, out var cp);
            if (cp is 0xFE0F or 0xFE0E or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F))
                j = k;
            else if (cp == 0x200D && k < text.Length && CharClasses.Of(text[k]) is CharClass.Surrogate or CharClass.Symbol)
                j = NextCodePoint(text, k, out _);
            else break;
        }
        return j;
    }

    /// <summary>The code point at i and the index after it; a lone surrogate counts as one code unit.</summary>
    private static int NextCodePoint(ReadOnlySpan<char> text, int i, out int codePoint)
    {
        if (i >= text.Length)
        {
            codePoint = -1;
            return i;
        }
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[i + 1]);
            return i + 2;
        }
        codePoint = c;
        return i + 1;
    }

    /// <summary>
    /// `https://…`, `www.…`, `vardas.pavarde@lrt.lt` and bare domains like `lrt.lt` or `15min.lt` are one token. Returns
    /// <paramref name="i"/> when there is none here.
    /// </summary>
    private static int ScanWebAddress(ReadOnlySpan<char> text, int i, out TokenKind kind)
    {
        kind = TokenKind.Url;
        var rest = text[i..];
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            var j = i;
            while (j < text.Length && CharClasses.Of(text[j]) != CharClass.Space && text[j] is not ('„' or '“' or '”' or '"' or '<' or '>')) j++;
            return TrimUrlEnd(text, i, j);
        }

        // Only ASCII letters, digits and [._%+-] can make an address; look for '@' or a final `.tld`. An address is
        // at most 254 characters, which also keeps this look-ahead from making long runs like `a.a.a.…` quadratic.
        var end = i;
        var at = -1;
        var limit = Math.Min(text.Length, i + 254);
        while (end < limit)
        {
            var c = text[end];
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '%' or '+' or '-') end++;
            else if (c == '.' && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1])) end++;
            else if (c == '@' && at < 0 && end > i && end + 1 < text.Length && char.IsAsciiLetterOrDigit(text[end + 1])) at = end++;
            else break;
        }
        if (end < text.Length && CharClasses.IsWordChar(text[end])) return i; // a Lithuanian word, not an address
        var lastDot = text[i..end].LastIndexOf('.');
        if (lastDot < 0) return i;
        var tld = text[(i + lastDot + 1)..end];
        if (at >= 0 && i + lastDot > at && tld.Length >= 2 && IsAsciiLetters(tld))
        {
            kind = TokenKind.Email;
            return end;
        }
        return at < 0 && IsKnownTopLevelDomain(tld) ? end : i;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiLetter(c)) return false;
        return true;
    }

    /// <summary>Top-level domains common in Lithuanian news; a bare `word.lt` is a site name, `word.Kitas` is not.</summary>
    private static bool IsKnownTopLevelDomain(ReadOnlySpan<char> tld) =>
        tld is "lt" or "com" or "eu" or "org" or "net" or "lv" or "ee" or "pl" or "ru" or "ua" or "by" or "de" or "uk" or "fr" or "gov" or "info" or "io" or "tv" or "fm";

    /// <summary>Punctuation at the end of a URL usually belongs to the sentence, not the address; a ')' stays when it closes a '(' of the URL.</summary>
    private static int TrimUrlEnd(ReadOnlySpan<char> text, int start, int end)
    {
        var open = text[start..end].Count('(');
        var close = text[start..end].Count(')');
        while (end > start + 1 && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '’' or ')' or ']')
        {
            if (text[end - 1] == ')')
            {
                if (open >= close) break;
                close--;
            }
            end--;
        }
        return end;
    }
}
