using System.Text.Json;
using Kronika.Core.IO;
using Kronika.Core.Model;

namespace Kronika.Core.Tests;

public class JsonOutputTests
{
    [Fact]
    public void JsonOutput_HasTheContractFieldsWithUtf16Offsets()
    {
        var doc = new Document("Šiaurės Korėja 😀 pasiuntė karių.", new DateOnly(2025, 8, 13), new ArticleSource("a.txt"));
        doc.AddToken(0, 7, TokenKind.Word, TokenFlags.SpaceAfter);
        doc.AddToken(8, 6, TokenKind.Word, TokenFlags.SpaceAfter);
        doc.AddToken(15, 2, TokenKind.Symbol, TokenFlags.SpaceAfter);
        doc.AddToken(18, 8, TokenKind.Word, TokenFlags.SpaceAfter);
        doc.AddToken(27, 5, TokenKind.Word);
        doc.AddToken(32, 1, TokenKind.Punctuation);
        doc.AddSentence(0, 6);

        using var json = JsonDocument.Parse(JsonOutput.ToJson(doc));
        var root = json.RootElement;
        Assert.Equal("2025-08-13", root.GetProperty("date").GetString());
        Assert.Equal("utf16", root.GetProperty("offsets").GetString());
        Assert.Equal(doc.Text, root.GetProperty("text").GetString());
        var tokens = root.GetProperty("tokens").EnumerateArray().ToList();
        Assert.Equal(6, tokens.Count);
        foreach (var t in tokens)
        {
            var (start, end) = (t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32());
            Assert.Equal(doc.Text[start..end], t.GetProperty("text").GetString());
            foreach (var field in new[] { "lemma", "upos", "xpos", "feats" }) Assert.True(t.TryGetProperty(field, out _), field);
        }
        Assert.Equal("😀", tokens[2].GetProperty("text").GetString());
        var sentence = root.GetProperty("sentences")[0];
        Assert.Equal((0, 33), (sentence.GetProperty("start").GetInt32(), sentence.GetProperty("end").GetInt32()));
        Assert.Contains("Šiaurės", JsonOutput.ToJson(doc)); // Lithuanian letters are written as they are, not escaped
    }
}
