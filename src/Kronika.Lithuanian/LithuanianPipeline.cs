using Kronika.Core.Pipeline;
using Kronika.Lithuanian.Morphology;
using Kronika.Lithuanian.Sentences;
using Kronika.Lithuanian.Tokenization;

namespace Kronika.Lithuanian;

/// <summary>The one place the Lithuanian steps are built and chained, in order.</summary>
public static class LithuanianPipeline
{
    public const string LexiconResource = "Models/lexicon.bin.gz";
    public const string MorphologyResource = "Models/morphology.bin.gz";

    public static Pipeline Create()
    {
        var abbreviations = Abbreviations.Load();
        var lexicon = LoadLexicon();
        return new Pipeline(
        [
            new Tokenizer(abbreviations),
            new SentenceSplitter(abbreviations, SentenceSplitter.LoadSentenceStarters()),
            new MorphologicalTagger(LoadMorphology(), lexicon),
        ]);
    }

    public static Lexicon LoadLexicon()
    {
        using var stream = Resources.Open(LexiconResource);
        return Lexicon.Load(stream);
    }

    public static MorphologyModel LoadMorphology()
    {
        using var stream = Resources.Open(MorphologyResource);
        return MorphologyModel.Load(stream);
    }
}
