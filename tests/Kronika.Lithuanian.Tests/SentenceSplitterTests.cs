namespace Kronika.Lithuanian.Tests;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("V. Putinas atvyko. Jis kalbėjo.", "V. Putinas atvyko.|Jis kalbėjo.")]
    [InlineData("Paroda skirta M. K. Čiurlionio kūrybai. Ji atidaryta.", "Paroda skirta M. K. Čiurlionio kūrybai.|Ji atidaryta.")]
    [InlineData("Tai įvyko 2021 m. rugsėjo mėnesį. Vėliau viskas keitėsi.", "Tai įvyko 2021 m. rugsėjo mėnesį.|Vėliau viskas keitėsi.")]
    [InlineData("Sutartis pasirašyta 2021 m. Jis tuo džiaugėsi.", "Sutartis pasirašyta 2021 m.|Jis tuo džiaugėsi.")]
    [InlineData("Per 2021 m. Lietuvoje gimė mažiau vaikų.", "Per 2021 m. Lietuvoje gimė mažiau vaikų.")]
    [InlineData("XX a. Vilniuje gyveno daug žmonių.", "XX a. Vilniuje gyveno daug žmonių.")]
    [InlineData("Kainos kilo 15 proc. Tai daug.", "Kainos kilo 15 proc.|Tai daug.")]
    [InlineData("Skyrė 3 mln. eurų. Liko 2 mln.", "Skyrė 3 mln. eurų.|Liko 2 mln.")]
    [InlineData("Tai t. y. kitaip. Gerai.", "Tai t. y. kitaip.|Gerai.")]
    [InlineData("Pvz. Vilniuje taip nėra.", "Pvz. Vilniuje taip nėra.")]
    [InlineData("Kodėl?.. Nežinau!.. Gal rytoj...", "Kodėl?..|Nežinau!..|Gal rytoj...")]
    [InlineData("Ar tikrai? Taip! Gerai.", "Ar tikrai?|Taip!|Gerai.")]
    [InlineData("Jis sakė: „Taip.“ Paskui išėjo.", "Jis sakė: „Taip.“|Paskui išėjo.")]
    [InlineData("„Ar tikrai?“ – paklausė jis.", "„Ar tikrai?“ – paklausė jis.")]
    [InlineData("– Niekur neisiu! – pareiškė jis.", "– Niekur neisiu! – pareiškė jis.")]
    [InlineData("Jie atėjo (ir išėjo.) Vėliau.", "Jie atėjo (ir išėjo.)|Vėliau.")]
    [InlineData("Funkcijos: 1. Rengti. 2. Teikti.", "Funkcijos:|1. Rengti.|2. Teikti.")]
    [InlineData("II. BENDROSIOS NUOSTATOS. Tekstas.", "II. BENDROSIOS NUOSTATOS.|Tekstas.")]
    [InlineData("Skaičius 2.1.3. Toliau.", "Skaičius 2.1.3.|Toliau.")]
    [InlineData("pirma dalis; antra dalis.", "pirma dalis;|antra dalis.")]
    [InlineData("Jis pasakė: Vyriausybė klysta.", "Jis pasakė:|Vyriausybė klysta.")]
    [InlineData("Tris dalykus: duoną, pieną ir sūrį.", "Tris dalykus: duoną, pieną ir sūrį.")]
    [InlineData("Adresas www.lrt.lt. Kitas sakinys.", "Adresas www.lrt.lt.|Kitas sakinys.")]
    [InlineData("Be to, t. t. ir pan. Pabaiga.", "Be to, t. t. ir pan.|Pabaiga.")]
    public void SentenceSplitter_SplitsLikeAlksnis(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Analyze.Sentences(text));
    }

    [Fact]
    public void SentenceSplitter_AlwaysClosesASentenceAtAParagraphEnd()
    {
        var doc = Analyze.Paragraphs("Antraštė be taško", "Pirmas sakinys. Antras sakinys", "Trečia pastraipa.");
        Assert.Equal(["Antraštė be taško", "Pirmas sakinys.", "Antras sakinys", "Trečia pastraipa."], doc.Sentences().Select(s => s.Text));
    }

    [Fact]
    public void SentenceSplitter_CoversEveryTokenExactlyOnce()
    {
        var doc = Analyze.Text("Vienas. Du? Trys! „Keturi.“ Penki: šeši; septyni...");
        var covered = doc.Sentences().Sum(s => s.TokenCount);
        Assert.Equal(doc.TokenCount, covered);
        for (var i = 1; i < doc.SentenceCount; i++)
            Assert.Equal(doc.Sentence(i - 1).FirstToken + doc.Sentence(i - 1).TokenCount, doc.Sentence(i).FirstToken);
    }
}
