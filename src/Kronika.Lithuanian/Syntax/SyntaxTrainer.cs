using System.Runtime.InteropServices;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Syntax;

/// <summary>Training settings; the defaults are the ones chosen on the dev split.</summary>
/// <param name="Prune">Averaged weights smaller than this are dropped. Parsing speed is bound by the size of the weight
/// table: on dev, 1.0 keeps a third of the features and doubles the speed for 0.8 LAS.</param>
/// <param name="Explore">After the first epoch, how often training follows its own prediction instead of the oracle's
/// best action (Goldberg and Nivre 2012), so it learns to recover from its mistakes.</param>
/// <param name="Beam">1: greedy, trained with the dynamic oracle; more: beam search of that width, trained globally
/// (structured perceptron with the max-violation update).</param>
/// <param name="Lift">Pseudo-projective training (Nivre and Nilsson 2005): a lifted word's relation also names its
/// real head's relation (<see cref="PseudoProjective"/>), so that parsing can put the word back under it.</param>
public sealed record SyntaxTrainingOptions(int Epochs = 10, int Seed = 1, double Explore = 0.9, float Prune = 1f, int Beam = 1, bool Lift = false);

/// <summary>
/// Trains the parser with a dynamic oracle: at each state, the actions that lose no reachable gold arc are correct;
/// when the model's best action is not one of them, the weights move toward the best-scoring correct one. Gold trees
/// are made projective first by lifting crossing arcs to the head's head, as the arc-eager system builds only
/// projective trees.
/// </summary>
public static class SyntaxTrainer
{
    public static DependencyModel Train(IReadOnlyList<ParsedSentence> sentences, SyntaxTrainingOptions options, TextWriter log)
    {
        var trees = sentences.Select(s =>
        {
            var n = s.Words.Length;
            var heads = s.Heads.Select(h => h < 0 ? n : h).ToArray();
            var lifted = Projective(heads);
            return (s, Heads: lifted, Relations: options.Lift ? PseudoProjective.Encode(heads, lifted, s.Relations) : s.Relations);
        }).ToList();
        var labels = trees.SelectMany(t => t.Relations.Concat(t.s.Relations)).Append(DependencyModel.RootLabel).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (labels.Length > 126) throw new InvalidDataException($"{labels.Length} relations: the parser keeps at most 126");
        var labelIds = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var root = labelIds[DependencyModel.RootLabel];
        var data = trees.Select(t =>
            (Words: t.s.Words.Append(ParserWord.Root).ToArray(), t.Heads, Labels: t.Relations.Select(r => labelIds[r]).ToArray(), t.s.Guide)).ToArray();
        log.WriteLine($"training on {sentences.Count:N0} sentences, {data.Sum(d => d.Labels.Length):N0} words, {labels.Length} relations");
        if (options.Beam > 1) return TrainGlobally(data, labels, root, options, log);

        var actions = 2 + 2 * labels.Length;
        var trainer = new PerceptronTrainer(actions);
        var random = new Random(options.Seed);
        var features = new List<ulong>(128);
        var scores = new float[actions];
        var legal = new List<int>(actions);
        var state = new ArcEager(data.Max(d => d.Labels.Length));
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(data);
            int right = 0, total = 0;
            foreach (var (words, gold, goldLabels, guide) in data)
            {
                var n = goldLabels.Length;
                state.Reset(n);
                while (!state.Done)
                {
                    var forced = state.Forced(root);
                    if (forced >= 0)
                    {
                        state.Apply(forced);
                        continue;
                    }
                    ParserFeatures.Extract(words, state, features, guide);
                    legal.Clear();
                    for (var a = 0; a < actions; a++)
                        if (state.IsLegal(a, root)) legal.Add(a);
                    var span = CollectionsMarshal.AsSpan(features);
                    var guess = trainer.Predict(span, CollectionsMarshal.AsSpan(legal), scores);
                    // The cheapest actions by the oracle; among them the one the model likes best.
                    int Cost(int a) => SyntaxTrainer.Cost(state, a, gold, goldLabels);
                    var shiftCost = Cost(ArcEager.Shift);
                    var best = -1;
                    var bestCost = int.MaxValue;
                    var guessCost = 0;
                    foreach (var a in legal)
                    {
                        var c = a == ArcEager.Shift ? shiftCost : Cost(a);
                        if (a == guess) guessCost = c;
                        if (c < bestCost || (c == bestCost && scores[a] > scores[best])) (best, bestCost) = (a, c);
                    }
                    if (guessCost == bestCost)
                    {
                        trainer.Update(guess, guess, span);
                        right++;
                    }
                    else trainer.Update(best, guess, span);
                    total++;
                    var next = guessCost == bestCost || (epoch > 1 && random.NextDouble() < options.Explore) ? guess : best;
                    state.Apply(next);
                }
            }
            log.WriteLine($"epoch {epoch}: {100.0 * right / total:F2}% of actions right while learning");
            log.Flush();
        }
        var weights = ActionWeights.From(trainer.Average(), options.Prune);
        log.WriteLine($"model: {weights.FeatureCount:N0} features, {weights.WeightCount:N0} weights");
        return new DependencyModel(labels, weights);
    }

    /// <summary>The gold arcs an action makes unreachable, and one more when it makes a gold arc with the wrong label.</summary>
    public static int Cost(ArcEager state, int action, int[] gold, int[] goldLabels)
    {
        var c = state.Cost(action, gold);
        if (action >= 2)
        {
            var d = ArcEager.IsLeft(action) ? state.Stack(0) : state.Buffer;
            var h = ArcEager.IsLeft(action) ? state.Buffer : state.Stack(0);
            if (gold[d] == h && goldLabels[d] != ArcEager.LabelOf(action)) c++;
        }
        return c;
    }

    /// <summary>
    /// Global training (Zhang and Clark 2008; Huang, Fayong and Guo 2012): each sentence is parsed with the beam and
    /// the weights being learned, beside the best-scoring correct action sequence (the correct actions are those the
    /// dynamic oracle gives no cost, so any of the equivalent sequences to the gold tree will do). Where the beam's best
    /// state is wrong and beats the correct sequence by the most (the maximum violation), the correct prefix's
    /// features are rewarded and the best state's penalized, as whole sequences.
    /// </summary>
    private static DependencyModel TrainGlobally((ParserWord[] Words, int[] Heads, int[] Labels, Guide? Guide)[] data, string[] labels, int root, SyntaxTrainingOptions options, TextWriter log)
    {
        var actions = 2 + 2 * labels.Length;
        var weights = new StructuredPerceptron(actions);
        var longest = data.Max(d => d.Labels.Length);
        var beam = new BeamSearch(options.Beam, actions, root, longest, weights.Score);
        var random = new Random(options.Seed);
        var features = new List<ulong>(160);
        var scores = new float[actions];
        var gold = new ArcEager(longest);
        var replay = new ArcEager(longest);
        var goldActions = new List<int>();
        var wrongActions = new List<int>();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(data);
            int right = 0, updates = 0;
            foreach (var (words, heads, goldLabels, guide) in data)
            {
                var n = goldLabels.Length;
                weights.Tick();
                beam.Start(n);
                gold.Reset(n);
                var goldScore = 0f;
                BeamSearch.Path? goldPath = null, violationGold = null, violationWrong = null;
                var violation = float.NegativeInfinity;
                while (!beam.Done)
                {
                    // The correct sequence goes on by its best-scoring action of least cost.
                    var next = gold.Forced(root);
                    if (next < 0)
                    {
                        ParserFeatures.Extract(words, gold, features, guide);
                        Array.Clear(scores);
                        weights.Score(CollectionsMarshal.AsSpan(features), scores);
                        var bestCost = int.MaxValue;
                        for (var a = 0; a < actions; a++)
                        {
                            if (!gold.IsLegal(a, root)) continue;
                            var c = Cost(gold, a, heads, goldLabels);
                            if (c < bestCost || (c == bestCost && scores[a] > scores[next])) (next, bestCost) = (a, c);
                        }
                        goldScore += scores[next];
                    }
                    gold.Apply(next);
                    goldPath = new BeamSearch.Path(goldPath, next);

                    beam.Step(words, guide, heads, goldLabels);
                    // A correct state of the beam scoring higher is the better correct sequence.
                    for (var i = 0; i < beam.Count; i++)
                        if (beam.Correct(i))
                        {
                            if (beam.Score(i) > goldScore)
                            {
                                gold.CopyFrom(beam.State(i));
                                goldScore = beam.Score(i);
                                goldPath = beam.PathOf(i);
                            }
                            break;
                        }
                    if (!beam.Correct(0) && beam.Score(0) - goldScore >= 0 && beam.Score(0) - goldScore >= violation)
                        (violation, violationGold, violationWrong) = (beam.Score(0) - goldScore, goldPath, beam.PathOf(0));
                }
                if (beam.Correct(0) || violationWrong is null)
                {
                    right++;
                    continue;
                }
                updates++;
                Unroll(violationGold, goldActions);
                Unroll(violationWrong, wrongActions);
                var same = 0;
                while (same < goldActions.Count && goldActions[same] == wrongActions[same]) same++;
                Update(goldActions, 1f);
                Update(wrongActions, -1f);

                // Replays a sequence and adds delta to each of its actions' features past the shared prefix.
                void Update(List<int> sequence, float delta)
                {
                    replay.Reset(n);
                    for (var t = 0; t < sequence.Count; t++)
                    {
                        if (t >= same && replay.Forced(root) < 0)
                        {
                            ParserFeatures.Extract(words, replay, features, guide);
                            weights.Add(sequence[t], CollectionsMarshal.AsSpan(features), delta);
                        }
                        replay.Apply(sequence[t]);
                    }
                }
            }
            log.WriteLine($"epoch {epoch}: {100.0 * right / data.Length:F2}% of sentences right while learning, {updates:N0} updates");
            log.Flush();
        }
        var model = ActionWeights.From(weights.Average(), options.Prune);
        log.WriteLine($"model: {model.FeatureCount:N0} features, {model.WeightCount:N0} weights, beam {options.Beam}");
        return new DependencyModel(labels, model, options.Beam);
    }

    private static void Unroll(BeamSearch.Path? path, List<int> actions)
    {
        actions.Clear();
        for (var p = path; p is not null; p = p.Previous) actions.Add(p.Action);
        actions.Reverse();
    }

    /// <summary>
    /// Makes a tree projective by lifting: while some arc crosses another, the shortest crossing arc's dependent is
    /// attached to its head's head. Heads are indices, the root being the sentence length.
    /// </summary>
    public static int[] Projective(int[] heads)
    {
        var n = heads.Length;
        heads = (int[])heads.Clone();
        for (var round = 0; round < n * n; round++)
        {
            var shortest = -1;
            for (var d = 0; d < n; d++)
                if (!IsProjective(heads, d) && (shortest < 0 || Math.Abs(heads[d] - d) < Math.Abs(heads[shortest] - shortest))) shortest = d;
            if (shortest < 0) return heads;
            heads[shortest] = heads[heads[shortest]];
        }
        return heads;
    }

    /// <summary>Whether the arc into <paramref name="d"/> is projective: its head dominates every word between them.</summary>
    private static bool IsProjective(int[] heads, int d)
    {
        var h = heads[d];
        var n = heads.Length;
        if (h == n) return true;
        var (lo, hi) = h < d ? (h, d) : (d, h);
        for (var k = lo + 1; k < hi; k++)
        {
            var a = k;
            var steps = 0;
            while (a != h && a != n && steps++ <= n) a = heads[a];
            if (a != h) return false;
        }
        return true;
    }
}

/// <summary>Attachment scores of a model on treebank sentences (CoNLL 2018: every word counts, relations without subtypes).</summary>
public static class SyntaxScore
{
    public static (double Uas, double Las, double TokensPerSecond) Of(DependencyModel model, IReadOnlyList<ParsedSentence> sentences)
    {
        int total = 0, uas = 0, las = 0;
        var seconds = double.MaxValue;
        // Three passes, the fastest timed (the first runs before the JIT has optimized the code); processor time, not
        // wall time, as the machine may be shared.
        for (var pass = 0; pass < 3; pass++)
        {
            total = uas = las = 0;
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (s, heads, labels) in Parses(model, sentences))
                for (var i = 0; i < s.Words.Length; i++)
                {
                    total++;
                    if (heads[i] != s.Heads[i]) continue;
                    uas++;
                    if (Universal(model.Labels[labels[i]]) == Universal(s.Relations[i])) las++;
                }
            seconds = Math.Min(seconds, (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
        return (100.0 * uas / total, 100.0 * las / total, total / Math.Max(seconds, 1e-9));
    }

    /// <summary>Each sentence with the heads and label ids the model gives it (the arrays are reused from one sentence to the next).</summary>
    private static IEnumerable<(ParsedSentence Sentence, int[] Heads, int[] Labels)> Parses(DependencyModel model, IReadOnlyList<ParsedSentence> sentences)
    {
        var longest = sentences.Max(s => s.Words.Length);
        var state = new ArcEager(longest);
        var features = new List<ulong>(128);
        var scores = new float[model.ActionCount];
        var beam = model.NewBeam(longest);
        var heads = new int[longest];
        var labels = new int[longest];
        foreach (var s in sentences)
        {
            var words = s.Words.Append(ParserWord.Root).ToArray();
            model.Parse(words, s.Words.Length, state, features, scores, heads, labels, s.Guide, beam);
            yield return (s, heads, labels);
        }
    }

    /// <summary>
    /// Where the errors are, by gold relation (universal part): each relation's share of the words, its head accuracy,
    /// its label accuracy where the head is right, and the LAS points lost to wrong heads and to wrong labels.
    /// </summary>
    public static IEnumerable<string> Breakdown(DependencyModel model, IReadOnlyList<ParsedSentence> sentences)
    {
        var counts = new Dictionary<string, (int Words, int Heads, int Labels)>(StringComparer.Ordinal);
        var confusions = new Dictionary<(string Gold, string Parsed), int>();
        var total = 0;
        foreach (var (s, heads, labels) in Parses(model, sentences))
        {
            for (var i = 0; i < s.Words.Length; i++)
            {
                total++;
                var gold = Universal(s.Relations[i]);
                var parsed = Universal(model.Labels[labels[i]]);
                var c = counts.GetValueOrDefault(gold);
                var head = heads[i] == s.Heads[i];
                counts[gold] = (c.Words + 1, c.Heads + (head ? 1 : 0), c.Labels + (head && gold == parsed ? 1 : 0));
                if (head && gold != parsed) confusions[(gold, parsed)] = confusions.GetValueOrDefault((gold, parsed)) + 1;
            }
        }
        yield return $"{"relation",-12} {"words%",7} {"head%",7} {"label%",7} {"-head",6} {"-label",6}";
        foreach (var (relation, c) in counts.OrderByDescending(p => p.Value.Words - p.Value.Labels))
            yield return $"{relation,-12} {100.0 * c.Words / total,7:F2} {100.0 * c.Heads / c.Words,7:F2} {100.0 * c.Labels / Math.Max(1, c.Heads),7:F2} {100.0 * (c.Words - c.Heads) / total,6:F2} {100.0 * (c.Heads - c.Labels) / total,6:F2}";
        yield return "label confusions with the head right (gold → parsed, LAS points): " + string.Join(", ",
            confusions.OrderByDescending(p => p.Value).Take(15).Select(p => $"{p.Key.Gold}→{p.Key.Parsed} {100.0 * p.Value / total:F2}"));
    }

    /// <summary>The universal part of a relation (`obl:arg` → `obl`), which the CoNLL 2018 LAS compares.</summary>
    public static string Universal(string relation)
    {
        var colon = relation.IndexOf(':');
        return colon < 0 ? relation : relation[..colon];
    }
}
