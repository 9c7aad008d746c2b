using System.Runtime.CompilerServices;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The parser's weights laid out for speed: an open-addressing table of 8-byte slots (a 32-bit fingerprint of the
/// feature hash and where its weights start), each feature's (action, weight) pairs packed after a count in one array.
/// Parsing is bound by memory latency (a hundred feature lookups per action), so the table is kept small and all of a
/// state's features are looked up before their weights are read, letting the processor overlap the misses. Same format
/// on disk as <see cref="PerceptronModel"/>.
/// </summary>
public sealed class ActionWeights
{
    private struct Slot
    {
        public uint Fingerprint;
        public int Offset; // 0: empty (entry 0 is never used)
    }

    private readonly Slot[] _slots;
    private readonly List<(ulong Feature, (ushort Class, Half Weight)[] Weights)> _features; // as read, for saving
    private readonly int _mask;
    private readonly int _shift;
    // At a feature's offset its count, then per action: the action in the low 16 bits, the weight as a Half in the high 16.
    private readonly uint[] _entries;

    private ActionWeights(int classCount, List<(ulong Feature, (ushort Class, Half Weight)[] Weights)> features)
    {
        ClassCount = classCount;
        FeatureCount = features.Count;
        _features = features;
        var bits = 4;
        while ((1 << bits) < features.Count + features.Count / 3) bits++;
        _slots = new Slot[1 << bits];
        _mask = (1 << bits) - 1;
        _shift = 64 - bits;
        var entries = new List<uint> { 0 };
        foreach (var (feature, weights) in features)
        {
            var at = Home(feature);
            while (_slots[at].Offset != 0) at = (at + 1) & _mask;
            _slots[at] = new Slot { Fingerprint = (uint)feature, Offset = entries.Count };
            entries.Add((uint)weights.Length);
            foreach (var (c, w) in weights) entries.Add(c | ((uint)BitConverter.HalfToUInt16Bits(w) << 16));
        }
        _entries = [.. entries];
    }

    public int ClassCount { get; }
    public int FeatureCount { get; }
    public int WeightCount => _entries.Length - 1 - FeatureCount;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong feature) => (int)((feature * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Adds the weights of the features to <paramref name="scores"/> (one slot per action).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<int> found = features.Length <= 256 ? stackalloc int[features.Length] : new int[features.Length];
        var slots = _slots;
        for (var i = 0; i < features.Length; i++)
        {
            var feature = features[i];
            var fingerprint = (uint)feature;
            var at = Home(feature);
            var offset = 0;
            while (true)
            {
                var slot = slots[at];
                if (slot.Offset == 0) break;
                if (slot.Fingerprint == fingerprint)
                {
                    offset = slot.Offset;
                    break;
                }
                at = (at + 1) & _mask;
            }
            found[i] = offset;
        }
        var entries = _entries;
        foreach (var offset in found)
        {
            if (offset == 0) continue;
            var end = offset + 1 + (int)entries[offset];
            for (var e = offset + 1; e < end; e++)
            {
                var entry = entries[e];
                scores[(int)(entry & 0xFFFF)] += (float)BitConverter.UInt16BitsToHalf((ushort)(entry >> 16));
            }
        }
    }

    /// <summary>Writes the weights as <see cref="PerceptronModel.Save"/> does.</summary>
    public void Save(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(FeatureCount);
        foreach (var (feature, weights) in _features.OrderBy(f => f.Feature))
        {
            w.Write(feature);
            w.Write(weights.Length);
            foreach (var (c, x) in weights)
            {
                w.Write(c);
                w.Write(x);
            }
        }
    }

    /// <summary>Reads weights written by <see cref="PerceptronModel.Save"/> or <see cref="Save"/>.</summary>
    public static ActionWeights Load(BinaryReader r)
    {
        var classCount = r.ReadInt32();
        var count = r.ReadInt32();
        var features = new List<(ulong, (ushort, Half)[])>(count);
        for (var i = 0; i < count; i++)
        {
            var feature = r.ReadUInt64();
            var list = new (ushort, Half)[r.ReadInt32()];
            for (var j = 0; j < list.Length; j++) list[j] = (r.ReadUInt16(), r.ReadHalf());
            features.Add((feature, list));
        }
        return new ActionWeights(classCount, features);
    }

    /// <summary>The weights of a trained perceptron, dropping those smaller than <paramref name="prune"/>.</summary>
    public static ActionWeights From(PerceptronModel model, float prune = 0)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.Save(w);
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);
        var all = Load(r);
        var kept = all._features
            .Select(f => (f.Feature, f.Weights.Where(p => Math.Abs((float)p.Weight) >= prune).ToArray()))
            .Where(f => f.Item2.Length > 0).ToList();
        return new ActionWeights(all.ClassCount, kept);
    }
}
