using System.Buffers.Binary;
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
    private readonly int _mask;
    private readonly int _shift;
    private readonly Entry[] _entries;
    // Feature i (in the order read) is _keys[i], its weights _entries[_starts[i].._starts[i + 1]]: kept for saving.
    private readonly ulong[] _keys;
    private readonly int[] _starts;

    /// <param name="keys">The features.</param>
    /// <param name="starts">Feature i's weights are entries[starts[i]..starts[i + 1]]; entry 0 is never used, so that 0 marks an empty slot.</param>
    private ActionWeights(int classCount, ulong[] keys, int[] starts, Entry[] entries)
    {
        ClassCount = classCount;
        FeatureCount = keys.Length;
        _keys = keys;
        _starts = starts;
        _entries = entries;
        if (entries.Length > 1 << 24) throw new InvalidDataException($"a syntax model with more than {1 << 24} weights");
        var bits = 4;
        while ((1 << bits) < keys.Length + keys.Length / 3) bits++;
        _slots = new Slot[1 << bits];
        _mask = (1 << bits) - 1;
        _shift = 64 - bits;
        for (var i = 0; i < keys.Length; i++)
        {
            var count = starts[i + 1] - starts[i];
            if (count is 0 or > 255) throw new InvalidDataException($"a syntax model feature with {count} weights");
            var at = Home(keys[i]);
            while (_slots[at].Weights != 0) at = (at + 1) & _mask;
            _slots[at] = new Slot { Fingerprint = (uint)keys[i], Weights = (uint)starts[i] << 8 | (uint)count };
        }
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

    /// <summary>Writes the weights as <see cref="PerceptronModel.Save"/> does: features by hash, each weight a Half
    /// (the floats were read from Halves, so they are written back exactly).</summary>
    public void Save(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(FeatureCount);
        var order = Enumerable.Range(0, _keys.Length).ToArray();
        Array.Sort((ulong[])_keys.Clone(), order);
        foreach (var i in order)
        {
            w.Write(_keys[i]);
            w.Write(_starts[i + 1] - _starts[i]);
            for (var e = _starts[i]; e < _starts[i + 1]; e++)
            {
                w.Write((ushort)_entries[e].Action);
                w.Write((Half)_entries[e].Weight);
            }
        }
    }

    /// <summary>Reads weights written by <see cref="PerceptronModel.Save"/> or <see cref="Save"/> straight into the table,
    /// dropping those smaller than <paramref name="prune"/> (and the features left with none).</summary>
    public static ActionWeights Load(ModelReader r, float prune = 0)
    {
        var classCount = r.ReadInt32();
        var count = r.ReadInt32();
        // One pass to count the weights (a feature: its hash, its count, 4 bytes a weight), one to fill the arrays.
        var start = r.Position;
        var total = 0L;
        for (var i = 0; i < count; i++)
        {
            r.Skip(8);
            var n = r.ReadInt32();
            if (n is < 0 or > 255) throw new InvalidDataException($"a syntax model feature with {n} weights");
            r.Skip(4 * n);
            total += n;
        }
        if (count < 0 || total >= 1 << 24) throw new InvalidDataException($"a syntax model with {count} features and {total} weights");
        r.Position = start;
        var keys = new ulong[count];
        var starts = new int[count + 1];
        var entries = new Entry[total + 1];
        var kept = 0;
        var at = 1;
        for (var i = 0; i < count; i++)
        {
            var key = r.ReadUInt64();
            var first = at;
            var block = r.ReadBytes(4 * r.ReadInt32());
            for (var b = 0; b < block.Length; b += 4)
            {
                var action = BinaryPrimitives.ReadUInt16LittleEndian(block[b..]);
                var weight = (float)BinaryPrimitives.ReadHalfLittleEndian(block[(b + 2)..]);
                if (prune > 0 && Math.Abs(weight) < prune) continue;
                entries[at++] = new Entry { Action = action, Weight = weight };
            }
            if (at == first) continue;
            keys[kept] = key;
            starts[kept++] = first;
        }
        starts[kept] = at;
        return new ActionWeights(classCount, kept == count ? keys : keys[..kept], kept == count ? starts : starts[..(kept + 1)], at == entries.Length ? entries : entries[..at]);
    }

    /// <summary>The weights of a trained perceptron, dropping those smaller than <paramref name="prune"/>.</summary>
    public static ActionWeights From(PerceptronModel model, float prune = 0)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true)) model.Save(w);
        return Load(new ModelReader(buffer.GetBuffer(), (int)buffer.Length), prune);
    }
}
