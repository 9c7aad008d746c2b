using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kronika.Core.Model;

namespace Kronika.Core.IO;

/// <summary>
/// Writes the output contract of DESIGN.md: one JSON object per document. Field names are stable;
/// offsets are UTF-16 indices into "text".
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartObject();
        if (doc.Date is { } date) w.WriteString("date", date.ToString("yyyy-MM-dd"));
        else w.WriteNull("date");
        w.WriteString("source", doc.Source.Name);
        if (doc.Source.Url is { } url) w.WriteString("url", url);
        if (doc.Source.Title is { } title) w.WriteString("title", title);
        w.WriteString("text", doc.Text);
        w.WriteString("offsets", "utf16");

        w.WriteStartArray("paragraphs");
        foreach (var p in doc.Paragraphs)
        {
            w.WriteStartObject();
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("sentences");
        foreach (var s in doc.Sentences())
        {
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("tokens");
        for (var i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Token(i);
            w.WriteStartObject();
            w.WriteNumber("start", t.Start);
            w.WriteNumber("end", t.End);
            w.WriteString("text", t.Span);
            WriteNullable(w, "lemma", t.Lemma);
            WriteNullable(w, "upos", t.Upos == Upos.None ? null : t.Upos.ToString());
            WriteNullable(w, "xpos", t.Xpos);
            WriteNullable(w, "feats", t.Feats);
            w.WriteString("kind", KindName(t.Kind));
            if (!t.SpaceAfter) w.WriteBoolean("spaceAfter", false);
            if (t.Has(TokenFlags.Abbreviation)) w.WriteBoolean("abbreviation", true);
            if (t.Has(TokenFlags.Initial)) w.WriteBoolean("initial", true);
            if (t.Has(TokenFlags.NumberGroup)) w.WriteBoolean("numberGroup", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if ((doc.Layers & Layers.Entities) != 0)
        {
            w.WriteStartArray("entities");
            foreach (var e in doc.Entities)
            {
                w.WriteStartObject();
                w.WriteNumber("id", e.Id);
                w.WriteNumber("start", e.Start);
                w.WriteNumber("end", e.End);
                w.WriteString("text", doc.Text.AsSpan(e.Start, e.End - e.Start));
                w.WriteString("type", e.Type);
                w.WriteString("canonical", e.Canonical);
                WriteNullable(w, "kb", e.Kb);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        if ((doc.Layers & Layers.Times) != 0)
        {
            w.WriteStartArray("times");
            foreach (var t in doc.Times)
            {
                w.WriteStartObject();
                w.WriteNumber("start", t.Start);
                w.WriteNumber("end", t.End);
                w.WriteString("text", doc.Text.AsSpan(t.Start, t.End - t.Start));
                w.WriteString("type", t.Type);
                w.WriteString("value", t.Value);
                WriteNullable(w, "mod", t.Mod);
                if (t.Anchor is { } anchor) w.WriteString("anchor", anchor);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>One document as one line of JSON (JSON Lines when several are written).</summary>
    public static string ToJson(Document doc)
    {
        var buffer = new ArrayBufferWriter<byte>(doc.Text.Length * 8);
        using (var w = new Utf8JsonWriter(buffer, Options)) Write(w, doc);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static string KindName(TokenKind kind) => kind switch
    {
        TokenKind.Word => "word",
        TokenKind.Number => "number",
        TokenKind.Punctuation => "punct",
        TokenKind.Symbol => "symbol",
        TokenKind.Url => "url",
        TokenKind.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
