using System.IO.Compression;
using System.Text;

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

    public static string Unpack(byte[] blob)
    {
        using var input = new MemoryStream(blob);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
