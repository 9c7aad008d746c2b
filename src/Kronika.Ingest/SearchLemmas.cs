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
/// Nothing is loaded until it is needed: a query reads the table of query words' lemmas (<see cref="QueryLemmas"/>), a
/// word the table lacks loads the tokenizer and the tagger (its model and the lexicon), and only
/// <see cref="Analyze(string)"/> — a name the store does not know as written, the API's analyze and ingest — loads the
/// later steps. A command that asks no question of the language (`events --actor Q159`) loads no model at all.
/// </summary>
public sealed class SearchLemmas
{
    private readonly Lazy<Pipeline> _tagging = new(() => LithuanianPipeline.Create(Layers.Morphology));
    private readonly Lazy<Pipeline> _whole = new(() => LithuanianPipeline.Create());

    /// <summary>The table of query words' lemmas (<see cref="QueryLemmas"/>): a word in it needs no tagger.</summary>
    private static readonly Lazy<QueryLemmas> Table = new(QueryLemmas.Load);

    private Lexicon Lexicon => _tagging.Value.Steps.OfType<MorphologicalTagger>().Single().Lexicon;

    /// <summary>Query text through the whole pipeline: lemmas, and the entities it names in their nominative form.</summary>
    public Document Analyze(string text) => Analyze(new Document(text.Trim()));

    public Document Analyze(Document doc, CancellationToken ct = default) => _whole.Value.Process(doc, ct);

    /// <summary>The lemma key of each word of <paramref name="text"/>, punctuation left out: from the table when it has
    /// the text, else from the tagger (the same keys: a test compares them).</summary>
    public string[] Lemmas(string text) => Table.Value.Find(text.Trim()) is { } known ? known.Lemmas : Tagged(text);

    /// <summary>The lemma key of each word of <paramref name="text"/> as the tagger reads it, punctuation left out.</summary>
    public string[] Tagged(string text)
    {
        var doc = _tagging.Value.Process(new Document(text.Trim()));
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

    /// <summary>The lemmas the lexicon gives a word, in any letter case: from the table when it has the word.</summary>
    public IEnumerable<string> Alternatives(string word) => Table.Value.Find(word) is { } known ? known.Alternatives : LexiconAlternatives(word);

    /// <summary>The lemmas the lexicon gives a word, in any letter case, looked up in the lexicon.</summary>
    public string[] LexiconAlternatives(string word) =>
        [.. Lexicon.Analyze(word).Concat(Lexicon.Analyze(word.ToLowerInvariant())).Select(a => StoredArticle.LemmaKey(a.Headword.Text)).Distinct()];

    public QueryParser Parser() => new(Lemmas, Alternatives);
}
