using Kronika.Core.Model;

namespace Kronika.Lithuanian.Tests;

/// <summary>Lemmas and tags of words in sentences: declension and conjugation tables, names, headings.</summary>
public class MorphologyTests
{
    private static Token Word(string sentence, string word)
    {
        var doc = Analyze.Fully(sentence);
        return doc.Tokens().First(t => t.Text == word);
    }

    [Theory]
    // Proper nouns of every declension, in every case: the lemma is the nominative, with its capital.
    [InlineData("V. Putinas atvyko į Maskvą.", "Putinas", "Putinas")]
    [InlineData("V. Putino kalba buvo ilga.", "Putino", "Putinas")]
    [InlineData("Laišką perdavė V. Putinui.", "Putinui", "Putinas")]
    [InlineData("Jie kritikavo V. Putiną.", "Putiną", "Putinas")]
    [InlineData("Jis susitiko su D. Trumpu.", "Trumpu", "Trumpas")]
    [InlineData("Derybos su D. Trumpo komanda tęsiasi.", "Trumpo", "Trumpas")]
    [InlineData("Prezidentui Donaldui Trumpui buvo pranešta.", "Trumpui", "Trumpas")]
    [InlineData("V. Zelenskio patarėjai atvyko.", "Zelenskio", "Zelenskis")]
    [InlineData("Ministras Kęstutis Budrys sakė.", "Budrys", "Budrys")]
    [InlineData("Apie tai kalbėjo Gitanas Nausėda.", "Nausėda", "Nausėda")]
    [InlineData("G. Nausėdos vizitas baigėsi.", "Nausėdos", "Nausėda")]
    [InlineData("Gydytoja Lina Mozūraitė patarė.", "Mozūraitė", "Mozūraitė")]
    [InlineData("Kelionė į Vilnių truko valandą.", "Vilnių", "Vilnius")]
    [InlineData("Jis gyvena Vilniuje.", "Vilniuje", "Vilnius")]
    [InlineData("Vilniaus meras kalbėjo.", "Vilniaus", "Vilnius")]
    [InlineData("Kaune vyko koncertas.", "Kaune", "Kaunas")]
    [InlineData("Klaipėdoje pūtė vėjas.", "Klaipėdoje", "Klaipėda")]
    [InlineData("Šiaurės Korėjos kariai kovojo.", "Korėjos", "Korėja")]
    [InlineData("Susitikimas vyks Aliaskoje.", "Aliaskoje", "Aliaska")]
    [InlineData("Seulo duomenimis, žuvo apie 600 karių.", "Seulo", "Seulas")]
    [InlineData("Laiškas išsiųstas Pchenjanui.", "Pchenjanui", "Pchenjanas")]
    // Undeclined foreign names stay as written; all-caps headings are read as words.
    [InlineData("Jį sveikino Kim Jong Unas.", "Jong", "Jong")]
    [InlineData("LIETUVOS RESPUBLIKOS SEIMAS", "LIETUVOS", "Lietuva")]
    public void Lemmatizer_GivesNamesInTheNominative(string sentence, string word, string lemma)
    {
        Assert.Equal(lemma, Word(sentence, word).Lemma);
    }

    [Theory]
    // Nouns of several paradigms.
    [InlineData("Į frontą išsiųsta tūkstančiai karių.", "karių", "karys")]
    [InlineData("Kariams buvo įteikti apdovanojimai.", "Kariams", "karys")]
    [InlineData("Šalies ekonomika auga.", "Šalies", "šalis")]
    [InlineData("Kursko srityje vyksta mūšiai.", "srityje", "sritis")]
    [InlineData("Žmonės susirinko aikštėje.", "Žmonės", "žmogus")]
    [InlineData("Aikštėje stovėjo žmonės.", "Aikštėje", "aikštė")]
    [InlineData("Sutartis buvo pasirašyta pernai.", "Sutartis", "sutartis")]
    [InlineData("Jie aptarė sutarties sąlygas.", "sąlygas", "sąlyga")]
    // Adjectives, including the definite and the comparative forms.
    [InlineData("Tai didelio masto operacija.", "didelio", "didelis")]
    [InlineData("Jis gavo gerą pasiūlymą.", "gerą", "geras")]
    [InlineData("Jungtinės Tautos pasmerkė ataką.", "Jungtinės", "jungtinis")]
    // Verbs: tenses, prefixes, negation, reflexives, participles.
    [InlineData("Jis rašo laišką.", "rašo", "rašyti")]
    [InlineData("Ji rašė straipsnį.", "rašė", "rašyti")]
    [InlineData("Jie rašys pareiškimą.", "rašys", "rašyti")]
    [InlineData("Ministras parašė laišką.", "parašė", "parašyti")]
    [InlineData("Vadovai kalbėjosi telefonu.", "kalbėjosi", "kalbėtis")]
    [InlineData("Lyderiai susitiko Ženevoje.", "susitiko", "susitikti")]
    [InlineData("Šalys pasirašė sutartį.", "pasirašė", "pasirašyti")]
    [InlineData("Jis nepasirašė sutarties.", "nepasirašė", "nepasirašyti")]
    [InlineData("Rusija pasiuntė karių.", "pasiuntė", "pasiųsti")]
    [InlineData("Jie žuvo mūšyje.", "žuvo", "žūti")]
    [InlineData("Kariai buvo sužeisti.", "buvo", "būti")]
    [InlineData("Jis pažadėjo paramą.", "pažadėjo", "pažadėti")]
    public void Lemmatizer_HandlesDeclensionAndConjugation(string sentence, string word, string lemma)
    {
        Assert.Equal(lemma, Word(sentence, word).Lemma);
    }

    [Theory]
    [InlineData("V. Putinas atvyko į Maskvą.", "Putinas", Upos.PROPN, "Case=Nom")]
    [InlineData("Jis susitiko su V. Putinu.", "Putinu", Upos.PROPN, "Case=Ins")]
    [InlineData("Kursko srityje vyksta mūšiai.", "srityje", Upos.NOUN, "Case=Loc")]
    [InlineData("Kariai buvo sužeisti.", "Kariai", Upos.NOUN, "Number=Plur")]
    [InlineData("Jis nepasirašė sutarties.", "nepasirašė", Upos.VERB, "Polarity=Neg")]
    [InlineData("Jie rašys pareiškimą.", "rašys", Upos.VERB, "Tense=Fut")]
    [InlineData("Kainos kilo 15 proc.", "15", Upos.NUM, "NumForm=Digit")]
    public void Tagger_GivesPartOfSpeechAndFeatures(string sentence, string word, Upos upos, string feature)
    {
        var token = Word(sentence, word);
        Assert.Equal(upos, token.Upos);
        Assert.Contains(feature, token.Feats ?? "");
        Assert.NotNull(token.Xpos);
    }

    [Fact]
    public void Tagger_FillsEveryTokenOfEverySentence()
    {
        var doc = Analyze.Fully("Pirmas sakinys. Antras sakinys su skaičiumi 10 000 ir ženklu „€“!");
        Assert.True(doc.Layers.HasFlag(Layers.Morphology));
        foreach (var t in doc.Tokens())
        {
            Assert.NotNull(t.Lemma);
            Assert.NotNull(t.Xpos);
            Assert.NotEqual(Upos.None, t.Upos);
        }
    }

    [Fact]
    public async Task Tagger_HandlesAVeryLongSentenceQuickly()
    {
        var text = string.Join(' ', Enumerable.Repeat("kariai žuvo (", 30_000));
        // A guard against quadratic work, not a speed figure: on two busy cores the whole pipeline takes 10–40 s here.
        var doc = await Task.Run(() => Analyze.Fully(text)).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
        Assert.Equal(90_000, doc.TokenCount);
    }
}
