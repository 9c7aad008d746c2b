using System.Runtime.CompilerServices;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The parser's weights laid out for speed: an open-addressing table of feature hashes (one cache line holds four
/// slots), each pointing at its (action, weight) pairs packed in one array. Parsing is bound by memory latency (a
/// hundred feature lookups per action in a table of megabytes), so all of a state's features are looked up first and
/// their weights read after, letting the processor overlap the misses. Same format on disk as
/// <see cref="PerceptronModel"/>.
/// </summary>
public sealed class ActionWeights
{
    private struct Slot
    {
        public ulong Key;
        public int Offset;
        public int Count;
    }

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly uint[] _entries; // action in the low 16 bits, the weight as a Half in the high 16

    private ActionWeights(int classCount, List<(ulong Feature, (ushort Class, Half Weight)[] Weights)> features)
    {
        ClassCount = classCount;
        FeatureCount = features.Count;
        var capacity = 16;
        while (capacity < features.Count * 2) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        var entries = new List<uint>();
        foreach (var (feature, weights) in features)
        {
            var key = feature == 0 ? 1 : feature;
            var at = Home(key);
            while (_slots[at].Key != 0) at = (at + 1) & _mask;
            _slots[at] = new Slot { Key = key, Offset = entries.Count, Count = weights.Length };
            foreach (var (c, w) in weights) entries.Add(c | ((uint)BitConverter.HalfToUInt16Bits(w) << 16));
        }
        _entries = [.. entries];
    }

    public int ClassCount { get; }
    public int FeatureCount { get; }
    public int WeightCount => _entries.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;

    /// <summary>Adds the weights of the features to <paramref name="scores"/> (one slot per action).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<int> found = features.Length <= 256 ? stackalloc int[features.Length] : new int[features.Length];
        var slots = _slots;
        for (var i = 0; i < features.Length; i++)
        {
            var key = features[i] == 0 ? 1 : features[i];
            var at = Home(key);
            while (true)
            {
                var k = slots[at].Key;
                if (k == key) break;
                if (k == 0)
                {
                    at = -1;
                    break;
                }
                at = (at + 1) & _mask;
            }
            found[i] = at;
        }
        var entries = _entries;
        foreach (var at in found)
        {
            if (at < 0) continue;
            var slot = slots[at];
            for (var e = slot.Offset; e < slot.Offset + slot.Count; e++)
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
        foreach (var slot in _slots.Where(s => s.Key != 0).OrderBy(s => s.Key))
        {
            w.Write(slot.Key);
            w.Write(slot.Count);
            for (var e = slot.Offset; e < slot.Offset + slot.Count; e++)
            {
                w.Write((ushort)(_entries[e] & 0xFFFF));
                w.Write(BitConverter.UInt16BitsToHalf((ushort)(_entries[e] >> 16)));
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

    public static ActionWeights From(PerceptronModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.Save(w);
        buffer.Position = 0;
        using var r = new BinaryReader(buffer);
        return Load(r);
    }
}
