using Kronika.Lithuanian.Morphology;
using Kronika.Store;

namespace Kronika.Ingest.Tests;

/// <summary>The table of query words' lemmas gives what the tagger and the lexicon give, word for word.</summary>
public sealed class QueryLemmaTableTests
{
    private static readonly Lazy<QueryLemmas> Table = new(QueryLemmas.Load);
    private static readonly SearchLemmas Lemmas = new();

    [Fact]
    public void QueryTable_WasMadeWithTheShippedModels()
    {
        Assert.True(Table.Value.Header == "# " + QueryLemmaTable.Header(),
            $"{QueryLemmas.Resource} was made with other models ({Table.Value.Header}); remake it with `kronika train query-lemmas`");
    }

    [Fact]
    public void QueryTable_HoldsExactlyTheWordsOfItsList()
    {
        Assert.Equal(QueryLemmaTable.Words(), Table.Value.Entries().Select(e => e.Text));
    }

    [Fact]
    public void QueryTable_GivesEveryWordTheLemmasOfTheTaggerAndTheLexicon()
    {
        var wrong = Table.Value.Entries()
            .Where(e => !e.Lemmas.SequenceEqual(Lemmas.Tagged(e.Text)) || (!e.Text.Contains(' ') && !e.Alternatives.SequenceEqual(Lemmas.LexiconAlternatives(e.Text))))
            .Select(e => e.Text).Take(20).ToList();
        Assert.True(wrong.Count == 0, $"the table differs from the tagger for {string.Join(", ", wrong)}; remake it with `kronika train query-lemmas`");
        Assert.True(Table.Value.Count > 10_000);
    }

    /// <summary>Words people search for, as they type them: each is in the table and parses into the same query as with the tagger.</summary>
    [Theory]
    [InlineData("Putino")]
    [InlineData("putino")]
    [InlineData("Putinas")]
    [InlineData("Zelenskiui")]
    [InlineData("Nausėdos")]
    [InlineData("Nausėda")]
    [InlineData("Trumpą")]
    [InlineData("Budrys")]
    [InlineData("Vilniuje")]
    [InlineData("Lietuvos")]
    [InlineData("Rusija")]
    [InlineData("NATO")]
    [InlineData("Šiaurės Korėja")]
    [InlineData("Europos Sąjunga")]
    [InlineData("karas")]
    [InlineData("karo")]
    [InlineData("rinkimų")]
    [InlineData("prezidentas")]
    [InlineData("prezidento")]
    [InlineData("biudžetas")]
    [InlineData("infliacija")]
    [InlineData("sankcija")]
    [InlineData("teismas")]
    public void QueryWord_IsInTheTable_AndParsesAsWithTheTagger(string word)
    {
        var entry = Table.Value.Find(word);
        Assert.NotNull(entry);
        Assert.Equal(Lemmas.Tagged(word), entry.Lemmas);
        var query = word.Contains(' ') ? $"\"{word}\"" : word;
        var tagged = new QueryParser(Lemmas.Tagged, w => Lemmas.LexiconAlternatives(w)).Parse(query);
        Assert.Equal(Describe(tagged), Describe(Lemmas.Parser().Parse(query)));
    }

    [Fact]
    public void AWordTheTableLacks_IsTagged()
    {
        const string word = "Kvazimodiškiausiaisiais";
        Assert.Null(Table.Value.Find(word));
        Assert.Equal(Lemmas.Tagged(word), Lemmas.Lemmas(word));
        Assert.NotEmpty(Lemmas.Lemmas(word));
    }

    private static string Describe(QueryNode node) => node switch
    {
        TermNode t => "term(" + string.Join("|", t.Alternatives) + ")",
        PhraseNode p => "phrase(" + string.Join(" ", p.Lemmas) + ")",
        _ => node.ToString() ?? "",
    };
}
