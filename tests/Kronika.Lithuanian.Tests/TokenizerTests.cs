using Kronika.Core.Model;

namespace Kronika.Lithuanian.Tests;

public class TokenizerTests
{
    [Theory]
    [InlineData("Kim Jong Unas kalbėjosi su V. Putinu.", "Kim|Jong|Unas|kalbėjosi|su|V|.|Putinu|.")]
    [InlineData("2024 m. rugpjūčio 13 d. įvyko", "2024|m|.|rugpjūčio|13|d|.|įvyko")]
    [InlineData("Kainos kilo 15 proc., o atlyginimai – 3,5 mln.", "Kainos|kilo|15|proc|.|,|o|atlyginimai|–|3,5|mln|.")]
    [InlineData("Sakė, kad „ateityje stiprins“ ryšius.", "Sakė|,|kad|„|ateityje|stiprins|“|ryšius|.")]
    [InlineData("Jis pavadino tai \"pergale\".", "Jis|pavadino|tai|\"|pergale|\"|.")]
    [InlineData("Tai – ne pabaiga — sakė jis.", "Tai|–|ne|pabaiga|—|sakė|jis|.")]
    [InlineData("2009-ųjų krizė ir 15-oji vieta", "2009-ųjų|krizė|ir|15-oji|vieta")]
    [InlineData("Pietryčių Azijos ir Pierre-Louis", "Pietryčių|Azijos|ir|Pierre-Louis")]
    [InlineData("Susitikimas 2025-08-13 15.30 val. arba 15:30", "Susitikimas|2025-08-13|15.30|val|.|arba|15:30")]
    [InlineData("Daugiau nei 10 000 karių", "Daugiau|nei|10|000|karių")]
    [InlineData("Rašykite info@nvsc.lt arba vardas.pavarde@lrt.lt.", "Rašykite|info@nvsc.lt|arba|vardas.pavarde@lrt.lt|.")]
    [InlineData("Žr. https://www.lrt.lt/naujienos?id=5. Ir www.bns.lt, ir lrt.lt.", "Žr|.|https://www.lrt.lt/naujienos?id=5|.|Ir|www.bns.lt|,|ir|lrt.lt|.")]
    [InlineData("Ar tikrai?.. Taip!.. Kas?! Na...", "Ar|tikrai|?..|Taip|!..|Kas|?!|Na|...")]
    [InlineData("t. y. pvz. ir kt.", "t|.|y|.|pvz|.|ir|kt|.")]
    [InlineData("Laimėjo 84:79 (42:40).", "Laimėjo|84:79|(|42:40|)|.")]
    [InlineData("Gerai 😀👍🏽 ❤️ 🇱🇹!", "Gerai|😀|👍🏽|❤️|🇱🇹|!")]
    [InlineData("Kaina 5 € arba 10 %.", "Kaina|5|€|arba|10|%|.")]
    [InlineData("O'Brienas ir d’Artagnanas", "O'Brienas|ir|d’Artagnanas")]
    [InlineData("F-16 ir H1N1 bei G7", "F-16|ir|H1N1|bei|G7")]
    [InlineData("Nutarimas Nr. 583/2004 (Žin., 2004)", "Nutarimas|Nr|.|583/2004|(|Žin|.|,|2004|)")]
    [InlineData("XX a. pradžioje", "XX|a|.|pradžioje")]
    [InlineData("Surinko 20 316,5 mln. litų", "Surinko|20|316,5|mln|.|litų")]
    public void Tokenizer_FollowsAlksnisConventions(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Analyze.Tokens(text));
    }

    [Fact]
    public void Tokenizer_MarksAbbreviationsAndTheirPeriods()
    {
        var doc = Analyze.Text("2024 m. proc. mln. pvz. V. Putinas baigė.");
        var m = doc.Token(1);
        Assert.Equal("m", m.Text);
        Assert.True(m.Has(TokenFlags.Abbreviation));
        Assert.True(doc.Token(2).Has(TokenFlags.AbbreviationPeriod));
        Assert.True(doc.Token(9).Has(TokenFlags.Initial));
        Assert.True(doc.Token(10).Has(TokenFlags.AbbreviationPeriod));
        Assert.False(doc.Token(doc.TokenCount - 1).Has(TokenFlags.AbbreviationPeriod));
    }

    [Theory]
    // Portals glue an initial to the surname (`I.Ruginienė`) as often as they space it; both are an initial, its period and the name.
    [InlineData("sakė I.Ruginienė.", "sakė|I|.|Ruginienė|.")]
    [InlineData("sakė I. Ruginienė.", "sakė|I|.|Ruginienė|.")]
    [InlineData("pasak G.Nausėdos,", "pasak|G|.|Nausėdos|,")]
    [InlineData("teigė A.Vaitkus", "teigė|A|.|Vaitkus")]
    [InlineData("T.Masiulis pasakė:", "T|.|Masiulis|pasakė|:")]
    public void Tokenizer_SplitsAnInitialGluedToTheSurname(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Analyze.Tokens(text));
        var doc = Analyze.Text(text);
        Assert.Contains(doc.Tokens(), t => t.Has(TokenFlags.Initial));
    }

    [Theory]
    [InlineData("10 000 karių", true)]
    [InlineData("1 000 000 eurų", true)]
    [InlineData("20 316,5 mln.", true)]
    [InlineData("10\u00A0000 karių", true)]
    [InlineData("2024 000", false)]
    [InlineData("10 0000", false)]
    [InlineData("10  000", false)]
    public void Tokenizer_MarksThousandsGroupsSoQuantitiesCanJoinThem(string text, bool grouped)
    {
        var doc = Analyze.Text(text);
        Assert.Equal(grouped, doc.Token(1).Has(TokenFlags.NumberGroup));
        if (text.StartsWith("1 000 000")) Assert.True(doc.Token(2).Has(TokenFlags.NumberGroup));
    }

    [Theory]
    [InlineData("info@nvsc.lt", TokenKind.Email)]
    [InlineData("https://lrt.lt", TokenKind.Url)]
    [InlineData("15min.lt", TokenKind.Url)]
    [InlineData("2025", TokenKind.Number)]
    [InlineData("Vilnius", TokenKind.Word)]
    [InlineData("„", TokenKind.Punctuation)]
    [InlineData("€", TokenKind.Symbol)]
    public void Tokenizer_TellsWhatKindOfTokenItIs(string text, TokenKind kind)
    {
        Assert.Equal(kind, Analyze.Text(text).Token(0).Kind);
    }

    [Fact]
    public void Tokenizer_RecordsSpaceAfterAndParagraphStarts()
    {
        var doc = Analyze.Paragraphs("Labas, pasauli.", "Antra pastraipa.");
        Assert.False(doc.Token(0).SpaceAfter); // "Labas" before ","
        Assert.True(doc.Token(1).SpaceAfter);
        Assert.True(doc.Token(0).Has(TokenFlags.ParagraphStart));
        Assert.True(doc.Token(4).Has(TokenFlags.ParagraphStart));
        Assert.Equal("Antra", doc.Token(4).Text);
    }

    [Fact]
    public void Tokenizer_KeepsLithuanianLettersInWords()
    {
        Assert.Equal(["Ąžuolynė", "ąčęėįšųūž", "ĄČĘĖĮŠŲŪŽ"], Analyze.Tokens("Ąžuolynė ąčęėįšųūž ĄČĘĖĮŠŲŪŽ"));
    }
}
