using Kronika.Core.IO;
using Kronika.Core.Model;

namespace Kronika.Core.Evaluation;

/// <summary>Counts for one metric; precision, recall and F1 follow the CoNLL 2018 shared task.</summary>
public sealed record Metric(string Name, int Correct, int SystemCount, int GoldCount)
{
    public double Precision => SystemCount == 0 ? 0 : (double)Correct / SystemCount;
    public double Recall => GoldCount == 0 ? 0 : (double)Correct / GoldCount;
    public double F1 => SystemCount + GoldCount == 0 ? 0 : 2.0 * Correct / (SystemCount + GoldCount);
}

/// <summary>
/// Scores system documents against gold CoNLL-U the way the CoNLL 2018 evaluation script does: tokens and
/// sentences are aligned by their character spans over the text with whitespace removed, and tag columns are
/// scored on aligned tokens only.
/// </summary>
public sealed class ConlluEvaluator
{
    private int _tokensCorrect, _tokensSystem, _tokensGold;
    private int _sentCorrect, _sentSystem, _sentGold;
    private int _upos, _xpos, _feats, _lemma, _allTags, _propnLemma, _propnGold;
    private int _uas, _las;
    private bool _tagged, _parsed;

    public void Add(ConlluDocument gold, Document system)
    {
        var raw = gold.RawText();
        if (raw != system.Text)
            throw new ArgumentException($"document {gold.Id}: the system text differs from the gold text");
        var nonSpace = NonSpaceIndex(raw);

        var goldWords = gold.Sentences.SelectMany(s => s.Words).ToList();
        var goldSpans = GoldSpans(gold, nonSpace);
        var systemSpans = new (int Start, int End)[system.TokenCount];
        for (var i = 0; i < system.TokenCount; i++)
        {
            ref readonly var t = ref system.TokenAt(i);
            systemSpans[i] = (nonSpace[t.Start], nonSpace[t.End - 1] + 1);
        }

        _tokensGold += goldSpans.Count;
        _propnGold += goldWords.Count(w => w.Upos == "PROPN");
        _tokensSystem += systemSpans.Length;
        _tagged |= (system.Layers & Layers.Morphology) != 0;
        var parsed = (system.Layers & Layers.Syntax) != 0;
        _parsed |= parsed;

        // Both span lists are sorted and non-overlapping, so one merge pass aligns them.
        var aligned = new int[system.TokenCount];
        Array.Fill(aligned, -1);
        int g = 0, s = 0;
        while (g < goldSpans.Count && s < systemSpans.Length)
        {
            if (goldSpans[g] == systemSpans[s])
            {
                _tokensCorrect++;
                ScoreTags(goldWords[g], system.Token(s));
                aligned[s] = g;
                g++;
                s++;
            }
            else if (goldSpans[g].End <= systemSpans[s].End) g++;
            else s++;
        }
        if (parsed) ScoreArcs(gold, system, aligned);

        var goldSentences = new HashSet<(int, int)>();
        var wordIndex = 0;
        foreach (var sentence in gold.Sentences)
        {
            if (sentence.Words.Count == 0) continue;
            goldSentences.Add((goldSpans[wordIndex].Start, goldSpans[wordIndex + sentence.Words.Count - 1].End));
            wordIndex += sentence.Words.Count;
        }
        _sentGold += goldSentences.Count;
        foreach (var sentence in system.SentenceTable)
        {
            _sentSystem++;
            var span = (systemSpans[sentence.FirstToken].Start, systemSpans[sentence.FirstToken + sentence.TokenCount - 1].End);
            if (goldSentences.Contains(span)) _sentCorrect++;
        }
    }

    private void ScoreTags(ConlluWord gold, Token system)
    {
        var upos = gold.Upos == (system.Upos == Upos.None ? "_" : system.Upos.ToString());
        var xpos = gold.Xpos == (system.Xpos ?? "_");
        var feats = gold.Feats == (system.Feats ?? "_");
        var lemma = gold.Lemma == (system.Lemma ?? "_");
        if (upos) _upos++;
        if (xpos) _xpos++;
        if (feats) _feats++;
        if (lemma) _lemma++;
        if (upos && xpos && feats) _allTags++;
        if (lemma && gold.Upos == "PROPN") _propnLemma++;
    }

    /// <summary>
    /// UAS and LAS as the CoNLL 2018 script counts them: an aligned word's head is right when the system head is
    /// aligned to the gold head (or both are the root); its label too when the universal parts of the relations
    /// (`obl:arg` → `obl`) are equal.
    /// </summary>
    private void ScoreArcs(ConlluDocument gold, Document system, int[] aligned)
    {
        var goldHeads = new List<(int Head, string Deprel)>();
        foreach (var sentence in gold.Sentences)
        {
            var first = goldHeads.Count;
            foreach (var w in sentence.Words)
                goldHeads.Add((int.TryParse(w.Head, out var h) && h > 0 ? first + h - 1 : -1, w.Deprel));
        }
        for (var s = 0; s < aligned.Length; s++)
        {
            var g = aligned[s];
            if (g < 0) continue;
            var t = system.Token(s);
            var head = t.HeadIndex < 0 ? -1 : aligned[t.HeadIndex];
            if (head == -1 && t.HeadIndex >= 0) continue; // the system head is not a gold word
            if (head != goldHeads[g].Head) continue;
            _uas++;
            if (Universal(t.Deprel) == Universal(goldHeads[g].Deprel)) _las++;
        }
    }

    private static string Universal(string? relation)
    {
        if (relation is null) return "";
        var colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation[..colon];
    }

    public IReadOnlyList<Metric> Results()
    {
        var list = new List<Metric>
        {
            new("Tokens", _tokensCorrect, _tokensSystem, _tokensGold),
            new("Sentences", _sentCorrect, _sentSystem, _sentGold),
        };
        if (_tagged)
        {
            list.Add(new("UPOS", _upos, _tokensSystem, _tokensGold));
            list.Add(new("XPOS", _xpos, _tokensSystem, _tokensGold));
            list.Add(new("UFeats", _feats, _tokensSystem, _tokensGold));
            list.Add(new("AllTags", _allTags, _tokensSystem, _tokensGold));
            list.Add(new("Lemmas", _lemma, _tokensSystem, _tokensGold));
            // Of the gold proper nouns, how many got the right lemma (recall; names matter most in news).
            list.Add(new("PROPN lemma", _propnLemma, _propnGold, _propnGold));
        }
        if (_parsed)
        {
            list.Add(new("UAS", _uas, _tokensSystem, _tokensGold));
            list.Add(new("LAS", _las, _tokensSystem, _tokensGold));
        }
        return list;
    }

    /// <summary>Maps each character of the text to its index among the non-whitespace characters.</summary>
    private static int[] NonSpaceIndex(string text)
    {
        var map = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            map[i] = n;
            if (!char.IsWhiteSpace(text[i])) n++;
        }
        return map;
    }

    private static List<(int Start, int End)> GoldSpans(ConlluDocument gold, int[] nonSpace)
    {
        var spans = new List<(int, int)>();
        var doc = gold.ToDocument();
        for (var i = 0; i < doc.TokenCount; i++)
        {
            ref readonly var t = ref doc.TokenAt(i);
            spans.Add((nonSpace[t.Start], nonSpace[t.End - 1] + 1));
        }
        return spans;
    }
}
