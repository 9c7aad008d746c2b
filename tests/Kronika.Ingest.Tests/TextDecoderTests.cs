using System.Text;
using Kronika.Ingest;

namespace Kronika.Ingest.Tests;

public class TextDecoderTests
{
    private const string Lithuanian = "Vilniuje šiandien – „ąčęėįšųūž“ ir ĄČĘĖĮŠŲŪŽ.";

    // ISO-8859-13 has no dashes: its texts use the hyphen.
    private const string LithuanianIso = "Vilniuje šiandien - „ąčęėįšųūž“ ir ĄČĘĖĮŠŲŪŽ.";

    [Fact]
    public void Decode_ReadsUtf8WithAndWithoutBom()
    {
        Assert.Equal((Lithuanian, "utf-8"), TextDecoder.Decode(Encoding.UTF8.GetBytes(Lithuanian)));
        Assert.Equal((Lithuanian, "utf-8"), TextDecoder.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Lithuanian)]));
    }

    [Fact]
    public void Decode_ReadsUtf16WithBom()
    {
        Assert.Equal(Lithuanian, TextDecoder.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Lithuanian)]).Text);
    }

    [Fact]
    public void Decode_TellsWindows1257FromIso885913ByTheirQuotes()
    {
        Assert.Equal((Lithuanian, "windows-1257"), TextDecoder.Decode(TextDecoder.Windows1257.GetBytes(Lithuanian)));
        Assert.Equal((LithuanianIso, "iso-8859-13"), TextDecoder.Decode(TextDecoder.Iso885913.GetBytes(LithuanianIso)));
    }

    [Fact]
    public void Decode_ReadsLegacyTextWithoutQuotesCorrectlyEitherWay()
    {
        const string letters = "Šiaulių ąžuolas, Žemaitija ir Įsrutis.";
        Assert.Equal(letters, TextDecoder.Decode(TextDecoder.Iso885913.GetBytes(letters)).Text);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x41 })]
    public void Decode_RejectsBinaryData(byte[] bytes)
    {
        var error = Assert.Throws<ArticleException>(() => TextDecoder.Decode(bytes));
        Assert.Equal("binary file, not text", error.Message);
    }
}
