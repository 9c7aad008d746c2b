using Kronika.Core.Model;

namespace Kronika.Core.Tests;

public class MorphTests
{
    [Theory]
    [InlineData("Case=Gen|Gender=Masc|Number=Sing", Case.Gen, Gender.Masc, Number.Sing)]
    [InlineData("Case=Loc|Gender=Fem|Number=Plur", Case.Loc, Gender.Fem, Number.Plur)]
    [InlineData("Case=Ill|Gender=Neut|Number=Dual", Case.Ill, Gender.Neut, Number.Dual)]
    [InlineData("_", Case.None, Gender.None, Number.None)]
    [InlineData("", Case.None, Gender.None, Number.None)]
    public void Morph_ReadsNominalFeatures(string feats, Case @case, Gender gender, Number number)
    {
        var m = Morph.Parse(feats);
        Assert.Equal((@case, gender, number), (m.Case, m.Gender, m.Number));
    }

    [Fact]
    public void Morph_ReadsVerbFeatures()
    {
        var m = Morph.Parse("Aspect=Perf|Mood=Ind|Number=Sing|Person=3|Polarity=Neg|Tense=Past|VerbForm=Fin");
        Assert.True(m.IsFinite);
        Assert.True(m.Negative);
        Assert.Equal((Tense.Past, Mood.Ind, Person.Third), (m.Tense, m.Mood, m.Person));
    }

    [Fact]
    public void Morph_ReadsParticipleAndPronounFeatures()
    {
        var participle = Morph.Parse("Case=Nom|Definite=Def|Gender=Masc|Number=Sing|Reflex=Yes|VerbForm=Part|Voice=Pass");
        Assert.Equal((VerbForm.Part, Voice.Pass), (participle.VerbForm, participle.Voice));
        Assert.True(participle.Definite && participle.Reflexive);
        Assert.Equal(PronType.IntRel, Morph.Parse("PronType=Int,Rel").PronType);
    }

    [Fact]
    public void Morph_IgnoresUnknownAndMalformedPairs() =>
        Assert.Equal(Case.Acc, Morph.Parse("Foo=Bar|Case=Acc|=|Gender=Zzz|broken").Case);
}
