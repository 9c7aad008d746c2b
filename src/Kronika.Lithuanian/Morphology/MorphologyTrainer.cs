using System.Runtime.InteropServices;
using Kronika.Core.Learning;

namespace Kronika.Lithuanian.Morphology;

/// <summary>Training settings; the defaults are the ones tuned on the dev split.</summary>
/// <param name="Prune">Averaged weights smaller than this are dropped: 0.01 keeps dev accuracy and shrinks the model.</param>
public sealed record MorphologyTrainingOptions(int Epochs = 8, int TagDictionaryMinCount = 1, int Seed = 1, float Prune = 0.01f);

/// <summary>Trains the morphology model from treebank sentences.</summary>
public static class MorphologyTrainer
{
    public static MorphologyModel Train(IReadOnlyList<TaggedSentence> sentences, Lexicon lexicon, MorphologyTrainingOptions options, TextWriter log)
    {
        var words = sentences.SelectMany(s => s.Words).ToList();
        var tags = words.Select(w => w.Xpos).Distinct().Order(StringComparer.Ordinal).ToArray();
        var tagIds = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var tagDictionary = words
            .GroupBy(w => w.Form.ToLowerInvariant(), StringComparer.Ordinal)
            .Where(g => g.Count() >= options.TagDictionaryMinCount)
            .ToDictionary(g => g.Key, g => g.GroupBy(w => tagIds[w.Xpos]).OrderByDescending(t => t.Count()).ThenBy(t => t.Key).Select(t => t.Key).ToArray(), StringComparer.Ordinal);
        log.WriteLine($"training on {sentences.Count:N0} sentences, {words.Count:N0} words, {tags.Length} tags; {tagDictionary.Count:N0} forms in the tag dictionary");

        var profiler = new WordProfiler(lexicon);
        var profiles = new Dictionary<string, WordProfile>(StringComparer.Ordinal);
        WordProfile ProfileOf(string form) => profiles.TryGetValue(form, out var p) ? p : profiles[form] = profiler.Profile(form);
        var data = sentences.Select(s => (Profiles: s.Words.Select(w => ProfileOf(w.Form)).ToArray(), Gold: s.Words.Select(w => tagIds[w.Xpos]).ToArray())).ToArray();

        var analysisTags = data
            .SelectMany(d => d.Profiles.Zip(d.Gold).SelectMany(p => p.First.Analyses.Select(a => (Analysis: a, Tag: p.Second))))
            .GroupBy(p => p.Analysis)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Tag).Distinct().Order().ToArray());

        // Capitalised words inside sentences: their tags by form, and the proper-noun tags an unseen one may take.
        var inside = data
            .SelectMany(d => d.Gold.Select((tag, i) => (d.Profiles[i].Lower, Tag: tag, Inside: TaggerFeatures.IsCapitalisedInside(d.Profiles, i))))
            .Where(p => p.Inside)
            .ToList();
        foreach (var g in inside.GroupBy(p => p.Lower, StringComparer.Ordinal))
            tagDictionary[MorphologyModel.CapitalisedKey + g.Key] = g.GroupBy(p => p.Tag).OrderByDescending(t => t.Count()).ThenBy(t => t.Key).Select(t => t.Key).ToArray();
        var nameTags = inside.GroupBy(p => p.Tag).Where(g => g.Count() >= 2).Select(g => g.Key).Order().ToArray();
        log.WriteLine($"{nameTags.Length} tags for unseen capitalised words inside sentences");

        // What a name's ending says about its case: the tags nouns (common and proper) with that ending take, for
        // endings of one to three letters — as proper-noun tags where training has them (`dkt.vyr.vns.Įn.` →
        // `dkt.tikr.vyr.vns.Įn.`), else as the common-noun tag, turned into a proper-noun tag when chosen.
        var endingCounts = new Dictionary<string, Dictionary<int, int>>(StringComparer.Ordinal);
        foreach (var w in words.Where(w => w.Xpos.StartsWith("dkt.", StringComparison.Ordinal)))
        {
            var tikr = w.Xpos.StartsWith("dkt.tikr.", StringComparison.Ordinal);
            var proper = tikr ? w.Xpos : "dkt.tikr." + w.Xpos[4..];
            var common = tikr ? "dkt." + w.Xpos[9..] : w.Xpos;
            if (!tagIds.TryGetValue(proper, out var tag) && !tagIds.TryGetValue(common, out tag)) continue;
            var lower = w.Form.ToLowerInvariant();
            for (var k = 1; k <= Math.Min(3, lower.Length); k++)
            {
                if (!endingCounts.TryGetValue(lower[^k..], out var counts)) endingCounts[lower[^k..]] = counts = [];
                counts[tag] = counts.GetValueOrDefault(tag) + 1;
            }
        }
        var nameEndings = endingCounts
            .Where(p => p.Value.Values.Sum() >= 20)
            .ToDictionary(p => p.Key, p =>
            {
                var total = p.Value.Values.Sum();
                return p.Value.Where(t => t.Value >= 0.03 * total).OrderByDescending(t => t.Value).ThenBy(t => t.Key).Select(t => t.Key).ToArray();
            }, StringComparer.Ordinal);

        var trainer = new PerceptronTrainer(tags.Length);
        var random = new Random(options.Seed);
        var features = new List<ulong>(64);
        var scratch = new float[tags.Length];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(data);
            int correct = 0, total = 0;
            foreach (var (profilesOfSentence, gold) in data)
            {
                var predicted = new string[gold.Length];
                var likely = MorphologyModel.LikelyTags(profilesOfSentence, tagDictionary, tags);
                var endings = MorphologyModel.EndingTags(profilesOfSentence, nameEndings, tags);
                for (var i = 0; i < gold.Length; i++)
                {
                    TaggerFeatures.Extract(profilesOfSentence, i, predicted, likely, endings, features);
                    // Training chooses among all tags, even where tagging will be restricted to a word's candidates:
                    // the weights must also tell tags apart for words no dictionary restricts (measured on dev: +1.1 XPOS).
                    var span = CollectionsMarshal.AsSpan(features);
                    var guess = trainer.Predict(span, [], scratch);
                    trainer.Update(gold[i], guess, span);
                    predicted[i] = tags[guess];
                    if (guess == gold[i]) correct++;
                    total++;
                }
            }
            log.WriteLine($"epoch {epoch}: {100.0 * correct / total:F2}% of training tags right while learning");
        }
        var weights = trainer.Average(options.Prune);
        log.WriteLine($"model: {weights.FeatureCount:N0} features, {weights.WeightCount:N0} weights");
        return new MorphologyModel(tags, weights, tagDictionary, analysisTags, nameTags, nameEndings, Lemmatizer.Train(words), UdMapper.Train(words));
    }
}
