using Kronika.Lithuanian.Morphology;

namespace Kronika.Lithuanian.Tests;

/// <summary>Tagging computes its features from tag ids and per-form hashes; training from strings. Both must agree.</summary>
public class TaggerFeatureTests
{
    private static readonly Lexicon Lexicon = LithuanianPipeline.LoadLexicon();
    private static readonly MorphologyModel Model = LithuanianPipeline.LoadMorphology();

    [Theory]
    [InlineData("V. Putinas trečiadienį susitiko su D. Trumpu Aliaskoje.")]
    [InlineData("„Mes nepasiduosime“, – sakė ministras Kęstutis Budrys, kalbėdamas Vilniuje.")]
    [InlineData("Seulo duomenimis, žuvo apie 600 Šiaurės Korėjos karių, o 2 tūkst. buvo sužeista.")]
    [InlineData("LIETUVOS RESPUBLIKOS SEIMAS priėmė įstatymą dėl 3,5 proc. PVM tarifo.")]
    [InlineData("Macronu pasitikintys prancūzai ir Zelenskio patarėjai nebepasitikėjo vienas kitu.")]
    [InlineData("Vaikai, kurie žaidė kieme, pamatė, kad šuo, kurį jie maitino, pabėgo į mišką, o tėvai, grįžę iš darbo, ilgai jo ieškojo, kol galiausiai rado jį prie upės, kur jis gulėjo po medžiu ir laukė.")]
    [InlineData("A")]
    public void TaggingFeatures_EqualTrainingFeatures(string text)
    {
        var doc = Analyze.Text(text);
        var profiler = new WordProfiler(Lexicon);
        var sentence = doc.Tokens().Select(t => profiler.Profile(t.Text)).ToArray();
        var tags = new int[sentence.Length];
        Model.TagIds(sentence, tags);
        for (var i = 0; i < sentence.Length; i++)
            Assert.Equal(Model.TrainingFeaturesOf(sentence, i, tags), Model.FeaturesOf(sentence, i, tags));
    }

    [Fact]
    public void TaggingFeatures_ReadTheProperNounTagsOfNamesToTheLeft()
    {
        var sentence = Analyze.Text("Jis susitiko su D. Trumpu ir jo komanda.").Tokens().Select(t => new WordProfiler(Lexicon).Profile(t.Text)).ToArray();
        var tags = new int[sentence.Length];
        Model.TagIds(sentence, tags);
        var trumpu = Array.FindIndex(sentence, p => p.Form == "Trumpu");
        Assert.StartsWith("dkt.tikr.", Model.TagName(tags[trumpu]));
        for (var i = trumpu + 1; i < sentence.Length; i++)
            Assert.Equal(Model.TrainingFeaturesOf(sentence, i, tags), Model.FeaturesOf(sentence, i, tags));
    }
}
