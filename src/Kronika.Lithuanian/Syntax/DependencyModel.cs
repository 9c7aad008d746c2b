using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The trained dependency parser: the UD relations it knows and an averaged perceptron scoring arc-eager actions
/// (<see cref="ArcEager"/>) from <see cref="ParserFeatures"/>. Parsing is greedy, one action per step, linear in the
/// sentence length. Immutable and safe to share across threads.
/// </summary>
public sealed class DependencyModel
{
    private const string Magic = "KRONIKA-SYNTAX-1";
    public const string RootLabel = "root";

    public DependencyModel(string[] labels, ActionWeights weights)
    {
        Labels = labels;
        Weights = weights;
        Root = Array.IndexOf(labels, RootLabel);
        if (Root < 0) throw new InvalidDataException("a syntax model needs the label 'root'");
    }

    public string[] Labels { get; }
    public ActionWeights Weights { get; }

    /// <summary>The index of the label `root`.</summary>
    public int Root { get; }

    public int ActionCount => 2 + 2 * Labels.Length;

    /// <summary>
    /// Parses one sentence. <paramref name="words"/> holds the sentence's words followed by <see cref="ParserWord.Root"/>.
    /// Fills each word's head (index in the sentence, -1 for the root) and label index.
    /// </summary>
    public void Parse(ParserWord[] words, int n, ArcEager state, List<ulong> features, float[] scores, Span<int> heads, Span<int> labels, Guide? guide = null)
    {
        state.Reset(n);
        while (!state.Done)
        {
            var action = state.Forced(Root);
            if (action < 0)
            {
                ParserFeatures.Extract(words, state, features, guide);
                var s = scores.AsSpan(0, ActionCount);
                s.Clear();
                Weights.Score(CollectionsMarshal.AsSpan(features), s);
                action = Best(state, s);
            }
            state.Apply(action);
        }
        Finish(state, words, n, heads, labels);
    }

    /// <summary>The best legal action by score.</summary>
    public int Best(ArcEager state, ReadOnlySpan<float> scores)
    {
        var best = ArcEager.Shift;
        var bestScore = scores[ArcEager.Shift];
        for (var a = 1; a < scores.Length; a++)
            if (scores[a] > bestScore && state.IsLegal(a, Root)) (best, bestScore) = (a, scores[a]);
        return best;
    }

    /// <summary>
    /// Copies the arcs out, with one root per sentence: when several words were left for the root, the first verb
    /// among them (else the first) is the root and the others depend on it as `parataxis`.
    /// </summary>
    public void Finish(ArcEager state, ParserWord[] words, int n, Span<int> heads, Span<int> labels)
    {
        var root = -1;
        for (var i = 0; i < n; i++)
            if (state.Heads[i] == n && (root < 0 || (words[i].Upos == Upos.VERB && words[root].Upos != Upos.VERB))) root = i;
        var parataxis = Array.IndexOf(Labels, "parataxis");
        for (var i = 0; i < n; i++)
        {
            var head = state.Heads[i];
            if (head == n && i != root)
            {
                heads[i] = root;
                labels[i] = parataxis >= 0 ? parataxis : state.Labels[i];
            }
            else
            {
                heads[i] = head == n ? -1 : head;
                labels[i] = head == n ? Root : state.Labels[i];
            }
        }
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Labels.Length);
        foreach (var label in Labels) w.Write(label);
        Weights.Save(w);
    }

    public static DependencyModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Kronika syntax model");
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        return new DependencyModel(labels, ActionWeights.Load(r));
    }
}
