using Kronika.Core.Model;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>
/// The argument patterns events and quotes read from the tree, on sentences written by this team: each row names a
/// word, the word it should depend on and the relation (a subtype counts: `obl` matches `obl:arg`).
/// </summary>
public class DependencyParserTests
{
    private static Token Word(Document doc, string form) =>
        doc.Tokens().First(t => t.Text == form);

    [Theory]
    // Subject and object in either order: case, not position, decides.
    [InlineData("Policija sulaikė vagį.", "Policija", "sulaikė", "nsubj")]
    [InlineData("Policija sulaikė vagį.", "vagį", "sulaikė", "obj")]
    [InlineData("Vagį sulaikė policija.", "policija", "sulaikė", "nsubj")]
    [InlineData("Vagį sulaikė policija.", "Vagį", "sulaikė", "obj")]
    [InlineData("Vyriausybė patvirtino naują biudžetą.", "biudžetą", "patvirtino", "obj")]
    // Passive: the participle heads; `buvo` is its copula (ALKSNIS's convention), the genitive agent depends on it as
    // `obl:arg` or `obj` (the treebank has both).
    [InlineData("Įtariamasis buvo sulaikytas policijos.", "Įtariamasis", "sulaikytas", "nsubj")]
    [InlineData("Įtariamasis buvo sulaikytas policijos.", "buvo", "sulaikytas", "cop")]
    [InlineData("Įtariamasis buvo sulaikytas policijos.", "policijos", "sulaikytas", "obl|obj")]
    // Obliques with prepositions.
    [InlineData("Ministras vakar susitiko su ambasadoriumi.", "ambasadoriumi", "susitiko", "obl")]
    [InlineData("Ministras vakar susitiko su ambasadoriumi.", "su", "ambasadoriumi", "case")]
    [InlineData("Ūkininkai protestavo prieš naujus mokesčius.", "mokesčius", "protestavo", "obl")]
    [InlineData("Ūkininkai protestavo prieš naujus mokesčius.", "naujus", "mokesčius", "amod")]
    [InlineData("Ūkininkai protestavo prieš naujus mokesčius.", "Ūkininkai", "protestavo", "nsubj")]
    // A nominal head with its genitive and dative dependents.
    [InlineData("Izraelio smūgis Gazai sukėlė pasipiktinimą.", "Izraelio", "smūgis", "nmod")]
    [InlineData("Izraelio smūgis Gazai sukėlė pasipiktinimą.", "smūgis", "sukėlė", "nsubj")]
    [InlineData("Izraelio smūgis Gazai sukėlė pasipiktinimą.", "pasipiktinimą", "sukėlė", "obj")]
    // Coordination: the first conjunct heads the others.
    [InlineData("Rusija ir Šiaurės Korėja susitarė bendradarbiauti.", "Rusija", "susitarė", "nsubj")]
    [InlineData("Rusija ir Šiaurės Korėja susitarė bendradarbiauti.", "Korėja", "Rusija", "conj")]
    [InlineData("Rusija ir Šiaurės Korėja susitarė bendradarbiauti.", "ir", "Korėja", "cc")]
    // A relative clause hangs on the noun it describes.
    [InlineData("Vyras, kuris pavogė automobilį, buvo sulaikytas.", "pavogė", "Vyras", "acl")]
    [InlineData("Vyras, kuris pavogė automobilį, buvo sulaikytas.", "kuris", "pavogė", "nsubj")]
    [InlineData("Vyras, kuris pavogė automobilį, buvo sulaikytas.", "automobilį", "pavogė", "obj")]
    // `pasak X`: `pasak` marks the source's case. (Where the source hangs is not asserted: ALKSNIS makes it a
    // `parataxis` of the clause's predicate, the parser makes the source the root — see README, Syntax.)
    [InlineData("Pasak policijos, vagis pabėgo pro langą.", "Pasak", "policijos", "case")]
    [InlineData("Pasak policijos, vagis pabėgo pro langą.", "vagis", "pabėgo", "nsubj")]
    // Conjunct subjects: the first conjunct is the subject, the second its conjunct.
    [InlineData("Ministras ir jo patarėjas išvyko į Briuselį.", "Ministras", "išvyko", "nsubj")]
    [InlineData("Ministras ir jo patarėjas išvyko į Briuselį.", "patarėjas", "Ministras", "conj")]
    [InlineData("Ministras ir jo patarėjas išvyko į Briuselį.", "Briuselį", "išvyko", "obl")]
    // Another passive with its agent.
    [InlineData("Sprendimas buvo priimtas Vyriausybės.", "Sprendimas", "priimtas", "nsubj")]
    [InlineData("Sprendimas buvo priimtas Vyriausybės.", "Vyriausybės", "priimtas", "obl|obj")]
    // The speaker after the speech verb, with other words between.
    [InlineData("„Mes nepasiduosime“, – sakė vakare žurnalistams ministrė.", "ministrė", "sakė", "nsubj")]
    public void DependencyParser_AttachesArguments(string sentence, string dependent, string head, string relation)
    {
        var doc = Analyze.Parsed(sentence);
        var word = Word(doc, dependent);
        Assert.Equal(head, word.Head?.Text);
        Assert.True(relation.Split('|').Any(word.Is), $"{dependent} → {head}: {word.Deprel}, expected {relation}");
    }

    [Theory]
    [InlineData("Policija sulaikė vagį.", "sulaikė", "Policija", "vagį")]
    [InlineData("Vagį sulaikė policija.", "sulaikė", "policija", "Vagį")]
    public void Token_FindsSubjectAndObjectOfPredicate(string sentence, string predicate, string subject, string obj)
    {
        var doc = Analyze.Parsed(sentence);
        var verb = Word(doc, predicate);
        Assert.Equal(subject, verb.Subject?.Text);
        Assert.Equal(obj, verb.Object?.Text);
    }

    [Fact]
    public void Token_FindsObliquesWithTheirPrepositions()
    {
        var doc = Analyze.Parsed("Ministras vakar susitiko su ambasadoriumi.");
        var (oblique, preposition) = Assert.Single(Word(doc, "susitiko").Obliques());
        Assert.Equal("ambasadoriumi", oblique.Text);
        Assert.Equal("su", preposition);
    }

    [Fact]
    public void Token_FindsConjuncts()
    {
        var doc = Analyze.Parsed("Rusija ir Šiaurės Korėja susitarė bendradarbiauti.");
        Assert.Equal(["Korėja"], Word(doc, "Rusija").Conjuncts().Select(t => t.Text));
    }

    [Theory]
    [InlineData("Policija sulaikė vagį.")]
    [InlineData("Pirmadienį Vilniuje prasidėjusiame susitikime, kuriame dalyvavo ministrai iš dvylikos šalių, buvo aptarta, kaip padėti Ukrainai.")]
    [InlineData("„Tai – svarbus žingsnis“, – sakė jis.")]
    public void DependencyParser_GivesEachSentenceOneRootAndATree(string text)
    {
        var doc = Analyze.Parsed(text);
        foreach (var sentence in doc.Sentences())
        {
            var tokens = sentence.Tokens.Tokens().ToList();
            Assert.Single(tokens, t => t.HeadIndex < 0);
            Assert.All(tokens, t => Assert.Equal(t.HeadIndex < 0, t.Deprel == "root"));
            foreach (var t in tokens)
            {
                // Following heads from any word reaches the root without a cycle, inside the sentence.
                var at = t;
                for (var steps = 0; at.HeadIndex >= 0; steps++)
                {
                    Assert.True(steps < tokens.Count, "cycle");
                    Assert.InRange(at.HeadIndex, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount - 1);
                    at = at.Head!.Value;
                }
            }
        }
    }
}
