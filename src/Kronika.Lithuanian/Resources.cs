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
        var memory = new MemoryStream(gzip.CanSeek ? (int)Math.Min(int.MaxValue / 2, gzip.Length * 4) : 1 << 20);
        using (var decompressor = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true))
            decompressor.CopyTo(memory);
        memory.Position = 0;
        return memory;
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
