using Kronika.Core.IO;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// Converts native ALKSNIS trees (Prague-style: prepositions and conjunctions head their phrases, labels `Sub`,
/// `Obj`, `AuxP`, `Coord`…) to UD by learning the mapping from the sentences both annotations share: a parser guided
/// by the native tree (<see cref="Guide"/>: its arcs, labels and paths between the words being attached) is trained on
/// the shared sentences to produce their UD trees, then run over the native-only sentences. The native file's own
/// tags are used throughout (its forms, lemmas and XPOS are UD's; its FEATS give case, gender and number alike).
/// </summary>
public static class NativeConversion
{
    /// <summary>The native sentences with the same sent_id and words as the UD ones, paired with them.</summary>
    public static List<(ConlluSentence Ud, ConlluSentence Native)> Shared(IReadOnlyList<ConlluSentence> ud, IReadOnlyList<ConlluSentence> native)
    {
        var byId = native.Where(s => s.SentId is not null).GroupBy(s => s.SentId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return ud.Where(s => s.SentId is not null && byId.TryGetValue(s.SentId, out var n) && n.Words.Count == s.Words.Count
                && s.Words.Zip(n.Words).All(p => p.First.Form == p.Second.Form))
            .Select(s => (s, byId[s.SentId!])).ToList();
    }

    /// <summary>A shared sentence as guided training material: native tags and tree in, UD tree out.</summary>
    public static ParsedSentence Pair(ConlluSentence ud, ConlluSentence native, int index) =>
        SyntaxCorpus.Parsed(ud, SyntaxCorpus.GoldWords(native), index) with { Guide = Guide.Of(native) };

    /// <summary>
    /// Trains the converter on the shared sentences; first, to report how faithful it is, on all but every
    /// <paramref name="heldOutEvery"/>-th of them, scored on those.
    /// </summary>
    public static DependencyModel Train(IReadOnlyList<(ConlluSentence Ud, ConlluSentence Native)> shared, SyntaxTrainingOptions options, TextWriter log, int heldOutEvery = 6)
    {
        var pairs = shared.Select((p, i) => Pair(p.Ud, p.Native, i)).ToList();
        var trial = SyntaxTrainer.Train(pairs.Where((_, i) => i % heldOutEvery != 0).ToList(), options, TextWriter.Null).WithoutConventions();
        var (uas, las, _) = SyntaxScore.Of(trial, pairs.Where((_, i) => i % heldOutEvery == 0).ToList());
        log.WriteLine($"native → UD conversion on held-out shared sentences: UAS {uas:F2}, LAS {las:F2}");
        // Without the rules after parsing: the converted trees join UD train, whose conventions they keep.
        return SyntaxTrainer.Train(pairs, options, TextWriter.Null).WithoutConventions();
    }

    /// <summary>The UD heads (-1 root) and relations the converter gives a native sentence.</summary>
    public static (int[] Heads, string[] Relations) Convert(DependencyModel converter, ConlluSentence native)
    {
        var n = native.Words.Count;
        var words = SyntaxCorpus.GoldWords(native).Append(ParserWord.Root).ToArray();
        var heads = new int[n];
        var labels = new int[n];
        converter.Parse(words, n, new ArcEager(n), new List<ulong>(160), new float[converter.ActionCount], heads, labels, Guide.Of(native));
        return (heads, labels.Select(l => converter.Labels[l]).ToArray());
    }

    /// <summary>A native sentence with the converted UD tree in its HEAD and DEPREL columns.</summary>
    public static ConlluSentence Converted(DependencyModel converter, ConlluSentence native)
    {
        var (heads, relations) = Convert(converter, native);
        var result = new ConlluSentence { SentId = native.SentId, Text = native.Text };
        for (var i = 0; i < heads.Length; i++)
            result.Words.Add(native.Words[i] with { Head = (heads[i] + 1).ToString(), Deprel = relations[i] });
        return result;
    }
}
