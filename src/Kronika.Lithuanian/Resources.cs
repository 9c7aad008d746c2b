using System.Collections.Frozen;
using System.Reflection;

namespace Kronika.Lithuanian;

/// <summary>
/// The small UTF-8 data files embedded beside each step. Lines are trimmed; empty lines and lines starting with
/// '#' are comments.
/// </summary>
public static class Resources
{
    private static readonly Assembly Assembly = typeof(Resources).Assembly;

    /// <summary>Every embedded resource name (folder path with '/' separators, e.g. `Tokenization/Data/abbreviations.txt`).</summary>
    public static IEnumerable<string> Names =>
        Assembly.GetManifestResourceNames().Select(n => n.Replace('\\', '/')).Order(StringComparer.Ordinal);

    /// <summary>The embedded text data files (not the models).</summary>
    public static IEnumerable<string> DataNames => Names.Where(n => n.EndsWith(".txt", StringComparison.Ordinal) || n.EndsWith(".tsv", StringComparison.Ordinal));

    public static Stream Open(string name) =>
        Assembly.GetManifestResourceStream(name)
        ?? Assembly.GetManifestResourceStream(name.Replace('/', '\\'))
        ?? throw new InvalidOperationException($"embedded resource '{name}' is missing");

    /// <summary>A gzip model file decompressed into memory in one go: the model's reader then takes its numbers and
    /// strings from a buffer instead of asking the decompressor for a few bytes at a time.</summary>
    public static MemoryStream Decompressed(Stream gzip)
    {
        var memory = new MemoryStream(DecompressedSize(gzip));
        using (var decompressor = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true))
            decompressor.CopyTo(memory);
        memory.Position = 0;
        return memory;
    }

    /// <summary>A gzip model file decompressed into memory, to be read from its bytes.</summary>
    public static Kronika.Core.Learning.ModelReader DecompressedModel(Stream gzip)
    {
        var memory = Decompressed(gzip);
        return new Kronika.Core.Learning.ModelReader(memory.GetBuffer(), (int)memory.Length);
    }

    /// <summary>The buffer to decompress into: the size a seekable gzip file records in its last four bytes (ISIZE,
    /// the size modulo 2^32), so the buffer is allocated once and never grown; otherwise a guess.</summary>
    private static int DecompressedSize(Stream gzip)
    {
        if (!gzip.CanSeek || gzip.Length - gzip.Position < 18) return 1 << 20;
        var start = gzip.Position;
        Span<byte> trailer = stackalloc byte[4];
        gzip.Seek(-4, SeekOrigin.End);
        gzip.ReadExactly(trailer);
        gzip.Position = start;
        var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return size is > 0 and < int.MaxValue / 2 ? (int)size : 1 << 20;
    }

    public static IEnumerable<string> Lines(string name)
    {
        using var reader = new StreamReader(Open(name));
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            yield return trimmed;
        }
    }

    public static FrozenSet<string> Set(string name, StringComparer? comparer = null) =>
        Lines(name).ToFrozenSet(comparer ?? StringComparer.Ordinal);
}
