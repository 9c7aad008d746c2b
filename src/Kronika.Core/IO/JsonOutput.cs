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
            if ((doc.Layers & Layers.Syntax) != 0)
            {
                // The index of the head in "tokens", null for a sentence's root.
                if (t.HeadIndex < 0) w.WriteNull("head");
                else w.WriteNumber("head", t.HeadIndex);
                WriteNullable(w, "deprel", t.Deprel);
            }
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

        if ((doc.Layers & Layers.References) != 0)
        {
            w.WriteStartArray("references");
            foreach (var r in doc.References)
            {
                w.WriteStartObject();
                w.WriteNumber("start", r.Start);
                w.WriteNumber("end", r.End);
                w.WriteString("text", doc.Text.AsSpan(r.Start, r.End - r.Start));
                WriteEntityId(w, "entity", r.Entity);
                w.WriteString("name", Canonical(doc, r.Entity));
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

        if ((doc.Layers & Layers.Quantities) != 0)
        {
            w.WriteStartArray("quantities");
            foreach (var q in doc.Quantities) WriteQuantity(w, doc, q);
            w.WriteEndArray();
        }

        if ((doc.Layers & Layers.Quotes) != 0)
        {
            w.WriteStartArray("quotes");
            foreach (var q in doc.Quotes)
            {
                w.WriteStartObject();
                w.WriteNumber("start", q.Start);
                w.WriteNumber("end", q.End);
                w.WriteString("text", doc.Text.AsSpan(q.Start, q.End - q.Start));
                WriteEntityId(w, "speaker", q.Speaker);
                WriteNullable(w, "speakerName", q.Speaker is { } id ? Canonical(doc, id) : null);
                w.WriteBoolean("direct", q.Direct);
                if (q.CueStart >= 0) WriteSpan(w, "cue", doc, q.CueStart, q.CueEnd);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        if ((doc.Layers & Layers.Attribution) != 0)
        {
            w.WriteStartArray("attributions");
            foreach (var a in doc.Attributions) WriteAttribution(w, doc, a);
            w.WriteEndArray();
        }

        if ((doc.Layers & Layers.Events) != 0)
        {
            w.WriteStartArray("events");
            foreach (var e in doc.Events)
            {
                w.WriteStartObject();
                w.WriteString("type", e.Type);
                WriteNullable(w, "mode", e.Mode);
                WriteSpan(w, "trigger", doc, e.TriggerStart, e.TriggerEnd);
                w.WriteNumber("sentence", e.Sentence);
                WriteEntities(w, "actors", doc, e.Actors);
                WriteEntities(w, "targets", doc, e.Targets);
                WriteNullable(w, "date", e.Date);
                if (e.Location is { } place) WriteEntities(w, "location", doc, [place], single: true);
                else w.WriteNull("location");
                w.WriteString("modality", e.Modality);
                if (e.Attribution is { } source) { w.WritePropertyName("source"); WriteAttribution(w, doc, doc.Attributions[source]); }
                else w.WriteNull("source");
                w.WriteStartArray("quantities");
                foreach (var q in e.Quantities) WriteQuantity(w, doc, doc.Quantities[q]);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter w, Document doc, Quantity q)
    {
        w.WriteStartObject();
        w.WriteNumber("start", q.Start);
        w.WriteNumber("end", q.End);
        w.WriteString("text", doc.Text.AsSpan(q.Start, q.End - q.Start));
        w.WriteNumber("value", q.Value);
        WriteNullable(w, "approx", q.Approx);
        WriteNullable(w, "unit", q.Unit);
        w.WriteEndObject();
    }

    private static void WriteAttribution(Utf8JsonWriter w, Document doc, Attribution a)
    {
        w.WriteStartObject();
        w.WriteNumber("start", a.Start);
        w.WriteNumber("end", a.End);
        WriteSpan(w, "cue", doc, a.CueStart, a.CueEnd);
        WriteEntityId(w, "entity", a.Source);
        WriteNullable(w, "name", a.Source is { } id ? Canonical(doc, id) : a.SourceText);
        w.WriteBoolean("hedged", a.Hedged);
        w.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter w, string name, Document doc, int start, int end)
    {
        w.WriteStartObject(name);
        w.WriteNumber("start", start);
        w.WriteNumber("end", end);
        w.WriteString("text", doc.Text.AsSpan(start, end - start));
        w.WriteEndObject();
    }

    private static void WriteEntityId(Utf8JsonWriter w, string name, int? id)
    {
        if (id is { } value) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>Entity ids as `{id, canonical, type, kb}` objects (one object, not an array, when <paramref name="single"/>).</summary>
    private static void WriteEntities(Utf8JsonWriter w, string name, Document doc, IReadOnlyList<int> ids, bool single = false)
    {
        if (single) w.WritePropertyName(name);
        else w.WriteStartArray(name);
        foreach (var id in ids)
        {
            var e = doc.Entities.First(m => m.Id == id);
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("canonical", e.Canonical);
            w.WriteString("type", e.Type);
            WriteNullable(w, "kb", e.Kb);
            w.WriteEndObject();
        }
        if (!single) w.WriteEndArray();
    }

    private static string Canonical(Document doc, int id) => doc.Entities.First(m => m.Id == id).Canonical;

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
