using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// Fills each token's head and UD dependency relation, sentence by sentence, with the trained arc-eager parser
/// (<see cref="DependencyModel"/>) reading the words, lemmas and tags the morphology step gave.
/// </summary>
public sealed class DependencyParser(DependencyModel model) : IPipelineStep
{
    public string Name => "syntax";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology;
    public Layers Provides => Layers.Syntax;

    public DependencyModel Model => model;

    public void Process(Document doc, CancellationToken ct = default)
    {
        var longest = 0;
        foreach (var s in doc.SentenceTable) longest = Math.Max(longest, s.TokenCount);
        var state = new ArcEager(longest);
        var words = new ParserWord[longest + 1];
        var features = new List<ulong>(128);
        var scores = new float[model.ActionCount];
        var beam = model.NewBeam(longest);
        var heads = new int[longest];
        var labels = new int[longest];
        var relations = model.Labels.Select(l => doc.Vocabulary.Intern(l)).ToArray();
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            var n = sentence.TokenCount;
            for (var i = 0; i < n; i++)
            {
                var t = doc.Token(sentence.FirstToken + i);
                words[i] = ParserWord.Of(t.Span, t.Lemma, t.Xpos, t.Upos, t.Morph);
            }
            words[n] = ParserWord.Root;
            model.Parse(words, n, state, features, scores, heads, labels, beam: beam);
            for (var i = 0; i < n; i++)
            {
                ref var token = ref doc.TokenAt(sentence.FirstToken + i);
                token.Head = heads[i] < 0 ? -1 : sentence.FirstToken + heads[i];
                token.Deprel = relations[labels[i]];
            }
        }
    }
}
