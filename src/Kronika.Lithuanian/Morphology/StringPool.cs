using System.Text;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// Reads strings written by <see cref="BinaryWriter.Write(string)"/> and gives each distinct text one instance: a
/// model's lemmas and edit suffixes repeat thousands of times, and a string made once is cheaper to load (and to keep)
/// than one made per entry.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Read(ModelReader r)
    {
        var bytes = r.ReadStringBytes();
        if (bytes.Length > 256) return Add(Encoding.UTF8.GetString(bytes));
        Span<char> chars = stackalloc char[bytes.Length];
        var text = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        return _lookup.TryGetValue(text, out var known) ? known : Add(text.ToString());
    }

    private string Add(string text) => _strings.TryAdd(text, text) ? text : _strings[text];
}
