using System.Text;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// A section of a model file that maps strings to values — a count, then each key as <see cref="BinaryWriter"/> writes a
/// string, followed by its value — looked up where it lies in the file's bytes. Loading only indexes it (a hash of each
/// key's UTF-8 bytes and where its value starts); a value is read the first time it is asked for, so a process that
/// analyses one article decodes a few hundred of the lemmatizer's hundred thousand rule lists, not all of them, and
/// makes no string per key. A Bloom filter (about 16 bits and two probes per key) answers most look-ups of absent keys
/// without touching the table. Safe to share across threads.
/// </summary>
internal sealed class ModelTable<T> where T : class
{
    private readonly ModelReader _file;
    private readonly Func<ModelReader, T> _read;
    private readonly int[] _slots; // entry + 1; 0: empty
    private readonly int _mask;
    private readonly ulong[] _hashes;
    private readonly int[] _keyAt; // where each entry's key (its length prefix) starts
    private readonly int[] _valueAt;
    private readonly T?[] _values;
    private readonly ulong[] _filter;
    private readonly int _filterMask;

    /// <param name="file">Positioned at the first key; left after the last value.</param>
    /// <param name="skip">Steps over one value.</param>
    /// <param name="read">Reads one value (called under a lock, once per key).</param>
    public ModelTable(ModelReader file, int count, Action<ModelReader> skip, Func<ModelReader, T> read)
    {
        if (count < 0) throw new InvalidDataException($"a model table of {count} entries");
        _file = file;
        _read = read;
        _hashes = new ulong[count];
        _keyAt = new int[count];
        _valueAt = new int[count];
        _values = new T?[count];
        var capacity = 16;
        while (capacity < count * 2L) capacity *= 2;
        _slots = new int[capacity];
        _mask = capacity - 1;
        var bits = 1024;
        while (bits < count * 16L) bits *= 2;
        _filter = new ulong[bits / 64];
        _filterMask = bits - 1;
        for (var i = 0; i < count; i++)
        {
            _keyAt[i] = file.Position;
            var hash = Hash(file.ReadStringBytes());
            _hashes[i] = hash;
            _valueAt[i] = file.Position;
            skip(file);
            _filter[(int)(hash & (uint)_filterMask) >> 6] |= 1UL << (int)(hash & 63);
            _filter[(int)((hash >> 32) & (uint)_filterMask) >> 6] |= 1UL << (int)((hash >> 32) & 63);
            var slot = (int)(hash >> 20) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = i + 1;
        }
    }

    /// <summary>A table of the given entries, laid out as a model file would hold them.</summary>
    public static ModelTable<T> Of(IEnumerable<KeyValuePair<string, T>> entries, Action<BinaryWriter, T> write, Action<ModelReader> skip, Func<ModelReader, T> read)
    {
        var buffer = new MemoryStream();
        var count = 0;
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            foreach (var (key, value) in entries)
            {
                w.Write(key);
                write(w, value);
                count++;
            }
        return new ModelTable<T>(new ModelReader(buffer.GetBuffer(), (int)buffer.Length), count, skip, read);
    }

    public int Count => _hashes.Length;

    public bool TryGetValue(ReadOnlySpan<char> key, out T value)
    {
        value = null!;
        Span<byte> buffer = stackalloc byte[256];
        var utf8 = key.Length * 3 <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(key, buffer)] : Encoding.UTF8.GetBytes(key.ToString());
        var hash = Hash(utf8);
        if ((_filter[(int)(hash & (uint)_filterMask) >> 6] & (1UL << (int)(hash & 63))) == 0
            || (_filter[(int)((hash >> 32) & (uint)_filterMask) >> 6] & (1UL << (int)((hash >> 32) & 63))) == 0) return false;
        for (var slot = (int)(hash >> 20) & _mask; _slots[slot] != 0; slot = (slot + 1) & _mask)
        {
            var i = _slots[slot] - 1;
            if (_hashes[i] != hash || !_file.Bytes(_valueAt[i] - utf8.Length, utf8.Length).SequenceEqual(utf8)) continue;
            value = Value(i);
            return true;
        }
        return false;
    }

    /// <summary>Every entry, in the file's order (each value read now if it was not yet).</summary>
    public IEnumerable<KeyValuePair<string, T>> Entries()
    {
        for (var i = 0; i < _hashes.Length; i++)
            yield return new(_file.At(_keyAt[i]).ReadString(), Value(i));
    }

    private T Value(int i)
    {
        if (Volatile.Read(ref _values[i]) is { } known) return known;
        lock (_values)
        {
            if (_values[i] is { } again) return again;
            var value = _read(_file.At(_valueAt[i]));
            Volatile.Write(ref _values[i], value);
            return value;
        }
    }

    // FNV-1a over the bytes, its high bits folded into the low ones.
    private static ulong Hash(ReadOnlySpan<byte> text)
    {
        var h = 14695981039346656037UL;
        foreach (var b in text) h = (h ^ b) * 1099511628211UL;
        return h ^ (h >> 29);
    }
}
