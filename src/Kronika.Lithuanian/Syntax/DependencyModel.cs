using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Kronika.Core.Learning;
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
    private const string BeamMagic = "KRONIKA-SYNTAX-2"; // followed by the beam's width and margin
    public const string RootLabel = "root";

    public DependencyModel(string[] labels, ActionWeights weights, int beam = 1, float margin = float.PositiveInfinity)
    {
        if (!(margin > 0)) throw new InvalidDataException($"a syntax model's beam margin of {margin}: it must be positive");
        Margin = margin;
        if (beam is < 1 or > 64) throw new InvalidDataException($"a syntax model's beam of {beam}: from 1 to 64");
        Labels = labels;
        Weights = weights;
        Beam = beam;
        Root = Array.IndexOf(labels, RootLabel);
        if (Root < 0) throw new InvalidDataException("a syntax model needs the label 'root'");
        _plain = new int[labels.Length];
        _wanted = new string?[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var mark = labels[i].IndexOf(PseudoProjective.Mark);
            _plain[i] = mark < 0 ? i : Array.IndexOf(labels, labels[i][..mark]);
            if (_plain[i] < 0) throw new InvalidDataException($"a syntax model's label '{labels[i]}' without its plain label");
            _wanted[i] = mark < 0 ? null : labels[i][(mark + 1)..];
        }
        _oblique = [.. labels.Select(l => SyntaxScore.Universal(l) == "obl")];
        _predicateMark = [.. labels.Select(l => SyntaxScore.Universal(l) is "nsubj" or "csubj" or "cop")];
        (_nmod, _nummod, _dep, _punct) = (Array.IndexOf(labels, "nmod"), Array.IndexOf(labels, "nummod"), Array.IndexOf(labels, "dep"), Array.IndexOf(labels, "punct"));
    }

    private readonly bool[] _oblique;
    private readonly bool[] _predicateMark; // subjects and copulas: their head is a predicate
    private readonly int _nmod, _nummod, _dep, _punct;

    // Each label's plain label and, for a lifted one (`obl^nsubj`), the relation of its real head (see PseudoProjective).
    private readonly int[] _plain;
    private readonly string?[] _wanted;

    public string[] Labels { get; }

    /// <summary>1: greedy parsing; more: beam search of that width (the width the model was trained with).</summary>
    public int Beam { get; }

    /// <summary>How far below the best a state of the beam may score and still be kept.</summary>
    public float Margin { get; }

    /// <summary>The same weights parsing with another beam width and margin (to measure what they buy).</summary>
    public DependencyModel WithBeam(int beam, float margin = float.PositiveInfinity) => new(Labels, Weights, beam, margin) { Conventions = Conventions };

    /// <summary>A beam for this model's width and sentences up to <paramref name="longest"/> words, or null when it parses greedily.</summary>
    public BeamSearch? NewBeam(int longest) => Beam > 1 ? new BeamSearch(Beam, ActionCount, Root, longest, Weights.Score, Margin) : null;
    public ActionWeights Weights { get; }

    /// <summary>The index of the label `root`.</summary>
    public int Root { get; }

    public int ActionCount => 2 + 2 * Labels.Length;

    /// <summary>
    /// Parses one sentence. <paramref name="words"/> holds the sentence's words followed by <see cref="ParserWord.Root"/>.
    /// Fills each word's head (index in the sentence, -1 for the root) and label index.
    /// </summary>
    public void Parse(ParserWord[] words, int n, ArcEager state, List<ulong> features, float[] scores, Span<int> heads, Span<int> labels, Guide? guide = null, BeamSearch? beam = null)
    {
        if (beam is not null)
        {
            Finish(beam.Parse(words, n, guide), words, n, heads, labels);
            return;
        }
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
        PseudoProjective.Decode(heads[..n], labels[..n], Labels, _plain, _wanted);
        if (!Conventions) return;
        PunctuationAttachment.Reattach(words.AsSpan(0, n), heads[..n]);
        Relabel(words, heads[..n], labels[..n]);
    }

    /// <summary>Whether parsing ends with <see cref="PunctuationAttachment"/> and <see cref="Relabel"/> (off: to measure what they buy).</summary>
    public bool Conventions { get; init; } = true;

    /// <summary>The same weights without the rules after parsing.</summary>
    public DependencyModel WithoutConventions() => new(Labels, Weights, Beam, Margin) { Conventions = false };

    /// <summary>
    /// Relations the part of speech settles by the UD conventions of ALKSNIS dev and test, where the parser learned
    /// otherwise from train or slips: an oblique under a noun that is not a predicate (no subject or copula of its own,
    /// not the root) is `nmod` (`obl` is for dependents of predicates); a number is `nummod`, not `dep` (train's older
    /// convention); punctuation is `punct`.
    /// </summary>
    public void Relabel(ReadOnlySpan<ParserWord> words, ReadOnlySpan<int> heads, Span<int> labels)
    {
        for (var i = 0; i < heads.Length; i++)
        {
            var h = heads[i];
            if (h < 0) continue;
            if (words[i].Upos == Upos.PUNCT && _punct >= 0) labels[i] = _punct;
            else if (labels[i] == _dep && words[i].Upos == Upos.NUM && _nummod >= 0) labels[i] = _nummod;
            else if (_oblique[labels[i]] && words[h].Upos is Upos.NOUN or Upos.PROPN && heads[h] >= 0 && _nmod >= 0)
            {
                var predicate = false;
                for (var k = 0; k < heads.Length && !predicate; k++) predicate = heads[k] == h && _predicateMark[labels[k]];
                if (!predicate) labels[i] = _nmod;
            }
        }
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        if (Beam == 1) w.Write(Magic);
        else
        {
            w.Write(BeamMagic);
            w.Write(Beam);
            w.Write(Margin);
        }
        w.Write(Labels.Length);
        foreach (var label in Labels) w.Write(label);
        Weights.Save(w);
    }

    public static DependencyModel Load(Stream stream)
    {
        var r = Resources.DecompressedModel(stream);
        var magic = r.ReadString();
        if (magic != Magic && magic != BeamMagic) throw new InvalidDataException("not a Kronika syntax model");
        var beam = magic == BeamMagic ? r.ReadInt32() : 1;
        var margin = magic == BeamMagic ? r.ReadSingle() : float.PositiveInfinity;
        var labels = new string[r.ReadInt32()];
        for (var i = 0; i < labels.Length; i++) labels[i] = r.ReadString();
        return new DependencyModel(labels, ActionWeights.Load(r), beam, margin);
    }
}
