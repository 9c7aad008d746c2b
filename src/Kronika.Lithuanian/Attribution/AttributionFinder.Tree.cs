using Kronika.Core.Model;

namespace Kronika.Lithuanian.Attribution;

public sealed partial class AttributionFinder
{
    /// <summary>
    /// The subject of a speech verb read off the parse, when the document has one: the verb's nominative `nsubj` (not
    /// a quoted phrase, not a channel beside a verb of saying), or that of the verb it is coordinated with (`X atvyko
    /// ir pareiškė`). It reaches subjects the window scan does not: past a long parenthesis or a participle phrase
    /// (`X, … ilgai dirbęs …, teigė`). A pronoun or role noun is resolved later, through References, like any subject.
    /// </summary>
    private static Candidate TreeSubject(Work w, int verb, int first, int last)
    {
        if ((w.Doc.Layers & Layers.Syntax) == 0) return default;
        var token = w.Doc.Token(verb);
        for (var steps = 0; steps < 4; steps++)
        {
            foreach (var child in token.Children())
            {
                var s = child.Index;
                if (!child.Is("nsubj") || child.Child("case") is not null || s < first || s > last || w.QuoteOf[s] >= 0) continue;
                var u = w.UnitFirst[s];
                if (AfterPreposition(w, u, first)) continue;
                var tier = SeedTier(w, u);
                if (tier > 0) return Phrase(w, u, w.UnitLast[s], first, last, tier);
            }
            if (!token.Is("conj") || token.Head is not { } head) break;
            token = head;
        }
        return default;
    }
}
