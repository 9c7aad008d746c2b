using Kronika.Core.Pipeline;
using Kronika.Lithuanian.Sentences;
using Kronika.Lithuanian.Tokenization;

namespace Kronika.Lithuanian;

/// <summary>The one place the Lithuanian steps are built and chained, in order.</summary>
public static class LithuanianPipeline
{
    public static Pipeline Create()
    {
        var abbreviations = Abbreviations.Load();
        return new Pipeline(
        [
            new Tokenizer(abbreviations),
            new SentenceSplitter(abbreviations, SentenceSplitter.LoadSentenceStarters()),
        ]);
    }
}
