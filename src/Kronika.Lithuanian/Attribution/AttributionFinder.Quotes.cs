using Kronika.Core.Model;

namespace Kronika.Lithuanian.Attribution;

public sealed partial class AttributionFinder
{
    /// <summary>How deep below the top of the open marks a closing mark looks for its partner; marks further down stay unmatched.</summary>
    private const int MatchDepth = 3;

    /// <summary>How many paragraph breaks one quote may run over.</summary>
    private const int MaxQuoteParagraphs = 8;

    /// <summary>A quote holds speech when it has a verb or at least this many words (`šiltoje, draugiškoje atmosferoje`).</summary>
    private const int QuoteWords = 3;

    /// <summary>
    /// Pairs quote marks within each paragraph — `„…“` (also closed by `”`), `“…”`, `«…»` and straight `"…"` —
    /// keeps the outermost pairs, and marks each as a direct quote (speech: a verb or three words, not a name the
    /// entity layer took) or as a quoted name, one unit with its marks (`bendrovė „Ignitis“`). Unmatched marks are
    /// left alone. Linear in the number of marks.
    /// </summary>
    private void PairQuotes(Work w)
    {
        var open = new List<(int Token, char Mark)>();
        var pairs = new List<(int Open, int Close)>();
        var carried = 0;
        for (var t = 0; t < w.Count; t++)
        {
            ref readonly var d = ref w.Doc.TokenAt(t);
            var paragraphStart = (d.Flags & TokenFlags.ParagraphStart) != 0;
            if (paragraphStart)
            {
                // A quote may run over paragraphs: one Lithuanian opening mark left open is carried on (a few paragraphs
                // at most); anything else left open is dropped.
                var keep = open.Count == 1 && open[0].Mark is '„' or '“' && carried < MaxQuoteParagraphs;
                if (keep) carried++;
                else { open.Clear(); carried = 0; }
            }
            if (d.Kind != TokenKind.Punctuation || d.Length != 1) continue;
            switch (w.Doc.Text[d.Start])
            {
                case '„' or '«':
                    // A paragraph that opens again a quote carried from the one before continues it (`„…¶„…“`).
                    if (paragraphStart && carried > 0) break;
                    open.Add((t, w.Doc.Text[d.Start]));
                    break;
                case '“':
                    // Lithuanian closing mark, or an English opening one.
                    if (Close(open, pairs, t, '„', '„'))
                    {
                        carried = 0;
                        // `„… Pabrėžiu: „…!“ – rašo X.`: one mark closes a quote inside a quote and the quote around it
                        // when the article's reporting tail follows it.
                        if (open.Count > 0 && open[^1].Mark == '„' && TailFollows(w, t))
                        {
                            pairs.Add((open[^1].Token, t));
                            open.RemoveAt(open.Count - 1);
                        }
                    }
                    else open.Add((t, '“'));
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

    private void Classify(Work w, int o, int c)
    {
        if (c - o < 2) return;
        var mention = w.EntityOf[o + 1];
        if (mention >= 0 && w.Doc.Entities[mention].Start == w.Start(o + 1) && w.Doc.Entities[mention].End == w.End(c - 1))
        {
            for (var k = o; k <= c; k++) (w.EntityOf[k], w.UnitFirst[k], w.UnitLast[k]) = (mention, o, c);
            return;
        }
        // `UAB „Vakarų medienos grupė“`, `filmas „…“`: a name after its kind, not speech; one unit with its marks.
        if (o > 0 && w.Kind(o - 1) == TokenKind.Word && w.Lemma(o - 1) is { } kind && words.IsNameTrigger(kind))
        {
            for (var k = o; k <= c; k++) (w.UnitFirst[k], w.UnitLast[k]) = (o, c);
            return;
        }
        var wordCount = 0;
        var verb = false;
        for (var k = o + 1; k < c; k++)
        {
            if (w.Kind(k) is TokenKind.Word or TokenKind.Number) wordCount++;
            verb |= w.Pos(k) is Upos.VERB or Upos.AUX;
        }
        // Short words are a quote when the article's reporting tail follows (`„Aljansas stiprus“, – sakė X`).
        if (!verb && wordCount < QuoteWords && !(wordCount > 1 && TailFollows(w, c))) return;
        if (Interruption(w, o, c) is var (pause, resume) && pause > o + 1)
        {
            // `„Pirma dalis, – sakė X. – Antra dalis.“`: two quotes, the words between them the article's own.
            AddQuote(w, o, pause, o, pause - 1, continues: false);
            AddQuote(w, resume, c, resume, c, continues: true);
            return;
        }
        AddQuote(w, o, c, o, c, continues: false);
    }

    /// <summary>`„…“, – sakė`, `„…“ – rašė`: a dash and a verb (with a channel or adverb before it) right after the closing mark.</summary>
    private static bool TailFollows(Work w, int close)
    {
        var t = close + 1;
        if (t < w.Count && w.Form(t) is ",") t++;
        if (t >= w.Count || !w.IsDash(t)) return false;
        for (var k = t + 1; k < w.Count && k <= t + 3; k++)
        {
            if (w.Pos(k) == Upos.VERB) return true;
            if (w.Kind(k) != TokenKind.Word) return false;
        }
        return false;
    }

    /// <summary>A quote whose words lie between <paramref name="open"/> and <paramref name="close"/>; its marks and words are one unit.</summary>
    private static void AddQuote(Work w, int open, int close, int unitFirst, int unitLast, bool continues)
    {
        var index = w.Quotes.Count;
        w.Quotes.Add((open, close));
        w.Continues.Add(continues);
        for (var k = unitFirst; k <= unitLast; k++) (w.QuoteOf[k], w.UnitFirst[k], w.UnitLast[k]) = (index, unitFirst, unitLast);
    }

    /// <summary>
    /// Where the article interrupts a quote to say who speaks (`„…, – sakė X. – …“`): the comma (or `?`, `!`) before
    /// the first dash, and the dash after which the quote resumes (after a period or comma, or opening a paragraph),
    /// with a reporting verb between them. Null when the quote is not interrupted.
    /// </summary>
    private (int Pause, int Resume)? Interruption(Work w, int o, int c)
    {
        for (var k = o + 2; k + 1 < c; k++)
        {
            if (!w.IsDash(k) || w.Form(k - 1) is not ("," or "?" or "!" or "…")) continue;
            var verb = false;
            for (var j = k + 1; j < c; j++)
            {
                // Any verb: the words between the dashes are the article's (`– įsitikinęs direktorius X. –`).
                if (w.Kind(j) == TokenKind.Word && w.Pos(j) == Upos.VERB && (w.Morph(j).VerbForm == VerbForm.Fin || w.Morph(j).VerbForm == VerbForm.Part)) verb = true;
                if (w.IsDash(j) && j > k + 1 && (w.Form(j - 1) is "." or "," || (w.Doc.TokenAt(j).Flags & TokenFlags.ParagraphStart) != 0))
                    return verb && j + 1 < c ? (k - 1, j) : null;
            }
            return null;
        }
        return null;
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
        Cue? previous = null;
        for (var q = 0; q < w.Quotes.Count; q++)
        {
            var (o, c) = w.Quotes[q];
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
            // The second part of an interrupted quote has the first part's speaker.
            if (best is null && w.Continues[q]) best = previous;
            previous = best;
            if (best is null && ColonSpeaker(w, o) is { } speaker)
            {
                quotes.Add(new Quote(w.Start(o + 1), w.End(c - 1), speaker, Direct: true));
                continue;
            }
            quotes.Add(best is null
                ? new Quote(w.Start(o + 1), w.End(c - 1), null, Direct: true)
                : new Quote(w.Start(o + 1), w.End(c - 1), best.Source, Direct: true, w.Start(best.First), w.End(best.Last)));
        }
    }

    /// <summary>
    /// `G. Nausėda: „…“`, `Premjerė: „…“`: a person or body (a name in the nominative or caseless, or a word the
    /// References layer points at a person) alone before a colon that opens the quote — at the start of its sentence
    /// or after a dash — is its speaker. Null otherwise.
    /// </summary>
    private static int? ColonSpeaker(Work w, int open)
    {
        if (open < 2 || w.Form(open - 1) is not ":") return null;
        var last = open - 2;
        var first = w.UnitFirst[last];
        if (first > 0 && !(w.SentenceFirst(w.SentenceOf(first)) == first || w.IsDash(first - 1))) return null;
        if (w.EntityOf[last] >= 0)
        {
            var m = w.EntityOf[last];
            var entity = w.Doc.Entities[m];
            return entity.Type is "PER" or "ORG" && w.MentionCase[m] is NameCase.Nominative or NameCase.Caseless && !w.IsChannel[m] ? entity.Id : null;
        }
        return w.RefOf[last] >= 0 && w.CaseOf(last) == Case.Nom ? w.RefOf[last] : null;
    }

    private static bool InScope(Cue cue, int t) => t >= cue.ScopeFirst && t <= cue.ScopeLast;

    /// <summary>The narrower scope, then a cue with a source, then a verb over a marker, then the nearer cue.</summary>
    private static bool Better(Cue cue, Cue than, int quote)
    {
        var a = cue.ScopeLast - cue.ScopeFirst;
        var b = than.ScopeLast - than.ScopeFirst;
        if (a != b) return a < b;
        // `„…“, – paklausta, apie ką kalbėjo, atsakė X`: a cue that names its source over one that names nobody.
        var named = cue.Source is not null || cue.SourceText is not null;
        if (named != (than.Source is not null || than.SourceText is not null)) return named;
        if ((cue.Kind == CueKind.Verb) != (than.Kind == CueKind.Verb)) return cue.Kind == CueKind.Verb;
        return Math.Abs(cue.First - quote) < Math.Abs(than.First - quote);
    }
}
