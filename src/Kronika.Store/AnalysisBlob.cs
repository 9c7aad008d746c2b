using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Kronika.Store;

/// <summary>
/// An article's whole analysis as the store keeps it: the UTF-8 JSON of `kronika analyze` (every layer the output
/// contract has, new ones included) in two Brotli-compressed parts (quality 4: about an eighth of the JSON, under a
/// millisecond to pack): the head, every field but the tokens, and the tokens array, nine tenths of the JSON, which a
/// view reads only when asked for. What the store keeps anyway is left out: the article's text (its `text` column) from
/// the head, and each token's text (the article's text between its offsets) from the tokens; both go back in their
/// places when the JSON is composed (a fifth of the compressed size). A store of schema 11 or before keeps the whole JSON
/// in the head and no tokens part, and stores before schema 14 keep the texts; all read alike.
/// </summary>
public static class AnalysisBlob
{
    /// <summary>The JSON in its two parts, each compressed: the head (without its `text` and `tokens` fields) and the tokens array (without each token's `text`).</summary>
    public static (byte[] Head, byte[] Tokens) Pack(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var r = new Utf8JsonReader(bytes);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("the analysis is not a JSON object");
        var head = new ArrayBufferWriter<byte>(bytes.Length / 4);
        var tokens = new ArrayBufferWriter<byte>(bytes.Length);
        var found = false;
        using (var h = new Utf8JsonWriter(head, Kronika.Core.IO.JsonOutput.Options))
        using (var t = new Utf8JsonWriter(tokens, Kronika.Core.IO.JsonOutput.Options))
        {
            h.WriteStartObject();
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("tokens"u8))
                {
                    found = true;
                    r.Read();
                    CopyArray(ref r, bytes, t, "text"u8);
                    continue;
                }
                CopyProperty(ref r, bytes, h, "text"u8);
            }
            h.WriteEndObject();
        }
        if (!found) throw new InvalidDataException("the analysis has no tokens");
        return (Compress(head.WrittenSpan), Compress(tokens.WrittenSpan));
    }

    /// <summary>Copies the array of flat objects at the reader, leaving out the field <paramref name="left"/> of each.</summary>
    private static void CopyArray(ref Utf8JsonReader r, byte[] bytes, Utf8JsonWriter w, ReadOnlySpan<byte> left)
    {
        w.WriteStartArray();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            w.WriteStartObject();
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName) CopyProperty(ref r, bytes, w, left);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Copies the property whose name is at the reader, unless it is <paramref name="left"/>.</summary>
    private static void CopyProperty(ref Utf8JsonReader r, byte[] bytes, Utf8JsonWriter w, ReadOnlySpan<byte> left)
    {
        var skip = r.ValueTextEquals(left);
        var name = r.GetString()!;
        r.Read();
        var start = (int)r.TokenStartIndex;
        r.Skip();
        if (skip) return;
        w.WritePropertyName(name);
        w.WriteRawValue(bytes.AsSpan(start, (int)r.BytesConsumed - start), skipInputValidation: true);
    }

    private static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, output, out var written, quality: 4, window: 22))
            throw new InvalidOperationException("the analysis could not be compressed");
        return output[..written];
    }

    /// <summary>One compressed part as text.</summary>
    public static string Unpack(byte[] blob) => Encoding.UTF8.GetString(UnpackUtf8(blob));

    /// <summary>One compressed part as UTF-8 bytes.</summary>
    public static byte[] UnpackUtf8(byte[] blob)
    {
        var (buffer, length) = Rent(blob);
        var bytes = buffer[..length];
        ArrayPool<byte>.Shared.Return(buffer);
        return bytes;
    }

    /// <summary>One compressed part decompressed in one call into a pooled buffer (returned by the caller), which grows
    /// until it holds it: a view allocates no buffer the size of the JSON only to drop it.</summary>
    private static (byte[] Buffer, int Length) Rent(byte[] blob)
    {
        for (var size = Math.Max(16384, blob.Length * 16); ; size *= 2)
        {
            var output = ArrayPool<byte>.Shared.Rent(size);
            if (BrotliDecoder.TryDecompress(blob, output, out var written)) return (output, written);
            ArrayPool<byte>.Shared.Return(output);
            if (size > 1 << 29) throw new InvalidDataException("the stored analysis does not decompress");
        }
    }

    /// <summary>The whole JSON of `kronika analyze` again, tokens in their place (<paramref name="stored"/> read with its tokens).</summary>
    public static string Json(StoredAnalysis stored) => Encoding.UTF8.GetString(Compose(null, stored, null));

    /// <summary>The layers of the output contract, the arrays a caller may ask for one by one.</summary>
    public static IReadOnlyList<string> Layers => Order;

    private static readonly string[] Order =
        ["paragraphs", "sentences", "tokens", "entities", "references", "times", "quantities", "quotes", "attributions", "events"];

    /// <summary>Every layer but the tokens: what an article view needs (the tokens are nine tenths of an article's JSON).</summary>
    public static readonly IReadOnlySet<string> DefaultLayers = Layers.Where(l => l != "tokens").ToHashSet(StringComparer.Ordinal);

    private static readonly int TokensAt = Array.IndexOf(Order, "tokens");

    /// <summary>
    /// The stored article as the API serves it: `"id": <paramref name="id"/>` first, then the article's own fields (date,
    /// source, url, title, text, offsets), then of the layer arrays only <paramref name="layers"/> (null: every one; the
    /// tokens only when <paramref name="stored"/> was read with them). The stored JSON is copied field by field, never
    /// parsed into objects.
    /// </summary>
    public static byte[] WithId(long id, StoredAnalysis stored, IReadOnlySet<string>? layers) => Compose(id, stored, layers);

    private static byte[] Compose(long? id, StoredAnalysis stored, IReadOnlySet<string>? layers)
    {
        var (head, headLength) = Rent(stored.Json ?? throw new InvalidDataException($"article {stored.Id} has no stored analysis"));
        var (tokenBuffer, tokenLength) = stored.Tokens is { } t && (layers is null || layers.Contains("tokens")) ? Rent(t) : (null, 0);
        try
        {
            return Compose(id, head.AsSpan(0, headLength), tokenBuffer is not null, tokenBuffer.AsSpan(0, tokenLength), layers, stored.Text);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
            if (tokenBuffer is not null) ArrayPool<byte>.Shared.Return(tokenBuffer);
        }
    }

    private static byte[] Compose(long? id, ReadOnlySpan<byte> json, bool withTokens, ReadOnlySpan<byte> tokens, IReadOnlySet<string>? layers, string? text)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + tokens.Length + 2 * (text?.Length ?? 0) + 32);
        using (var w = new Utf8JsonWriter(output, Kronika.Core.IO.JsonOutput.Options))
        {
            var r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("the stored analysis is not a JSON object");
            w.WriteStartObject();
            if (id is { } i) w.WriteNumber("id", i);
            var hasText = false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var name = r.GetString()!;
                r.Read();
                var start = (int)r.TokenStartIndex;
                r.Skip();
                hasText |= name == "text";
                // The article's text goes back where the output contract has it: before `offsets`.
                if (name == "offsets" && !hasText)
                {
                    w.WriteString("text", text ?? throw new InvalidDataException("the stored analysis needs the article's text"));
                    hasText = true;
                }
                var layer = Array.IndexOf(Order, name);
                // The tokens go back where the output contract has them: before the first layer after them.
                if (withTokens && layer > TokensAt)
                {
                    w.WritePropertyName("tokens");
                    WriteTokens(w, tokens, text);
                    withTokens = false;
                }
                if (layer >= 0 && layers is not null && !layers.Contains(name)) continue;
                w.WritePropertyName(name);
                w.WriteRawValue(json.Slice(start, (int)r.BytesConsumed - start), skipInputValidation: true);
            }
            if (withTokens)
            {
                w.WritePropertyName("tokens");
                WriteTokens(w, tokens, text);
            }
            w.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The stored tokens array, each token's `text` (the article's text between its offsets) back after its `end` where it was left out.</summary>
    private static void WriteTokens(Utf8JsonWriter w, ReadOnlySpan<byte> tokens, string? text)
    {
        var r = new Utf8JsonReader(tokens);
        if (!r.Read() || r.TokenType != JsonTokenType.StartArray) throw new InvalidDataException("the stored tokens are not a JSON array");
        w.WriteStartArray();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            w.WriteStartObject();
            int start = 0, end = 0;
            var pending = false; // `end` written, its text not yet
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var isText = r.ValueTextEquals("text"u8);
                if (pending && !isText) WriteText(w, text, start, end);
                pending = false;
                var name = r.GetString()!;
                r.Read();
                if (name == "start") start = r.GetInt32();
                else if (name == "end") (end, pending) = (r.GetInt32(), true);
                var at = (int)r.TokenStartIndex;
                r.Skip();
                w.WritePropertyName(name);
                w.WriteRawValue(tokens.Slice(at, (int)r.BytesConsumed - at), skipInputValidation: true);
            }
            if (pending) WriteText(w, text, start, end);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteText(Utf8JsonWriter w, string? text, int start, int end)
    {
        if (text is null || start < 0 || end > text.Length || start > end) throw new InvalidDataException("the stored tokens need the article's text");
        w.WriteString("text", text.AsSpan(start, end - start));
    }
}

/// <summary>
/// An article's stored analysis: the model it was made with, the compressed head of the JSON (<see cref="AnalysisBlob"/>)
/// and its tokens (null when not read, or when stored whole in the head before schema 12), the article's story, and its
/// text (which the JSON is composed with).
/// </summary>
public sealed record StoredAnalysis(long Id, string? Model, byte[]? Json, byte[]? Tokens, long Story, string? Text = null);
