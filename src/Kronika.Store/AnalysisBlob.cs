using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Kronika.Store;

/// <summary>
/// An article's whole analysis as the store keeps it: the UTF-8 JSON of `kronika analyze` (every layer the output
/// contract has, new ones included) in two Brotli-compressed parts (quality 4: about a tenth of the JSON, a millisecond
/// to pack): the head, every field but the tokens, and the tokens array, nine tenths of the JSON, which a view reads
/// only when asked for. A store of schema 11 or before keeps the whole JSON in the head and no tokens part; both read alike.
/// </summary>
public static class AnalysisBlob
{
    /// <summary>The JSON in its two parts, each compressed: the head (the JSON without its `tokens` field) and the tokens array.</summary>
    public static (byte[] Head, byte[] Tokens) Pack(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var r = new Utf8JsonReader(bytes);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("the analysis is not a JSON object");
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var isTokens = r.ValueTextEquals("tokens"u8);
            var name = (int)r.TokenStartIndex;
            r.Read();
            var start = (int)r.TokenStartIndex;
            r.Skip();
            if (!isTokens) continue;
            var end = (int)r.BytesConsumed;
            // The field goes with the comma before it (it is never the first: the article's own fields come first).
            var head = new byte[bytes.Length - (end - name) - 1];
            bytes.AsSpan(0, name - 1).CopyTo(head);
            bytes.AsSpan(end).CopyTo(head.AsSpan(name - 1));
            return (Compress(head), Compress(bytes.AsSpan(start, end - start)));
        }
        throw new InvalidDataException("the analysis has no tokens");
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
            return Compose(id, head.AsSpan(0, headLength), tokenBuffer is not null, tokenBuffer.AsSpan(0, tokenLength), layers);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(head);
            if (tokenBuffer is not null) ArrayPool<byte>.Shared.Return(tokenBuffer);
        }
    }

    private static byte[] Compose(long? id, ReadOnlySpan<byte> json, bool withTokens, ReadOnlySpan<byte> tokens, IReadOnlySet<string>? layers)
    {
        var output = new ArrayBufferWriter<byte>(json.Length + tokens.Length + 32);
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            var r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("the stored analysis is not a JSON object");
            w.WriteStartObject();
            if (id is { } i) w.WriteNumber("id", i);
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var name = r.GetString()!;
                r.Read();
                var start = (int)r.TokenStartIndex;
                r.Skip();
                var layer = Array.IndexOf(Order, name);
                // The tokens go back where the output contract has them: before the first layer after them.
                if (withTokens && layer > TokensAt)
                {
                    w.WritePropertyName("tokens");
                    w.WriteRawValue(tokens, skipInputValidation: true);
                    withTokens = false;
                }
                if (layer >= 0 && layers is not null && !layers.Contains(name)) continue;
                w.WritePropertyName(name);
                w.WriteRawValue(json.Slice(start, (int)r.BytesConsumed - start), skipInputValidation: true);
            }
            if (withTokens)
            {
                w.WritePropertyName("tokens");
                w.WriteRawValue(tokens, skipInputValidation: true);
            }
            w.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }
}

/// <summary>
/// An article's stored analysis: the model it was made with, the compressed head of the JSON (<see cref="AnalysisBlob"/>)
/// and its tokens (null when not read, or when stored whole in the head before schema 12), and the article's story.
/// </summary>
public sealed record StoredAnalysis(long Id, string? Model, byte[]? Json, byte[]? Tokens, long Story);
