using Kronika.Core.Model;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The features of a parser state, after Zhang and Nivre (2011): words, lemmas and tags of the stack top (s0), the
/// word below it (s1), the buffer front (n0) and the next two words (n1, n2), of s0's head and grandhead and of the
/// outermost children of s0 and n0 with their labels; the distance between s0 and n0, valencies and label sets; and
/// Lithuanian's own signals: the case of each word beside the other's lemma (`su` + instrumental, `susitiko` +
/// instrumental) and whether case, gender and number agree.
/// </summary>
public static class ParserFeatures
{
    // Hashes are combined without allocation; the function must never change once models are trained with it.
    private static ulong H(int template, ulong a)
    {
        var h = 0xCBF29CE484222325UL ^ (ulong)template * 0x9E3779B97F4A7C15UL;
        h = (h ^ a) * 0x100000001B3UL;
        return h ^ (h >> 29);
    }

    private static ulong H(int template, ulong a, ulong b) => Mix(H(template, a), b);
    private static ulong H(int template, ulong a, ulong b, ulong c) => Mix(Mix(H(template, a), b), c);
    private static ulong H(int template, ulong a, ulong b, ulong c, ulong d) => Mix(Mix(Mix(H(template, a), b), c), d);

    private static ulong Mix(ulong h, ulong v)
    {
        h ^= v + 0x9E3779B97F4A7C15UL + (h << 6) + (h >> 2);
        return h * 0xFF51AFD7ED558CCDUL;
    }

    private static ulong Distance(int d) => d switch { <= 0 => 0, <= 4 => (ulong)d, <= 6 => 5, <= 9 => 6, _ => 7 };

    private static ulong Count(int c) => (ulong)Math.Min(c, 4);

    public static void Extract(ParserWord[] words, ArcEager state, List<ulong> f, Guide? guide = null)
    {
        f.Clear();
        var s0i = state.Stack(0);
        var s1i = state.Stack(1);
        var n0i = state.Buffer;
        var n = state.Length;
        ParserWord W(int i) => i < 0 ? ParserWord.None : i > n ? ParserWord.None : words[i];
        ulong Lab(int i) => i < 0 || i >= n || state.Heads[i] < 0 ? 99UL : (ulong)state.Labels[i];

        var s0 = W(s0i);
        var s1 = W(s1i);
        var n0 = W(n0i);
        var n1 = W(n0i + 1 <= n ? n0i + 1 : -1);
        var n2 = W(n0i + 2 <= n ? n0i + 2 : -1);
        var s0hI = s0i >= 0 && s0i < n ? state.Heads[s0i] : -1;
        var s0h = W(s0hI);
        var s0h2I = s0hI >= 0 && s0hI < n ? state.Heads[s0hI] : -1;
        var s0h2 = W(s0h2I);
        var s0lI = s0i >= 0 ? state.LeftChild[s0i] : -1;
        var s0rI = s0i >= 0 ? state.RightChild[s0i] : -1;
        var s0l2I = s0i >= 0 ? state.LeftChild2[s0i] : -1;
        var s0r2I = s0i >= 0 ? state.RightChild2[s0i] : -1;
        var n0lI = state.LeftChild[n0i];
        var n0l2I = state.LeftChild2[n0i];
        var (s0l, s0r, s0l2, s0r2, n0l, n0l2) = (W(s0lI), W(s0rI), W(s0l2I), W(s0r2I), W(n0lI), W(n0l2I));
        var (s0U, s1U, n0U, n1U) = ((ulong)s0.Upos, (ulong)s1.Upos, (ulong)n0.Upos, (ulong)n1.Upos);
        var d = s0i < 0 ? 0UL : Distance(n0i - s0i);
        var s0vl = s0i < 0 ? 0 : Count(state.LeftCount[s0i]);
        var s0vr = s0i < 0 ? 0 : Count(state.RightCount[s0i]);
        var n0vl = Count(state.LeftCount[n0i]);
        var s0sl = s0i < 0 ? 0 : state.LeftLabels[s0i];
        var s0sr = s0i < 0 ? 0 : state.RightLabels[s0i];
        var n0sl = state.LeftLabels[n0i];

        f.Add(H(0, 1));
        f.Add(H(1, s0.Form));
        f.Add(H(2, s0.Xpos));
        f.Add(H(3, s0.Form, s0.Xpos));
        f.Add(H(4, s0.Lemma));
        f.Add(H(5, s0U));
        f.Add(H(6, n0.Form));
        f.Add(H(7, n0.Xpos));
        f.Add(H(8, n0.Form, n0.Xpos));
        f.Add(H(9, n0.Lemma));
        f.Add(H(10, n0U));
        f.Add(H(11, n1.Form));
        f.Add(H(12, n1.Xpos));
        f.Add(H(13, n1.Form, n1.Xpos));
        f.Add(H(14, n2.Form));
        f.Add(H(15, n2.Xpos));

        f.Add(H(16, s0.Form, s0.Xpos, n0.Form, n0.Xpos));
        f.Add(H(17, s0.Form, s0.Xpos, n0.Form));
        f.Add(H(18, s0.Form, n0.Form, n0.Xpos));
        f.Add(H(19, s0.Form, s0.Xpos, n0.Xpos));
        f.Add(H(20, s0.Xpos, n0.Form, n0.Xpos));
        f.Add(H(21, s0.Form, n0.Form));
        f.Add(H(22, s0.Xpos, n0.Xpos));
        f.Add(H(23, n0.Xpos, n1.Xpos));

        f.Add(H(24, n0.Xpos, n1.Xpos, n2.Xpos));
        f.Add(H(25, s0.Xpos, n0.Xpos, n1.Xpos));
        f.Add(H(26, s0h.Xpos, s0.Xpos, n0.Xpos));
        f.Add(H(27, s0.Xpos, s0l.Xpos, n0.Xpos));
        f.Add(H(28, s0.Xpos, s0r.Xpos, n0.Xpos));
        f.Add(H(29, s0.Xpos, n0.Xpos, n0l.Xpos));

        f.Add(H(30, s0.Form, d));
        f.Add(H(31, s0.Xpos, d));
        f.Add(H(32, n0.Form, d));
        f.Add(H(33, n0.Xpos, d));
        f.Add(H(34, s0.Form, n0.Form, d));
        f.Add(H(35, s0.Xpos, n0.Xpos, d));

        f.Add(H(36, s0.Form, s0vr));
        f.Add(H(37, s0.Xpos, s0vr));
        f.Add(H(38, s0.Form, s0vl));
        f.Add(H(39, s0.Xpos, s0vl));
        f.Add(H(40, n0.Form, n0vl));
        f.Add(H(41, n0.Xpos, n0vl));

        f.Add(H(42, s0h.Form));
        f.Add(H(43, s0h.Xpos));
        f.Add(H(44, Lab(s0i)));
        f.Add(H(45, s0l.Form));
        f.Add(H(46, s0l.Xpos));
        f.Add(H(47, Lab(s0lI)));
        f.Add(H(48, s0r.Form));
        f.Add(H(49, s0r.Xpos));
        f.Add(H(50, Lab(s0rI)));
        f.Add(H(51, n0l.Form));
        f.Add(H(52, n0l.Xpos));
        f.Add(H(53, Lab(n0lI)));

        f.Add(H(54, s0h2.Form));
        f.Add(H(55, s0h2.Xpos));
        f.Add(H(56, Lab(s0hI)));
        f.Add(H(57, s0l2.Form));
        f.Add(H(58, s0l2.Xpos));
        f.Add(H(59, Lab(s0l2I)));
        f.Add(H(60, s0r2.Form));
        f.Add(H(61, s0r2.Xpos));
        f.Add(H(62, Lab(s0r2I)));
        f.Add(H(63, n0l2.Form));
        f.Add(H(64, n0l2.Xpos));
        f.Add(H(65, Lab(n0l2I)));
        f.Add(H(66, s0.Xpos, s0l.Xpos, s0l2.Xpos));
        f.Add(H(67, s0.Xpos, s0r.Xpos, s0r2.Xpos));
        f.Add(H(68, s0.Xpos, s0h.Xpos, s0h2.Xpos));
        f.Add(H(69, n0.Xpos, n0l.Xpos, n0l2.Xpos));

        f.Add(H(70, s0.Form, s0sr));
        f.Add(H(71, s0.Xpos, s0sr));
        f.Add(H(72, s0.Form, s0sl));
        f.Add(H(73, s0.Xpos, s0sl));
        f.Add(H(74, n0.Form, n0sl));
        f.Add(H(75, n0.Xpos, n0sl));

        // Lemmas, cases and agreement.
        f.Add(H(76, s0.Lemma, n0.Lemma));
        f.Add(H(77, s0.Lemma, n0U, n0.Case));
        f.Add(H(78, s0U, s0.Case, n0.Lemma));
        f.Add(H(79, s0U, s0.Case, n0U, n0.Case));
        var agree = (s0.Case == n0.Case ? 1UL : 0) | (s0.Gender == n0.Gender ? 2UL : 0) | (s0.Number == n0.Number ? 4UL : 0);
        f.Add(H(80, s0U, n0U, agree));
        f.Add(H(81, s0.Lemma, n0.Xpos));
        f.Add(H(82, s0.Xpos, n0.Lemma));
        f.Add(H(83, s1.Xpos, s0.Xpos, n0.Xpos));
        f.Add(H(84, s1U, s0U, n0U));
        f.Add(H(85, s1.Form));
        f.Add(H(86, s1.Xpos));
        f.Add(H(87, s0U, n0U, n1U));
        f.Add(H(88, s0U, n0U, d));
        f.Add(H(89, n0.Lemma, n1U, n1.Case));
        f.Add(H(90, s0.Lemma, n0.Case));
        f.Add(H(91, s0h.Upos == Upos.None ? 0UL : (ulong)s0h.Upos, s0U, n0U));
        f.Add(H(92, s0hI >= 0 ? 1UL : 0, s0U, n0U, n0.Case));
        var s1agree = (s1.Case == n0.Case ? 1UL : 0) | (s1.Gender == n0.Gender ? 2UL : 0) | (s1.Number == n0.Number ? 4UL : 0);
        f.Add(H(93, s1U, n0U, s1agree));
        f.Add(H(94, s0.Suffix, n0.Suffix));
        f.Add(Mix(H(95, s0U, s0.Case, n0U, n0.Case), d));
        f.Add(H(96, s0.Lemma, Lab(s0lI), n0U));
        // Valency with the preposition: a verb and a noun phrase beside it (`susitiko su` + instrumental), whichever
        // comes first; and the case of a noun beside its parsed head's part of speech (nmod under a noun, obl under a verb).
        f.Add(H(97, s0.Lemma, n0l.Lemma, n0.Case));
        f.Add(H(98, s0U, n0l.Lemma, n0.Case, Lab(n0lI)));
        f.Add(H(99, n0.Lemma, s0l.Lemma, s0.Case));
        f.Add(H(100, n0U, s0l.Lemma, s0.Case, Lab(s0lI)));
        f.Add(H(101, s0h.Upos == Upos.None ? 0UL : (ulong)s0h.Upos, s0.Case, n0U, n0.Case));
        if (guide is not null) AddGuide(guide, state, s0i, s1i, n0i, s0U, n0U, d, f);
    }

    /// <summary>
    /// Features from another tree of the same sentence (the native ALKSNIS annotation, when converting it to UD): how
    /// s0 and n0 (and s1, n1) relate in it — head, dependent, grandparent, sibling — with its labels, and where each
    /// word's head in it is now (on the stack, in the buffer, gone).
    /// </summary>
    private static void AddGuide(Guide g, ArcEager state, int s0, int s1, int n0, ulong s0U, ulong n0U, ulong d, List<ulong> f)
    {
        var n = state.Length;
        ulong Label(int i) => i < 0 ? 1UL : i >= n ? 2UL : g.Labels[i];
        int Head(int i) => i < 0 || i >= n ? -1 : g.Heads[i];
        (ulong Relation, ulong Middle) Relate(int x, int y)
        {
            if (x < 0 || y < 0) return (0, 0);
            if (Head(x) == y) return (1, 0);
            if (Head(y) == x) return (2, 0);
            if (Head(x) >= 0 && Head(Head(x)) == y) return (3, Label(Head(x)));
            if (Head(y) >= 0 && Head(Head(y)) == x) return (4, Label(Head(y)));
            if (Head(x) >= 0 && Head(x) == Head(y)) return (5, Label(Head(x)));
            if (Head(y) >= 0 && Head(x) >= 0 && Head(x) == Head(Head(y))) return (6, Label(Head(y)));
            if (Head(x) >= 0 && Head(y) >= 0 && Head(Head(x)) == Head(y)) return (7, Label(Head(x)));
            return (8, 0);
        }
        ulong Where(int i)
        {
            var h = Head(i);
            if (i < 0) return 0;
            if (h == n) return 1;
            if (h == s0) return 2;
            if (h == n0) return 3;
            if (h > n0) return 4;
            for (var k = 1; k < state.StackCount; k++)
                if (state.Stack(k) == h) return 5;
            return 6;
        }
        var (r, mid) = Relate(s0, n0);
        var (s0L, n0L) = (Label(s0), Label(n0));
        var (s0w, n0w) = (Where(s0), Where(n0));
        f.Add(H(200, r));
        f.Add(H(201, r, mid));
        f.Add(H(202, r, mid, s0L, n0L));
        f.Add(H(203, r, s0U, n0U));
        f.Add(H(204, Mix(H(204, r, s0L, n0L), s0U), n0U));
        f.Add(H(205, s0L, n0L));
        f.Add(H(206, s0L, s0U));
        f.Add(H(207, n0L, n0U));
        var (r1, mid1) = Relate(s1, n0);
        f.Add(H(208, r1, mid1, Label(s1), n0L));
        var n1 = n0 + 1 < n ? n0 + 1 : -1;
        var (r2, mid2) = Relate(s0, n1);
        f.Add(H(209, r2, mid2, s0L));
        f.Add(H(210, r, d));
        f.Add(H(211, n0w, n0L, n0U));
        f.Add(H(212, s0w, s0L, s0U));
        f.Add(H(213, r, n0w, s0w));
        f.Add(H(214, r, mid, n0w, s0w));
        f.Add(H(215, Label(Head(s0)), s0L, r));
        f.Add(H(216, Label(Head(n0)), n0L, r));
    }
}

/// <summary>Another tree of a sentence to guide parsing (native ALKSNIS heads and labels when converting it to UD).</summary>
/// <param name="Heads">Each word's head, the sentence length for the root.</param>
/// <param name="Labels">Each word's label, hashed.</param>
public sealed record Guide(int[] Heads, ulong[] Labels)
{
    public static Guide Of(Kronika.Core.IO.ConlluSentence sentence)
    {
        var n = sentence.Words.Count;
        return new Guide(
            sentence.Words.Select(w => int.TryParse(w.Head, out var h) && h > 0 && h <= n ? h - 1 : n).ToArray(),
            sentence.Words.Select(w => Kronika.Core.Learning.FeatureHash.Of(6, w.Deprel)).ToArray());
    }
}
