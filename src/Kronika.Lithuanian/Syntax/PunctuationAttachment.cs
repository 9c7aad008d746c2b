using Kronika.Core.Model;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// Re-attaches paired punctuation after parsing by the UD convention: a pair of quotes or brackets hangs from the one
/// word of what they enclose whose head is outside them (`Bendrovė „Lietuvos geležinkeliai“`: both quotes from
/// `geležinkeliai`). The greedy parser attaches a closing mark before it has read past it and often gets this wrong.
/// Other marks stay where the parser put them: the full Udapi-style rule (the lower of the highest words of the units
/// before and after the mark) gives 91 % of the heads on UD ALKSNIS train's own trees but only 72 % on parsed dev
/// trees, below the parser's 75 %.
/// </summary>
public static class PunctuationAttachment
{
    // Opening marks and the mark that closes each (`“` closes `„` and opens `”`).
    private static readonly (ulong Open, ulong Close)[] Pairs =
        [.. new[] { ("„", "“"), ("(", ")"), ("“", "”"), ("\"", "\""), ("«", "»"), ("[", "]") }.Select(p => (ParserWord.FormHash(p.Item1), ParserWord.FormHash(p.Item2)))];

    /// <summary>
    /// Moves the paired marks of one parsed sentence. <paramref name="heads"/>: each word's head, -1 for the root.
    /// Marks that are the root or have dependents of their own stay.
    /// </summary>
    public static void Reattach(ReadOnlySpan<ParserWord> words, Span<int> heads)
    {
        var n = heads.Length;
        Span<int> open = n <= 256 ? stackalloc int[n] : new int[n]; // the opening marks not closed yet
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (words[i].Upos != Upos.PUNCT) continue;
            if (count > 0 && Closes(words[open[count - 1]].Form, words[i].Form)) Attach(words, heads, open[--count], i);
            else if (IsOpening(words[i].Form)) open[count++] = i;
        }
    }

    /// <summary>Both marks under the one word between them whose head is outside, when there is exactly one.</summary>
    private static void Attach(ReadOnlySpan<ParserWord> words, Span<int> heads, int open, int close)
    {
        int top = -1, tops = 0;
        for (var k = open + 1; k < close; k++)
            if (words[k].Upos != Upos.PUNCT && !(heads[k] > open && heads[k] < close))
                (top, tops) = (k, tops + 1);
        if (tops != 1) return;
        foreach (var mark in (ReadOnlySpan<int>)[open, close])
        {
            if (heads[mark] < 0) continue;
            var dependents = false;
            for (var k = 0; k < heads.Length && !dependents; k++) dependents = heads[k] == mark;
            if (!dependents) heads[mark] = top;
        }
    }

    private static bool IsOpening(ulong form)
    {
        foreach (var (o, _) in Pairs) if (o == form) return true;
        return false;
    }

    private static bool Closes(ulong open, ulong close)
    {
        foreach (var pair in Pairs) if (pair.Open == open && pair.Close == close) return true;
        return false;
    }
}
