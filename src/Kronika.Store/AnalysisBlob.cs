using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Kronika.Store;

/// <summary>
/// An article's whole analysis as the store keeps it: the UTF-8 JSON of `kronika analyze` (every layer the output
/// contract has, new ones included), Brotli-compressed (quality 4: about a tenth of the JSON, a millisecond to pack).
/// </summary>
public static class AnalysisBlob
{
    public static byte[] Pack(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, output, out var written, quality: 4, window: 22))
            throw new InvalidOperationException("the analysis could not be compressed");
        return output[..written];
    }

    public static string Unpack(byte[] blob) => Encoding.UTF8.GetString(UnpackUtf8(blob));

    /// <summary>The JSON as UTF-8 bytes, decompressed in one call (the buffer grows until it holds it).</summary>
    public static byte[] UnpackUtf8(byte[] blob)
    {
        for (var size = Math.Max(4096, blob.Length * 12); ; size *= 2)
        {
            var output = new byte[size];
            if (BrotliDecoder.TryDecompress(blob, output, out var written)) return output[..written];
            if (size > 1 << 30) throw new InvalidDataException("the stored analysis does not decompress");
        }
    }

    /// <summary>The stored JSON as UTF-8 with `"id": <paramref name="id"/>` as its first field, as the API serves an article.</summary>
    public static byte[] WithId(long id, byte[] blob)
    {
        var json = UnpackUtf8(blob);
        var head = Encoding.UTF8.GetBytes($"{{\"id\":{id},");
        var result = new byte[head.Length + json.Length - 1];
        head.CopyTo(result, 0);
        json.AsSpan(1).CopyTo(result.AsSpan(head.Length));
        return result;
    }

    /// <summary>The layers of the output contract, the arrays a caller may ask for one by one.</summary>
    public static readonly IReadOnlyList<string> Layers =
        ["paragraphs", "sentences", "tokens", "entities", "references", "times", "quantities", "quotes", "attributions", "events"];

    /// <summary>Every layer but the tokens: what an article view needs (the tokens are nine tenths of an article's JSON).</summary>
    public static readonly IReadOnlySet<string> DefaultLayers = Layers.Where(l => l != "tokens").ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// As <see cref="WithId(long, byte[])"/>, keeping of the layer arrays only <paramref name="layers"/>; the article's own
    /// fields (date, source, url, title, text, offsets) are always kept. The stored JSON is copied field by field, never
    /// parsed into objects.
    /// </summary>
    public static byte[] WithId(long id, byte[] blob, IReadOnlySet<string> layers)
    {
        var json = UnpackUtf8(blob);
        var output = new ArrayBufferWriter<byte>(json.Length);
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            var r = new Utf8JsonReader(json);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("the stored analysis is not a JSON object");
            w.WriteStartObject();
            w.WriteNumber("id", id);
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var name = r.GetString()!;
                r.Read();
                var start = (int)r.TokenStartIndex;
                r.Skip();
                if (Layers.Contains(name) && !layers.Contains(name)) continue;
                w.WritePropertyName(name);
                w.WriteRawValue(json.AsSpan(start, (int)r.BytesConsumed - start), skipInputValidation: true);
            }
            w.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }
}
