using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The weights of a globally trained parser while they are learned (Collins 2002's structured perceptron, averaged):
/// an update adds to the actions of a whole action sequence at once, and averaging counts sentences, not actions.
/// </summary>
public sealed class StructuredPerceptron(int actions)
{
    private sealed class Weights
    {
        public int[] Action = new int[4];
        public float[] Value = new float[4];
        public double[] Total = new double[4];
        public int[] Stamp = new int[4];
        public int Count;
    }

    private readonly Dictionary<ulong, Weights> _weights = [];
    private int _step;

    public int ActionCount => actions;

    /// <summary>Adds the current weights of the features to <paramref name="scores"/> (one slot per action).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (!_weights.TryGetValue(f, out var w)) continue;
            for (var i = 0; i < w.Count; i++) scores[w.Action[i]] += w.Value[i];
        }
    }

    /// <summary>Counts one training example (a sentence) for the average.</summary>
    public void Tick() => _step++;

    /// <summary>Adds <paramref name="delta"/> to the weight of <paramref name="action"/> for each feature.</summary>
    public void Add(int action, ReadOnlySpan<ulong> features, float delta)
    {
        foreach (var f in features)
        {
            if (!_weights.TryGetValue(f, out var w)) _weights[f] = w = new Weights();
            var i = 0;
            while (i < w.Count && w.Action[i] != action) i++;
            if (i == w.Count)
            {
                if (w.Count == w.Action.Length)
                {
                    var size = w.Count * 2;
                    Array.Resize(ref w.Action, size);
                    Array.Resize(ref w.Value, size);
                    Array.Resize(ref w.Total, size);
                    Array.Resize(ref w.Stamp, size);
                }
                w.Action[i] = action;
                w.Value[i] = 0;
                w.Total[i] = 0;
                w.Stamp[i] = _step;
                w.Count++;
            }
            w.Total[i] += (_step - w.Stamp[i]) * (double)w.Value[i];
            w.Stamp[i] = _step;
            w.Value[i] += delta;
        }
    }

    /// <summary>The averaged weights; those smaller than <paramref name="prune"/> are dropped.</summary>
    public PerceptronModel Average(float prune = 1e-3f)
    {
        var result = new Dictionary<ulong, (int, float)[]>();
        foreach (var (feature, w) in _weights)
        {
            var list = new List<(int, float)>();
            for (var i = 0; i < w.Count; i++)
            {
                var total = w.Total[i] + (_step - w.Stamp[i]) * (double)w.Value[i];
                var average = (float)(total / Math.Max(1, _step));
                if (Math.Abs(average) >= prune) list.Add((w.Action[i], average));
            }
            if (list.Count > 0) result[feature] = [.. list];
        }
        return new PerceptronModel(actions, result);
    }
}
