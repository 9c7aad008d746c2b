namespace Kronika.Ingest.Tests;

public class HtmlTextTests
{
    [Fact]
    public void Paragraphs_EndsAParagraphAtEveryBlockAndLineBreakAndCollapsesSpaces()
    {
        const string html = """
            <div>Pirmas   sakinys
               tęsiasi.<p>Antra <b>pastraipa</b>.</p>Po jos.<br>Po lūžio.<ul><li>Vienas</li><li>Du</li></ul></div>
            """;
        Assert.Equal(["Pirmas sakinys tęsiasi.", "Antra pastraipa.", "Po jos.", "Po lūžio.", "Vienas", "Du"], HtmlText.Paragraphs(html));
    }

    [Fact]
    public void Paragraphs_LeavesOutScriptsAndBlocksOfOnlyLinksOrTimes()
    {
        const string html = """
            <p>Tekstas su <a href="/x">nuoroda</a> lieka.</p>
            <p><a href="/a">Skaitykite daugiau</a></p>
            <ul><li><a href="/1">Sportas</a></li></ul>
            <p><time datetime="2025-01-01">prieš 2 val.</time></p>
            <script>var x = "ne tekstas";</script><style>p { color: red }</style>
            """;
        Assert.Equal(["Tekstas su nuoroda lieka."], HtmlText.Paragraphs(html));
    }

    [Fact]
    public void Paragraphs_SplitsTextWithoutMarkupOnLineBreaks()
    {
        Assert.Equal(["Pirma eilutė.", "Antra eilutė."], HtmlText.Paragraphs("Pirma eilutė.\r\n\r\n   Antra   eilutė.  "));
    }

    [Fact]
    public void Paragraphs_DecodesCharacterReferences()
    {
        Assert.Equal(["„Žalgiris“ & Co – 5 €"], HtmlText.Paragraphs("<p>&bdquo;&Zcaron;algiris&ldquo; &amp; Co &ndash; 5&nbsp;&euro;</p>"));
    }
}
