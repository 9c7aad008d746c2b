namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// A Bloom filter over a fixed set of strings, about 16 bits and two probes per string, so that it stays in the
/// processor's cache: <see cref="MayContain"/> false means surely absent. The analyses and the lemmatizer try many
/// strings no table holds (stems, endings); the filter answers most of them without touching the table.
/// </summary>
internal sealed class StringFilter
{
    private readonly ulong[] _bits;
    private readonly int _mask;

    public StringFilter(ICollection<string> keys)
    {
        var bits = 1024;
        while (bits < keys.Count * 16L) bits *= 2;
        _bits = new ulong[bits / 64];
        _mask = bits - 1;
        foreach (var key in keys)
        {
            var h = Hash(key);
            _bits[(int)(h & (uint)_mask) >> 6] |= 1UL << (int)(h & 63);
            _bits[(int)((h >> 32) & (uint)_mask) >> 6] |= 1UL << (int)((h >> 32) & 63);
        }
    }

    public bool MayContain(ReadOnlySpan<char> key)
    {
        var h = Hash(key);
        return (_bits[(int)(h & (uint)_mask) >> 6] & (1UL << (int)(h & 63))) != 0
            && (_bits[(int)((h >> 32) & (uint)_mask) >> 6] & (1UL << (int)((h >> 32) & 63))) != 0;
    }

    // FNV-1a over the characters, its high bits folded into the low ones.
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text) h = (h ^ c) * 1099511628211UL;
        return h ^ (h >> 29);
    }
}
