using System.Runtime.InteropServices;

namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// Beam search over arc-eager states (Zhang and Clark 2008; Zhang and Nivre 2011): at each step every kept state is
/// extended by each of its legal actions, and the <c>width</c> best by total score go on. Arc-eager takes exactly 2n
/// actions for n words (each word is pushed once and popped once), so all states of a beam finish together. Used to
/// parse (scoring with the model's weights) and to train (with the weights being learned, and each state marked
/// correct while every action it took lost no gold arc).
/// </summary>
public sealed class BeamSearch
{
    /// <summary>Adds each action's weight for the features to the scores.</summary>
    public delegate void Scorer(ReadOnlySpan<ulong> features, Span<float> scores);

    /// <summary>The actions a state took, last first (kept only when training, to replay them for the update).</summary>
    public sealed record Path(Path? Previous, int Action);

    private readonly int _width;
    private readonly float _margin;
    private readonly int _actions;
    private readonly int _root;
    private readonly Scorer _scorer;
    private ArcEager[] _states;
    private ArcEager[] _next;
    private float[] _scores;
    private float[] _nextScores;
    private bool[] _correct;
    private bool[] _nextCorrect;
    private Path?[] _paths;
    private Path?[] _nextPaths;
    private readonly int[] _candidateParent;
    private readonly int[] _candidateAction;
    private readonly float[] _candidateScore;
    private int _candidates;
    private readonly List<ulong> _features = new(160);
    private readonly float[] _actionScores;

    /// <param name="margin">States scoring further than this below the best are dropped (parsing only: a confident
    /// step keeps one state, so the beam costs little where the model is sure).</param>
    public BeamSearch(int width, int actions, int root, int longest, Scorer scorer, float margin = float.PositiveInfinity)
    {
        _width = width;
        _margin = margin;
        _actions = actions;
        _root = root;
        _scorer = scorer;
        _states = [.. Enumerable.Range(0, width).Select(_ => new ArcEager(longest))];
        _next = [.. Enumerable.Range(0, width).Select(_ => new ArcEager(longest))];
        _scores = new float[width];
        _nextScores = new float[width];
        _correct = new bool[width];
        _nextCorrect = new bool[width];
        _paths = new Path?[width];
        _nextPaths = new Path?[width];
        _candidateParent = new int[width];
        _candidateAction = new int[width];
        _candidateScore = new float[width];
        _actionScores = new float[actions];
    }

    /// <summary>How many states the beam holds, best first.</summary>
    public int Count { get; private set; }

    public bool Done => _states[0].Done;
    public ArcEager State(int i) => _states[i];
    public float Score(int i) => _scores[i];
    public bool Correct(int i) => _correct[i];
    public Path? PathOf(int i) => _paths[i];

    /// <summary>The longest sentence the beam's states can hold.</summary>
    public int Capacity => _states[0].Heads.Length;

    public void Start(int n)
    {
        Count = 1;
        _states[0].Reset(n);
        _scores[0] = 0;
        _correct[0] = true;
        _paths[0] = null;
    }

    /// <summary>
    /// One action for every state. With <paramref name="goldHeads"/> (training), marks the new states correct while
    /// their actions lose no gold arc or label, and keeps their paths.
    /// </summary>
    public void Step(ParserWord[] words, Guide? guide = null, int[]? goldHeads = null, int[]? goldLabels = null)
    {
        _candidates = 0;
        for (var i = 0; i < Count; i++)
        {
            var state = _states[i];
            var forced = state.Forced(_root);
            if (forced >= 0)
            {
                Consider(i, forced, _scores[i]);
                continue;
            }
            ParserFeatures.Extract(words, state, _features, guide);
            var s = _actionScores.AsSpan(0, _actions);
            s.Clear();
            _scorer(CollectionsMarshal.AsSpan(_features), s);
            for (var a = 0; a < _actions; a++)
                if (state.IsLegal(a, _root)) Consider(i, a, _scores[i] + s[a]);
        }
        if (goldHeads is null)
            while (_candidates > 1 && _candidateScore[_candidates - 1] < _candidateScore[0] - _margin) _candidates--;
        for (var j = 0; j < _candidates; j++)
        {
            var parent = _candidateParent[j];
            var action = _candidateAction[j];
            if (goldHeads is not null)
            {
                _nextCorrect[j] = _correct[parent] && SyntaxTrainer.Cost(_states[parent], action, goldHeads, goldLabels!) == 0;
                _nextPaths[j] = new Path(_paths[parent], action);
            }
            _next[j].CopyFrom(_states[parent]);
            _next[j].Apply(action);
            _nextScores[j] = _candidateScore[j];
        }
        (_states, _next) = (_next, _states);
        (_scores, _nextScores) = (_nextScores, _scores);
        (_correct, _nextCorrect) = (_nextCorrect, _correct);
        (_paths, _nextPaths) = (_nextPaths, _paths);
        Count = _candidates;
    }

    /// <summary>Keeps the candidates sorted best first, at most the beam's width of them.</summary>
    private void Consider(int parent, int action, float score)
    {
        if (_candidates == _width && score <= _candidateScore[_candidates - 1]) return;
        var at = _candidates < _width ? _candidates++ : _candidates - 1;
        while (at > 0 && _candidateScore[at - 1] < score)
        {
            _candidateParent[at] = _candidateParent[at - 1];
            _candidateAction[at] = _candidateAction[at - 1];
            _candidateScore[at] = _candidateScore[at - 1];
            at--;
        }
        _candidateParent[at] = parent;
        _candidateAction[at] = action;
        _candidateScore[at] = score;
    }

    /// <summary>Parses one sentence (<paramref name="words"/> ends with <see cref="ParserWord.Root"/>) and leaves the best state.</summary>
    public ArcEager Parse(ParserWord[] words, int n, Guide? guide = null)
    {
        Start(n);
        while (!Done) Step(words, guide);
        return _states[0];
    }
}
