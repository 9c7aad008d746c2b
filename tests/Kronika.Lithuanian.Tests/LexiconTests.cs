using Kronika.Lithuanian.Morphology;

namespace Kronika.Lithuanian.Tests;

public class LexiconTests
{
    private static readonly Lexicon Lexicon = LithuanianPipeline.LoadLexicon();

    [Theory]
    [InlineData("Vilniaus", "Vilnius")]
    [InlineData("Vilniuje", "Vilnius")]
    [InlineData("LIETUVOS", "Lietuva")]
    [InlineData("karių", "karys")]
    [InlineData("didelio", "didelis")]
    [InlineData("Šiandien", "šiandien")]
    public void Lexicon_FindsTheHeadwordOfAForm(string form, string headword)
    {
        Assert.Contains(Lexicon.Analyze(form), a => a.Headword.Text == headword);
    }

    [Fact]
    public void Lexicon_CapitalisedHeadwordDoesNotMatchLowercaseForm()
    {
        Assert.Empty(Lexicon.Analyze("vilniaus"));
        Assert.NotEmpty(Lexicon.Analyze("Vilniaus"));
    }

    [Fact]
    public void Lexicon_StripsPrefixesAndNegation()
    {
        Assert.Contains(Lexicon.Analyze("parašė"), a => a.Headword.Text == "rašė" && a.Prefix?.Append == "pa");
        Assert.Contains(Lexicon.Analyze("nerašė"), a => a.Headword.Text == "rašė" && a.Prefix?.Append == "ne");
        Assert.True(Lexicon.IsDictionaryForm("parašyti"));
        Assert.True(Lexicon.IsDictionaryForm("rašyti"));
        Assert.False(Lexicon.IsDictionaryForm("rašė" + "xyz"));
    }

    [Fact]
    public void Lexicon_RejectsWordsItDoesNotKnow()
    {
        Assert.Empty(Lexicon.Analyze("qwzxv"));
        Assert.Empty(Lexicon.Analyze(""));
        Assert.Empty(Lexicon.Analyze(new string('a', 500)));
    }

    [Fact]
    public void Lexicon_SavesAndLoadsTheSameAnalyses()
    {
        using var stream = new MemoryStream();
        Lexicon.Save(stream);
        stream.Position = 0;
        var copy = Lexicon.Load(stream);
        Assert.Equal(Lexicon.HeadwordCount, copy.HeadwordCount);
        foreach (var form in new[] { "Vilniaus", "parašė", "karių", "kalbėjosi" })
            Assert.Equal(Lexicon.Analyze(form).Select(a => a.Headword.Text), copy.Analyze(form).Select(a => a.Headword.Text));
    }

    [Fact]
    public void ModelManifest_ListsEveryEmbeddedModelWithItsSha256()
    {
        var manifest = ModelManifest.ReadEmbedded();
        var models = Resources.Names.Where(n => n.EndsWith(".gz", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(models);
        foreach (var name in models)
        {
            var entry = Assert.Single(manifest, m => "Models/" + m.File == name);
            using var stream = Resources.Open(name);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            Assert.Equal(entry.Sha256, ModelManifest.Sha256(bytes.ToArray()));
            Assert.False(string.IsNullOrWhiteSpace(entry.Licence));
        }
    }
}
