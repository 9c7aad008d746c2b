namespace Kronika.Core.Learning;

/// <summary>
/// Stable 64-bit hashes (FNV-1a) of feature names built from a template id and text parts, without allocating a string.
/// Models store these hashes, so the function must never change.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(int template) => Mix(Offset, template);

    public static ulong Of(int template, ReadOnlySpan<char> a) => Add(Of(template), a);

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Add(Add(Of(template), a), b);

    public static ulong Of(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c) => Add(Add(Add(Of(template), a), b), c);

    /// <summary>Appends a part, with a separator so ("ab","c") and ("a","bc") differ.</summary>
    public static ulong Add(ulong hash, ReadOnlySpan<char> part)
    {
        foreach (var c in part) hash = Mix(hash, c);
        return Mix(hash, 0xFFFF);
    }

    public static ulong Add(ulong hash, int value) => Mix(Mix(hash, value & 0xFFFF), value >> 16);

    private static ulong Mix(ulong hash, int value)
    {
        hash ^= (uint)value;
        return hash * Prime;
    }
}
