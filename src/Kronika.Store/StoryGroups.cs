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
        foreach (var e in doc.Entities) if (StoredArticle.IsName(e.Canonical)) set.Add(Of(Entity, StoredArticle.EntityKey(e.Type, e.Canonical, e.Kb)));
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
/// Groups articles on the same story (docs/chronicle.md, Stories), looked up in the database at the moment of the
/// decision, so that every writer sees every other writer's stories and nothing grows in memory with the store. A new
/// article is compared only with the candidates an inverted index of its features gives (`story_postings`): articles
/// published within <see cref="WindowDays"/> days that share a feature found in at most <see cref="MaxPosting"/>
/// articles (a rare name, word, day, figure or quote; `story_features` counts each feature's articles). Each candidate
/// is scored by the weighted Dice overlap of the two feature sets (weights: inverse document frequency, times the
/// kind's weight); the best at or above <see cref="Threshold"/> gives its story.
/// </summary>
public sealed class StoryGroups(StoryLookups db, Dictionary<uint, long> counts)
{
    public const int WindowDays = 3;
    public const int MaxPosting = 300;

    /// <summary>
    /// How many candidates, those sharing the most rare-feature weight, are read and scored. Fewer would be cheaper but
    /// change decisions: with 6, 20 of 35 synthetic articles that joined a story over a 60,600-article store did not,
    /// their best match sharing mostly common features.
    /// </summary>
    public const int MaxCandidates = 20;
    public static double Threshold { get; set; } = 0.30;

    /// <summary>How much a shared feature of each kind counts, times its rarity (measured on the team's story set: docs/chronicle.md).</summary>
    public static double EntityWeight { get; set; } = 0.5;
    public static double DayWeight { get; set; } = 2.0;
    public static double FigureWeight { get; set; } = 4.0;

    /// <summary>
    /// The tables of the index, in the store's own types (<paramref name="options"/> after the postings table: SQLite keeps
    /// it WITHOUT ROWID, in its primary key alone). The postings of an article are found by its features and day (its row
    /// keeps both), so they need no index by article.
    /// </summary>
    public static string Tables(string day, string options = "") => $"""
        CREATE TABLE IF NOT EXISTS story_features (
            feature BIGINT PRIMARY KEY,
            df INT NOT NULL);
        CREATE TABLE IF NOT EXISTS story_postings (
            feature BIGINT NOT NULL,
            day {day} NOT NULL,
            article_id BIGINT NOT NULL,
            PRIMARY KEY (feature, day, article_id)){options};
        CREATE TABLE IF NOT EXISTS story_count (
            id INT PRIMARY KEY,
            stories BIGINT NOT NULL);
        INSERT INTO story_count VALUES (1, 0) ON CONFLICT DO NOTHING;
        """;

    private static double Weight(uint feature, long df, long stories)
    {
        var idf = Math.Log((stories + 1.0) / (df + 1.0));
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
        var stories = Stories();
        Count(features);
        var rare = features.Where(f => _df[f] is > 0 and <= MaxPosting).ToArray();
        var shared = new Dictionary<long, double>();
        foreach (var (feature, id) in db.Postings(rare, date.AddDaysWithin(-WindowDays), date.AddDaysWithin(WindowDays)))
            if (id != except)
                shared[id] = shared.GetValueOrDefault(id) + Weight(feature, _df[feature], stories);
        if (shared.Count == 0) return null;
        var own = features.Sum(f => Weight(f, _df[f], stories));
        var top = shared.OrderByDescending(p => p.Value).Take(MaxCandidates).Select(p => p.Key).ToList();
        var candidates = db.Candidates(top, date.AddDaysWithin(-WindowDays), date.AddDaysWithin(WindowDays));
        foreach (var c in candidates.Values) Count(c.Features);
        long? best = null;
        var bestScore = Threshold;
        foreach (var id in top)
        {
            if (!candidates.TryGetValue(id, out var c)) continue;
            var score = Dice(features, own, c.Features, f => Weight(f, _df[f], stories));
            if (score >= bestScore) (best, bestScore) = (c.Story, score);
        }
        return best;
    }

    /// <summary>
    /// Each feature's count of stories, as of now, known from earlier look-ups (kept up to date by <see cref="Add"/>) or
    /// read from the store. The writer keeps it across its batches and drops it when a batch fails or another writer
    /// committed in between (the writers' generation; each batch holds the writers' lock, so no one counts meanwhile):
    /// candidates share most of their features, and without it each decision read thousands of counts again.
    /// </summary>
    private readonly Dictionary<uint, long> _df = counts;

    /// <summary>How many counts a writer keeps before it starts again (about 40 MB).</summary>
    public const int MaxCounts = 1_000_000;

    /// <summary>Makes each feature's count known (in <see cref="_df"/>, 0 for a feature no story has), reading those not yet known.</summary>
    private void Count(uint[] features)
    {
        List<uint>? missing = null;
        foreach (var f in features)
            if (!_df.ContainsKey(f)) (missing ??= []).Add(f);
        if (missing is null) return;
        var read = db.Frequencies([.. missing]);
        foreach (var f in missing) _df[f] = read.GetValueOrDefault(f);
    }

    /// <summary>The weighted Dice overlap of two sorted feature sets.</summary>
    private static double Dice(uint[] a, double weightA, uint[] b, Func<uint, double> weight)
    {
        double common = 0, weightB = 0;
        int i = 0, j = 0;
        while (j < b.Length)
        {
            var w = weight(b[j]);
            weightB += w;
            while (i < a.Length && a[i] < b[j]) i++;
            if (i < a.Length && a[i] == b[j]) common += w;
            j++;
        }
        return weightA + weightB == 0 ? 0 : 2 * common / (weightA + weightB);
    }

    /// <summary>
    /// Records a story's features: one more story for each (counted here, written by <see cref="Flush"/>), and its
    /// postings under those still rare.
    /// </summary>
    public void Add(long id, DateOnly date, uint[] features)
    {
        _stories = Stories() + 1;
        _addedStories++;
        Count(features);
        var post = new List<uint>();
        foreach (var f in features)
        {
            var before = _df[f];
            _df[f] = before + 1;
            _added[f] = _added.GetValueOrDefault(f) + 1;
            if (before < MaxPosting + 1) post.Add(f);
        }
        db.Post(post, date, id);
    }

    /// <summary>Writes the counts <see cref="Add"/> kept: once per feature and batch, not once per feature and story.</summary>
    public void Flush()
    {
        if (_added.Count == 0 && _addedStories == 0) return;
        db.AddCounts(_added, _addedStories);
        _added.Clear();
        _addedStories = 0;
    }

    /// <summary>Takes a story recorded with these features on this day out of the counts and postings (before its row changes).</summary>
    public void Remove(long id, DateOnly date, uint[] features)
    {
        Flush();
        db.Remove(id, date, features);
        foreach (var f in features) _df.Remove(f);
        _stories = null;
    }

    /// <summary>The stories counted, as of now (read once, then kept with <see cref="Add"/>).</summary>
    private long Stories() => _stories ??= db.Stories();

    private long? _stories;

    /// <summary>What <see cref="Add"/> counted and <see cref="Flush"/> has not yet written: stories per feature, and in all.</summary>
    private readonly Dictionary<uint, long> _added = [];
    private long _addedStories;

    /// <summary>The story an article belongs to (itself when it has none recorded).</summary>
    public long? StoryOf(long id) => db.StoryOf(id);
}

/// <summary>The statements <see cref="StoryGroups"/> and the near-copy look-up run, in each store's dialect.</summary>
public abstract class StoryLookups
{
    /// <summary>How many stories have features recorded.</summary>
    public abstract long Stories();

    /// <summary>How many stories have each of these features (absent: none).</summary>
    public abstract Dictionary<uint, long> Frequencies(uint[] features);

    /// <summary>The stories posted under these features published between the days, by feature, then id.</summary>
    public abstract List<(uint Feature, long Id)> Postings(uint[] features, DateOnly from, DateOnly to);

    /// <summary>These stories' story ids and features (each published between the days, as its postings say).</summary>
    public abstract Dictionary<long, (long Story, uint[] Features)> Candidates(List<long> ids, DateOnly from, DateOnly to);

    /// <summary>Takes a recorded story out: its postings under these features on this day, one story less for each feature and in all.</summary>
    public abstract void Remove(long id, DateOnly date, uint[] features);

    /// <summary>Adds to each feature's count of stories (a feature not yet counted starts at its addition), and to the stories counted in all.</summary>
    public abstract void AddCounts(IReadOnlyDictionary<uint, long> counts, long stories);

    /// <summary>Posts a story under these features.</summary>
    public abstract void Post(List<uint> features, DateOnly date, long id);

    /// <summary>The story of a stored story with features, or null.</summary>
    public abstract long? StoryOf(long id);

    /// <summary>The SimHashes of the stories (not copies) that agree with <paramref name="simHash"/> in one of its four 16-bit quarters.</summary>
    public abstract List<(long Id, ulong SimHash)> SimilarStories(ulong simHash);

    /// <summary>The condition on a SimHash quarter the store's expression indexes serve (the same text in index and query).</summary>
    public static string Quarter(int q) => q == 0 ? "(simhash & 65535)" : $"((simhash >> {16 * q}) & 65535)";

    public static string QuarterIndexes => string.Concat(Enumerable.Range(0, 4).Select(q =>
        $"CREATE INDEX IF NOT EXISTS articles_sim{q} ON articles ({Quarter(q)}) WHERE duplicate_of IS NULL;\n"));

    public static string SimilarQuery(string mark) => string.Join(" UNION ALL ", Enumerable.Range(0, 4).Select(q =>
        $"SELECT id, simhash FROM articles WHERE duplicate_of IS NULL AND {Quarter(q)} = {mark}q{q}"));

    /// <summary>
    /// The same indexes on PostgreSQL's `article_keys` (stories: `original = article_id`): one unpartitioned table, so a
    /// near-copy look-up reads four indexes, not four in every month's partition.
    /// </summary>
    public static string KeyQuarterIndexes => string.Concat(Enumerable.Range(0, 4).Select(q =>
        $"CREATE INDEX IF NOT EXISTS article_keys_sim{q} ON article_keys ({Quarter(q)}) WHERE original = article_id;\n"));

    public static string KeySimilarQuery(string mark) => string.Join(" UNION ALL ", Enumerable.Range(0, 4).Select(q =>
        $"SELECT article_id, simhash FROM article_keys WHERE original = article_id AND {Quarter(q)} = {mark}q{q}"));

    public static long QuarterOf(ulong simHash, int q) => (long)(ushort)(simHash >> (16 * q));
}
