using Kronika.Core.Model;

namespace Kronika.Lithuanian.Attribution;

public sealed partial class AttributionFinder
{
    /// <summary>How deep below the top of the open marks a closing mark looks for its partner; marks further down stay unmatched.</summary>
    private const int MatchDepth = 3;

    /// <summary>A quote holds speech when it has a verb or at least this many words (`šiltoje, draugiškoje atmosferoje`).</summary>
    private const int QuoteWords = 3;

    /// <summary>
    /// Pairs quote marks within each paragraph — `„…“` (also closed by `”`), `“…”`, `«…»` and straight `"…"` —
    /// keeps the outermost pairs, and marks each as a direct quote (speech: a verb or three words, not a name the
    /// entity layer took) or as a quoted name, one unit with its marks (`bendrovė „Ignitis“`). Unmatched marks are
    /// left alone. Linear in the number of marks.
    /// </summary>
    private static void PairQuotes(Work w)
    {
        var open = new List<(int Token, char Mark)>();
        var pairs = new List<(int Open, int Close)>();
        for (var t = 0; t < w.Count; t++)
        {
            ref readonly var d = ref w.Doc.TokenAt(t);
            if ((d.Flags & TokenFlags.ParagraphStart) != 0) open.Clear();
            if (d.Kind != TokenKind.Punctuation || d.Length != 1) continue;
            switch (w.Doc.Text[d.Start])
            {
                case '„' or '«':
                    open.Add((t, w.Doc.Text[d.Start]));
                    break;
                case '“':
                    // Lithuanian closing mark, or an English opening one.
                    if (!Close(open, pairs, t, '„', '„')) open.Add((t, '“'));
                    break;
                case '”':
                    Close(open, pairs, t, '“', '„');
                    break;
                case '»':
                    Close(open, pairs, t, '«', '«');
                    break;
                case '"':
                    if (!Close(open, pairs, t, '"', '"')) open.Add((t, '"'));
                    break;
            }
        }
        // Pairs close inner first; by their openings the outermost come first, and whatever lies inside one is dropped.
        pairs.Sort((a, b) => a.Open.CompareTo(b.Open));
        var end = -1;
        foreach (var (o, c) in pairs)
        {
            if (o <= end) continue;
            end = c;
            Classify(w, o, c);
        }
    }

    private static bool Close(List<(int Token, char Mark)> open, List<(int Open, int Close)> pairs, int t, char mark, char other)
    {
        for (var k = open.Count - 1; k >= 0 && k >= open.Count - MatchDepth; k--)
        {
            if (open[k].Mark != mark && open[k].Mark != other) continue;
            pairs.Add((open[k].Token, t));
            open.RemoveRange(k, open.Count - k);
            return true;
        }
        return false;
    }

    private static void Classify(Work w, int o, int c)
    {
        if (c - o < 2) return;
        var mention = w.EntityOf[o + 1];
        if (mention >= 0 && w.Doc.Entities[mention].Start == w.Start(o + 1) && w.Doc.Entities[mention].End == w.End(c - 1))
        {
            for (var k = o; k <= c; k++) (w.EntityOf[k], w.UnitFirst[k], w.UnitLast[k]) = (mention, o, c);
            return;
        }
        var wordCount = 0;
        var verb = false;
        for (var k = o + 1; k < c; k++)
        {
            if (w.Kind(k) is TokenKind.Word or TokenKind.Number) wordCount++;
            verb |= w.Pos(k) is Upos.VERB or Upos.AUX;
        }
        if (!verb && wordCount < QuoteWords) return;
        var index = w.Quotes.Count;
        w.Quotes.Add((o, c));
        for (var k = o; k <= c; k++) (w.QuoteOf[k], w.UnitFirst[k], w.UnitLast[k]) = (index, o, c);
    }

    /// <summary>
    /// Each direct quote's speaker: the source of the innermost cue of its sentences whose scope holds the quote's
    /// first or last mark — a verb it is the object of (`patvirtino „…“`), a verb whose `kad` clause holds it, a verb
    /// before a colon (`pridūrė: „…“`), else a reporting tail or marker over the whole sentence (`„…“, – sakė X`,
    /// `…, informavo KCNA`, `pasak X`). On a tie a verb wins over a marker (`„…“, – anot Kremliaus, pareiškė V.
    /// Putinas`). With no cue, or a cue whose source names no entity, the speaker is null.
    /// </summary>
    private static void DirectQuotes(Work w, List<Quote> quotes)
    {
        var firstCue = 0;
        foreach (var (o, c) in w.Quotes)
        {
            var fromSentence = w.SentenceOf(o);
            var toSentence = w.SentenceOf(c);
            while (firstCue < w.Cues.Count && w.Cues[firstCue].Sentence < fromSentence) firstCue++;
            Cue? best = null;
            // One sentence further: `„…?“ – sakė X` may be split after the quote (ResolveVerb widens that tail's scope).
            for (var k = firstCue; k < w.Cues.Count && w.Cues[k].Sentence <= toSentence + 1; k++)
            {
                var cue = w.Cues[k];
                if (cue.Kind == CueKind.Hedge || !(InScope(cue, o) || InScope(cue, c))) continue;
                if (best is null || Better(cue, best, o)) best = cue;
            }
            quotes.Add(best is null
                ? new Quote(w.Start(o + 1), w.End(c - 1), null, Direct: true)
                : new Quote(w.Start(o + 1), w.End(c - 1), best.Source, Direct: true, w.Start(best.First), w.End(best.Last)));
        }
    }

    private static bool InScope(Cue cue, int t) => t >= cue.ScopeFirst && t <= cue.ScopeLast;

    /// <summary>The narrower scope, then a verb over a marker, then the nearer cue.</summary>
    private static bool Better(Cue cue, Cue than, int quote)
    {
        var a = cue.ScopeLast - cue.ScopeFirst;
        var b = than.ScopeLast - than.ScopeFirst;
        if (a != b) return a < b;
        if ((cue.Kind == CueKind.Verb) != (than.Kind == CueKind.Verb)) return cue.Kind == CueKind.Verb;
        return Math.Abs(cue.First - quote) < Math.Abs(than.First - quote);
    }
}
