using System.Runtime.CompilerServices;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The parser's weights laid out for speed: an open-addressing table of 8-byte slots (a 32-bit fingerprint of the
/// feature hash, where its weights start and how many there are), each feature's (action, weight) pairs packed in one
/// array. Parsing is bound by memory latency (a hundred feature lookups per action), so the table is kept small, all of
/// a state's home slots are read in one pass of independent loads that the processor overlaps, and the weights are
/// floats (a Half converts through a call per weight). Same format on disk as <see cref="PerceptronModel"/>.
/// </summary>
public sealed class ActionWeights
{
    private struct Slot
    {
        public uint Fingerprint;
        public uint Weights; // where the feature's pairs start in _entries (high 24 bits) and their count (low 8); 0: empty
    }

    private struct Entry
    {
        public int Action;
        public float Weight;
    }

    private readonly Slot[] _slots;
    private readonly List<(ulong Feature, (ushort Class, Half Weight)[] Weights)> _features; // as read, for saving
    private readonly int _mask;
    private readonly int _shift;
    private readonly Entry[] _entries;

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
        var entries = new List<Entry> { default }; // entry 0 is never used, so that 0 marks an empty slot
        foreach (var (feature, weights) in features)
        {
            if (weights.Length is 0 or > 255 || entries.Count >= 1 << 24)
                throw new InvalidDataException($"a syntax model feature with {weights.Length} weights, or more than {1 << 24} weights in all");
            var at = Home(feature);
            while (_slots[at].Weights != 0) at = (at + 1) & _mask;
            _slots[at] = new Slot { Fingerprint = (uint)feature, Weights = (uint)entries.Count << 8 | (uint)weights.Length };
            foreach (var (c, w) in weights) entries.Add(new Entry { Action = c, Weight = (float)w });
        }
        _entries = [.. entries];
    }

    public int ClassCount { get; }
    public int FeatureCount { get; }
    public int WeightCount => _entries.Length - 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(ulong feature) => (int)((feature * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>Adds the weights of the features to <paramref name="scores"/> (one slot per action).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        Span<uint> found = features.Length <= 256 ? stackalloc uint[features.Length] : new uint[features.Length];
        var slots = _slots;
        // First the home slots, whose loads do not depend on each other; a feature whose home holds another goes on probing.
        for (var i = 0; i < features.Length; i++)
        {
            var slot = slots[Home(features[i])];
            found[i] = slot.Fingerprint == (uint)features[i] || slot.Weights == 0 ? slot.Weights : uint.MaxValue;
        }
        for (var i = 0; i < features.Length; i++)
        {
            if (found[i] != uint.MaxValue) continue;
            var fingerprint = (uint)features[i];
            var at = (Home(features[i]) + 1) & _mask;
            found[i] = 0;
            while (slots[at].Weights != 0)
            {
                if (slots[at].Fingerprint == fingerprint)
                {
                    found[i] = slots[at].Weights;
                    break;
                }
                at = (at + 1) & _mask;
            }
        }
        var entries = _entries;
        foreach (var weights in found)
        {
            var start = (int)(weights >> 8);
            var end = start + (int)(weights & 0xFF);
            for (var e = start; e < end; e++) scores[entries[e].Action] += entries[e].Weight;
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
