using System.Globalization;
using Kronika.Core.Learning;
using Kronika.Core.Model;

namespace Kronika.Store;

/// <summary>
/// What articles on one story share even when each outlet tells it in its own words: the entities by identity, the
/// content lemmas (nouns, names, verbs, adjectives), the calendar days they name, the figures they give (value and
/// unit) and the words of their quotes (word trigrams). Each is a 32-bit hash whose top three bits say its kind.
/// </summary>
public static class StoryFeatures
{
    public const uint Entity = 1, Lemma = 2, Day = 3, Figure = 4, Quote = 5;

    public static uint Kind(uint feature) => feature >> 29;

    private static uint Of(uint kind, string value) => (kind << 29) | (uint)(FeatureHash.Of((int)kind, value) & 0x1FFFFFFF);

    public static uint[] Of(Document doc)
    {
        var set = new HashSet<uint>();
        foreach (var e in doc.Entities) set.Add(Of(Entity, StoredArticle.EntityKey(e.Type, e.Canonical, e.Kb)));
        for (var i = 0; i < doc.TokenCount; i++)
        {
            var t = doc.Token(i);
            if (t.Upos is not (Upos.NOUN or Upos.PROPN or Upos.VERB or Upos.ADJ) || t.Lemma is not { Length: >= 3 } lemma) continue;
            set.Add(Of(Lemma, StoredArticle.LemmaKey(lemma)));
        }
        foreach (var t in doc.Times)
            if (t.Value.Length == 10 && TimeRange.Of(t.Value) is not null) set.Add(Of(Day, t.Value));
        foreach (var q in doc.Quantities)
            set.Add(Of(Figure, q.Value.ToString(CultureInfo.InvariantCulture) + " " + q.Unit));
        foreach (var q in doc.Quotes.Where(q => q.Direct))
        {
            var words = doc.Text[q.Start..q.End].ToLowerInvariant().Split([' ', ',', '.', '„', '“', '"', '–', '-', '!', '?', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 2 < words.Length; i++) set.Add(Of(Quote, $"{words[i]} {words[i + 1]} {words[i + 2]}"));
        }
        var features = set.ToArray();
        Array.Sort(features);
        return features;
    }

    public static byte[] Pack(uint[] features)
    {
        var bytes = new byte[features.Length * 4];
        Buffer.BlockCopy(features, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static uint[] Unpack(byte[] bytes)
    {
        var features = new uint[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, features, 0, features.Length * 4);
        return features;
    }
}

/// <summary>
/// Groups articles on the same story (docs/chronicle.md, Stories), kept in memory like <see cref="Stories"/>. A new
/// article is compared only with the candidates an inverted index of its features gives: articles published within
/// <see cref="WindowDays"/> days that share a feature found in at most <see cref="MaxPosting"/> articles (a rare
/// name, word, day, figure or quote). Each candidate is scored by the weighted Dice overlap of the two feature sets
/// (weights: inverse document frequency, times the kind's weight); the best at or above <see cref="Threshold"/>
/// gives its story.
/// </summary>
public sealed class StoryGroups
{
    public const int WindowDays = 3;
    public const int MaxPosting = 300;
    public static double Threshold { get; set; } = 0.30;

    /// <summary>How much a shared feature of each kind counts, times its rarity (measured on the team's story set: docs/chronicle.md).</summary>
    public static double EntityWeight { get; set; } = 0.5;
    public static double DayWeight { get; set; } = 2.0;
    public static double FigureWeight { get; set; } = 4.0;

    private readonly record struct Entry(long Id, DateOnly Date, long Story, uint[] Features);

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<long, int> _byId = [];
    private readonly Dictionary<uint, List<int>> _postings = [];
    private readonly Dictionary<uint, int> _df = [];

    public StoryGroups(IEnumerable<(long Id, DateOnly Date, long Story, uint[] Features)> stored)
    {
        foreach (var (id, date, story, features) in stored) Add(id, date, story, features);
    }

    public int Count => _entries.Count;

    private double Weight(uint feature)
    {
        var df = _df.GetValueOrDefault(feature);
        var idf = Math.Log((_entries.Count + 1.0) / (df + 1.0));
        return idf * StoryFeatures.Kind(feature) switch
        {
            StoryFeatures.Entity => EntityWeight,
            StoryFeatures.Day => DayWeight,
            StoryFeatures.Figure => FigureWeight,
            StoryFeatures.Quote => 1.0,
            _ => 1.0,
        };
    }

    /// <summary>The story of the article with these features published on <paramref name="date"/>, if one is close enough.</summary>
    public long? Find(uint[] features, DateOnly date, long except = 0)
    {
        if (features.Length == 0) return null;
        var shared = new Dictionary<int, double>();
        foreach (var f in features)
        {
            if (!_postings.TryGetValue(f, out var list) || list.Count > MaxPosting) continue;
            var w = Weight(f);
            foreach (var i in list)
            {
                var e = _entries[i];
                if (e.Id == except || Math.Abs(e.Date.DayNumber - date.DayNumber) > WindowDays) continue;
                shared[i] = shared.GetValueOrDefault(i) + w;
            }
        }
        if (shared.Count == 0) return null;
        var own = features.Sum(Weight);
        long? best = null;
        var bestScore = Threshold;
        foreach (var (i, _) in shared.OrderByDescending(p => p.Value).Take(20))
        {
            var e = _entries[i];
            var score = Dice(features, own, e.Features);
            if (score >= bestScore) (best, bestScore) = (e.Story, score);
        }
        return best;
    }

    /// <summary>The weighted Dice overlap of two sorted feature sets.</summary>
    private double Dice(uint[] a, double weightA, uint[] b)
    {
        double common = 0, weightB = 0;
        int i = 0, j = 0;
        while (j < b.Length)
        {
            weightB += Weight(b[j]);
            while (i < a.Length && a[i] < b[j]) i++;
            if (i < a.Length && a[i] == b[j]) common += Weight(b[j]);
            j++;
        }
        return weightA + weightB == 0 ? 0 : 2 * common / (weightA + weightB);
    }

    /// <summary>Records an article (again, after an update) with its story.</summary>
    public void Add(long id, DateOnly date, long story, uint[] features)
    {
        if (_byId.TryGetValue(id, out var old))
        {
            _entries[old] = new Entry(id, date, story, features);
            return;
        }
        var index = _entries.Count;
        _entries.Add(new Entry(id, date, story, features));
        _byId[id] = index;
        foreach (var f in features)
        {
            _df[f] = _df.GetValueOrDefault(f) + 1;
            if (!_postings.TryGetValue(f, out var list)) _postings[f] = list = [];
            if (list.Count <= MaxPosting) list.Add(index);
        }
    }

    /// <summary>The story an article stored in this process belongs to.</summary>
    public long? StoryOf(long id) => _byId.TryGetValue(id, out var i) ? _entries[i].Story : null;
}
