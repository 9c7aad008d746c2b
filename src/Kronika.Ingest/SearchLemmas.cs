using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Morphology;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>
/// Turns query text into the lemma keys the store indexes, with the same tagger that analyzed the articles: `Putino`
/// → `putinas`. A single word also matches every lemma the lexicon allows for it, so a word tagged differently in
/// isolation than in an article is still found.
/// </summary>
public sealed class SearchLemmas
{
    private readonly Pipeline _pipeline = LithuanianPipeline.Create();
    private readonly Lexicon _lexicon;

    public SearchLemmas() => _lexicon = _pipeline.Steps.OfType<MorphologicalTagger>().Single().Lexicon;

    /// <summary>Query text through the whole pipeline: lemmas, and the entities it names in their nominative form.</summary>
    public Document Analyze(string text) => Analyze(new Document(text.Trim()));

    public Document Analyze(Document doc, CancellationToken ct = default) => _pipeline.Process(doc, ct);

    /// <summary>The lemma key of each word of <paramref name="text"/>, punctuation left out.</summary>
    public string[] Lemmas(string text)
    {
        var doc = Analyze(text);
        var keys = new List<string>();
        for (var i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Token(i);
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol) continue;
            var key = StoredArticle.LemmaKey(t.Lemma ?? t.Text);
            if (key.Length > 0) keys.Add(key);
        }
        return [.. keys];
    }

    /// <summary>The lemmas the lexicon gives a word, in any letter case.</summary>
    public IEnumerable<string> Alternatives(string word) =>
        _lexicon.Analyze(word).Concat(_lexicon.Analyze(word.ToLowerInvariant()))
            .Select(a => StoredArticle.LemmaKey(a.Headword.Text)).Distinct();

    public QueryParser Parser() => new(Lemmas, Alternatives);
}
