using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// Fills each token's lemma, UPOS, XPOS (Jablonskis tag) and UD features, sentence by sentence, with the trained
/// morphology model and the lexicon.
/// </summary>
public sealed class MorphologicalTagger(MorphologyModel model, Lexicon lexicon) : IPipelineStep
{
    public string Name => "morphology";
    public Layers Requires => Layers.Tokens | Layers.Sentences;
    public Layers Provides => Layers.Morphology;

    public void Process(Document doc, CancellationToken ct = default)
    {
        var profiler = new WordProfiler(lexicon);
        // Word profiles (lexicon analyses) are the costly part; a document repeats its words, so compute each once.
        var profiles = new Dictionary<string, WordProfile>(StringComparer.Ordinal);
        var vocabulary = doc.Vocabulary;
        var forms = new List<string>();
        var sentenceProfiles = new List<WordProfile>();
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            forms.Clear();
            sentenceProfiles.Clear();
            for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                var form = doc.Token(i).Text;
                forms.Add(form);
                if (!profiles.TryGetValue(form, out var profile)) profiles[form] = profile = profiler.Profile(form);
                sentenceProfiles.Add(profile);
            }
            var readings = model.Read(sentenceProfiles, forms, lexicon);
            for (var i = 0; i < readings.Length; i++)
            {
                ref var token = ref doc.TokenAt(sentence.FirstToken + i);
                var r = readings[i];
                token.Lemma = vocabulary.Intern(r.Lemma);
                token.Xpos = vocabulary.Intern(r.Xpos);
                token.Feats = vocabulary.Intern(r.Feats == "_" ? "" : r.Feats);
                token.Upos = r.Upos;
            }
        }
    }
}
