using System.Buffers.Binary;

namespace Kronika.Core.Learning;

/// <summary>
/// A trained multi-class linear model over hashed sparse features: for each feature, the classes it has a weight for.
/// Immutable and safe to share across threads.
/// </summary>
public sealed class PerceptronModel
{
    // Features sorted by hash; feature i's weights are _pairs[_starts[i].._starts[i + 1]], classes ascending, each
    // class beside its weight: a feature's weights lie in one or two cache lines.
    private readonly ulong[] _features;
    private readonly int[] _starts;
    private readonly FeatureTable _table;
    private readonly ClassWeight[] _pairs;
    private readonly float[] _dense;

    private readonly struct ClassWeight(ushort c, float weight)
    {
        public readonly ushort Class = c;
        public readonly float Weight = weight;
    }

    public PerceptronModel(int classCount, IReadOnlyDictionary<ulong, (int Class, float Weight)[]> weights)
    {
        ClassCount = classCount;
        _features = [.. weights.Keys.Order()];
        _starts = new int[_features.Length + 1];
        var pairs = new List<ClassWeight>();
        for (var i = 0; i < _features.Length; i++)
        {
            _starts[i] = pairs.Count;
            foreach (var (c, w) in weights[_features[i]].OrderBy(p => p.Class)) pairs.Add(new ClassWeight(checked((ushort)c), w));
        }
        _starts[^1] = pairs.Count;
        _pairs = [.. pairs];
        (_dense, var rows) = DenseRows(classCount, _starts, _pairs);
        _table = new FeatureTable(_features, _starts, rows);
    }

    private PerceptronModel(int classCount, ulong[] features, int[] starts, ClassWeight[] pairs)
    {
        ClassCount = classCount;
        _features = features;
        _starts = starts;
        _pairs = pairs;
        (_dense, var rows) = DenseRows(classCount, starts, pairs);
        _table = new FeatureTable(features, starts, rows);
    }

    public int ClassCount { get; }

    public int FeatureCount => _features.Length;

    public int WeightCount => _pairs.Length;

    /// <summary>Adds the weights of the features to <paramref name="scores"/> (one slot per class).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (!_table.TryGet(f, out var offset, out var count, out _)) continue;
            foreach (var p in _pairs.AsSpan(offset, count)) scores[p.Class] += p.Weight;
        }
    }

    /// <summary>The best class among <paramref name="candidates"/> (distinct; the first of equals), or among all classes when there are none.</summary>
    public int Predict(ReadOnlySpan<ulong> features, ReadOnlySpan<int> candidates, Span<float> scratch)
    {
        if (candidates.Length == 1) return candidates[0];
        if (candidates.Length is > 1 and <= 16) return PredictAmong(features, candidates, scratch[..ClassCount]);
        var scores = scratch[..ClassCount];
        // Scoring adds to every class a feature has weights for; only the candidates are read, so only they need to
        // start at zero.
        if (candidates.IsEmpty) scores.Clear();
        else
            foreach (var c in candidates) scores[c] = 0;
        Score(features, scores);
        return Best(scores, candidates);
    }

    /// <summary>
    /// Scores only the given classes. A feature with few weights adds them all into the class slots (the other
    /// classes' slots take sums nobody reads); one with many (the bias, the previous tag) has a dense row, one weight
    /// per class (0 where it has none), read at each candidate. Either way each candidate's score adds the same
    /// weights in the same order as scoring every class would.
    /// </summary>
    private int PredictAmong(ReadOnlySpan<ulong> features, ReadOnlySpan<int> candidates, Span<float> scores)
    {
        // First every feature's slot, then the first of its weights, then the sums: the look-ups of one pass do not
        // wait on each other, so their cache misses overlap instead of coming one after another.
        Span<(int Offset, int Count, int Row)> found = features.Length <= 256 ? stackalloc (int, int, int)[features.Length] : new (int, int, int)[features.Length];
        var n = 0;
        foreach (var f in features)
            if (_table.TryGet(f, out var offset, out var count, out var row)) found[n++] = (offset, count, row);
        found = found[..n];
        var touched = 0; // read, not used: the loads bring each feature's weights into the cache
        foreach (var (offset, _, _) in found) touched += _pairs[offset].Class;
        foreach (var c in candidates) scores[c] = 0;
        foreach (var (offset, count, row) in found)
        {
            if (row >= 0)
            {
                var dense = _dense.AsSpan(row * ClassCount, ClassCount);
                foreach (var c in candidates) scores[c] += dense[c];
            }
            else
                foreach (var p in _pairs.AsSpan(offset, count)) scores[p.Class] += p.Weight;
        }
        var best = candidates[0];
        for (var c = 1; c < candidates.Length; c++)
            if (scores[candidates[c]] > scores[best]) best = candidates[c];
        return best;
    }

    /// <summary>Features with at least this many weights get a dense row.</summary>
    private const int DenseFrom = 48;

    /// <summary>At most this many bytes of dense rows.</summary>
    private const long DenseBudget = 8 << 20;

    /// <summary>Dense rows, the features with the most weights first, and each feature's row (-1: none).</summary>
    private static (float[] Dense, int[] Rows) DenseRows(int classCount, int[] starts, ClassWeight[] pairs)
    {
        var features = starts.Length - 1;
        var rows = new int[features];
        Array.Fill(rows, -1);
        var heavy = Enumerable.Range(0, features).Where(f => starts[f + 1] - starts[f] >= DenseFrom)
            .OrderByDescending(f => starts[f + 1] - starts[f]).ThenBy(f => f)
            .Take((int)Math.Min(ushort.MaxValue, DenseBudget / 4 / Math.Max(1, classCount))).ToArray();
        var dense = new float[heavy.Length * classCount];
        for (var r = 0; r < heavy.Length; r++)
        {
            rows[heavy[r]] = r;
            for (var i = starts[heavy[r]]; i < starts[heavy[r] + 1]; i++) dense[r * classCount + pairs[i].Class] = pairs[i].Weight;
        }
        return (dense, rows);
    }

    public static int Best(ReadOnlySpan<float> scores, ReadOnlySpan<int> candidates)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (candidates.IsEmpty)
        {
            for (var c = 0; c < scores.Length; c++)
                if (scores[c] > bestScore) (best, bestScore) = (c, scores[c]);
        }
        else
        {
            foreach (var c in candidates)
                if (scores[c] > bestScore) (best, bestScore) = (c, scores[c]);
        }
        return best;
    }

    public void Save(BinaryWriter w)
    {
        w.Write(ClassCount);
        w.Write(_features.Length);
        for (var f = 0; f < _features.Length; f++)
        {
            w.Write(_features[f]);
            w.Write(_starts[f + 1] - _starts[f]);
            for (var i = _starts[f]; i < _starts[f + 1]; i++)
            {
                w.Write(_pairs[i].Class);
                w.Write((Half)_pairs[i].Weight);
            }
        }
    }

    /// <summary>Reads the weights straight into the model's arrays: the file lists features by hash and each feature's
    /// classes in order, as <see cref="Save"/> writes them, so nothing is sorted or grouped at start-up.</summary>
    public static PerceptronModel Load(ModelReader r)
    {
        var classCount = r.ReadInt32();
        var count = r.ReadInt32();
        // One pass to count the weights (a feature: its hash, its count, 4 bytes a weight), one to fill the arrays.
        var start = r.Position;
        var total = 0;
        for (var i = 0; i < count; i++)
        {
            r.Skip(8);
            var n = r.ReadInt32();
            if (n < 0) throw new InvalidDataException("perceptron weights: a negative count");
            r.Skip(4 * n);
            total += n;
        }
        r.Position = start;
        var features = new ulong[count];
        var starts = new int[count + 1];
        var pairs = new ClassWeight[total];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            features[i] = r.ReadUInt64();
            if (i > 0 && features[i] <= features[i - 1]) throw new InvalidDataException("perceptron weights out of order");
            starts[i] = at;
            var block = r.ReadBytes(4 * r.ReadInt32());
            for (var b = 0; b < block.Length; b += 4)
                pairs[at++] = new ClassWeight(BinaryPrimitives.ReadUInt16LittleEndian(block[b..]), (float)BinaryPrimitives.ReadHalfLittleEndian(block[(b + 2)..]));
        }
        starts[count] = at;
        return new PerceptronModel(classCount, features, starts, pairs);
    }
}

/// <summary>
/// Feature hash → (offset, count, dense row) in an open-addressing table probed linearly from the hash's low bits;
/// all in one 16-byte slot, so a look-up touches one cache line (a count of 0 marks a free slot: every stored feature
/// has a weight) and allocates nothing.
/// </summary>
internal sealed class FeatureTable
{
    private struct Slot
    {
        public ulong Key;
        public int Offset;
        public ushort Count;
        public ushort Row; // the dense row + 1; 0: none
    }

    private readonly Slot[] _slots;
    private readonly int _mask;

    /// <param name="starts">Feature i's weights run from starts[i] to starts[i + 1].</param>
    /// <param name="rows">Feature i's dense row, or -1.</param>
    public FeatureTable(ulong[] features, int[] starts, int[] rows)
    {
        var capacity = 16;
        while (capacity < features.Length * 2) capacity *= 2;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (var i = 0; i < features.Length; i++)
        {
            var count = starts[i + 1] - starts[i];
            if (count == 0) continue;
            if (count > ushort.MaxValue) throw new InvalidDataException("a feature with more than 65,535 weights");
            var key = features[i];
            var slot = SlotOf(key);
            while (_slots[slot].Count != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Key = key, Offset = starts[i], Count = (ushort)count, Row = (ushort)(rows[i] + 1) };
        }
    }

    // FNV hashes are well mixed in the high bits; fold them down.
    private int SlotOf(ulong key) => (int)((key ^ (key >> 32)) & (uint)_mask);

    public bool TryGet(ulong key, out int offset, out int count, out int row)
    {
        var slots = _slots;
        var slot = SlotOf(key);
        while (true)
        {
            ref var s = ref slots[slot];
            if (s.Count == 0) break;
            if (s.Key == key)
            {
                offset = s.Offset;
                count = s.Count;
                row = s.Row - 1;
                return true;
            }
            slot = (slot + 1) & _mask;
        }
        offset = count = 0;
        row = -1;
        return false;
    }
}

/// <summary>
/// Trains an averaged perceptron (Collins 2002): on each mistake, the true class's weights go up and the guessed
/// class's go down; the final weights are the average over all steps, which generalizes far better.
/// </summary>
public sealed class PerceptronTrainer(int classCount)
{
    private sealed class Weight
    {
        public float Value;
        public double Total;
        public int Stamp;
    }

    private readonly Dictionary<ulong, Dictionary<int, Weight>> _weights = [];
    private int _step;

    public int ClassCount => classCount;

    public int Predict(ReadOnlySpan<ulong> features, ReadOnlySpan<int> candidates, Span<float> scratch)
    {
        var scores = scratch[..classCount];
        scores.Clear();
        foreach (var f in features)
        {
            if (!_weights.TryGetValue(f, out var byClass)) continue;
            foreach (var (c, w) in byClass) scores[c] += w.Value;
        }
        return PerceptronModel.Best(scores, candidates);
    }

    /// <summary>Counts one training example; updates the weights when the guess was wrong.</summary>
    public void Update(int truth, int guess, ReadOnlySpan<ulong> features)
    {
        _step++;
        if (truth == guess) return;
        foreach (var f in features)
        {
            if (!_weights.TryGetValue(f, out var byClass)) _weights[f] = byClass = [];
            Change(byClass, truth, 1f);
            if (guess >= 0) Change(byClass, guess, -1f);
        }
    }

    private void Change(Dictionary<int, Weight> byClass, int c, float delta)
    {
        if (!byClass.TryGetValue(c, out var w)) byClass[c] = w = new Weight { Stamp = _step };
        w.Total += (_step - w.Stamp) * (double)w.Value;
        w.Stamp = _step;
        w.Value += delta;
    }

    /// <summary>The averaged weights as an immutable model; weights smaller than <paramref name="prune"/> are dropped.</summary>
    public PerceptronModel Average(float prune = 1e-3f)
    {
        var result = new Dictionary<ulong, (int, float)[]>();
        foreach (var (feature, byClass) in _weights)
        {
            var list = new List<(int, float)>();
            foreach (var (c, w) in byClass)
            {
                var total = w.Total + (_step - w.Stamp) * (double)w.Value;
                var average = (float)(total / Math.Max(1, _step));
                if (Math.Abs(average) >= prune) list.Add((c, average));
            }
            if (list.Count > 0) result[feature] = [.. list];
        }
        return new PerceptronModel(classCount, result);
    }
}
