using System.IO.Compression;
using System.Text;
using Kronika.Core.Learning;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Morphology;

/// <summary>The reading of one word: its Jablonskis tag, lemma, UD part of speech and features.</summary>
public readonly record struct MorphReading(string Xpos, string Lemma, Upos Upos, string Feats);

/// <summary>
/// The trained morphology: an averaged perceptron choosing each word's Jablonskis tag (XPOS) left to right, a tag
/// dictionary that limits frequent words to the tags they were seen with, the lemmatizer, and the XPOS → UD mapper.
/// Immutable and safe to share across threads.
/// </summary>
public sealed class MorphologyModel
{
    private const string Magic = "KRONIKA-MORPHOLOGY-4";
    private readonly Dictionary<string, int[]> _tagDictionary;
    private readonly Dictionary<ulong, int[]> _analysisTags;
    private readonly int[] _nameTags;
    private readonly Dictionary<string, int[]> _nameEndings;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _nameEndingsLookup;
    // Tag ids: the tags, then the proper-noun forms of common-noun tags not among them (see TagIds).
    private readonly TagFeatureTable _features;
    private readonly int[] _properNounIds;

    public MorphologyModel(string[] tags, PerceptronModel weights, IReadOnlyDictionary<string, int[]> tagDictionary,
        IReadOnlyDictionary<ulong, int[]> analysisTags, int[] nameTags, IReadOnlyDictionary<string, int[]> nameEndings,
        Lemmatizer lemmatizer, UdMapper mapper)
    {
        _nameTags = nameTags;
        _nameEndings = nameEndings.ToDictionary(StringComparer.Ordinal);
        _nameEndingsLookup = _nameEndings.GetAlternateLookup<ReadOnlySpan<char>>();
        var ids = new List<string>(tags);
        var idOf = tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _properNounIds = new int[tags.Length];
        for (var t = 0; t < tags.Length; t++)
        {
            var proper = ProperNounTag(tags[t]);
            if (!idOf.TryGetValue(proper, out var id))
            {
                idOf[proper] = id = ids.Count;
                ids.Add(proper);
            }
            _properNounIds[t] = id;
        }
        _features = new TagFeatureTable(ids);
        Tags = tags;
        Weights = weights;
        // A model being loaded hands over its own dictionaries: they are kept, not copied.
        _tagDictionary = tagDictionary is Dictionary<string, int[]> own && ReferenceEquals(own.Comparer, StringComparer.Ordinal) ? own : tagDictionary.ToDictionary(StringComparer.Ordinal);
        _analysisTags = analysisTags as Dictionary<ulong, int[]> ?? analysisTags.ToDictionary();
        Lemmatizer = lemmatizer;
        Mapper = mapper;
    }

    public string[] Tags { get; }
    public PerceptronModel Weights { get; }
    public Lemmatizer Lemmatizer { get; }
    public UdMapper Mapper { get; }

    /// <summary>
    /// The tags word i of a sentence may take (empty: any), most frequent first: those seen with the word in training;
    /// else those seen with its lexicon analyses, when every analysis was seen. A capitalised word inside a sentence
    /// takes the tags it had capitalised in training. An unseen word that looks like a name (see
    /// <see cref="TaggerFeatures.LooksLikeName"/>: `D. Trumpo` is not the adjective `trumpas`, `Macronu` is not a verb)
    /// takes a tag nouns with its ending take (`-u` instrumental, `-ui` dative), as a proper noun; any other
    /// capitalised word inside a sentence, the tags capitalised words had.
    /// </summary>
    /// <returns>The candidate tags, and whether the word is read as a name: then the candidates are common-noun
    /// tags (`dkt.vyr.vns.Įn.`), far better trained than the proper-noun ones, and the chosen one is turned into its
    /// proper-noun form (`dkt.tikr.vyr.vns.Įn.`).</returns>
    public (int[] Tags, bool Name) Candidates(ReadOnlySpan<WordProfile> sentence, int i) => Candidates(sentence, i, WordTagsOf(sentence[i]));

    private (int[] Tags, bool Name) Candidates(ReadOnlySpan<WordProfile> sentence, int i, WordTags word)
    {
        var inside = TaggerFeatures.IsCapitalisedInside(sentence, i);
        if (inside && word.Capitalised is { } capitalised) return (capitalised, false);
        if (word.NameEnding is { } byEnding && (inside || word.Seen is null) && TaggerFeatures.LooksLikeName(sentence, i)) return (byEnding, true);
        if (word.Seen is { } seen) return (seen, false);
        return (inside ? word.InsideNames : word.FromAnalyses, false);
    }

    /// <summary>Capitalised forms seen inside sentences are kept in the tag dictionary under this prefix.</summary>
    internal const string CapitalisedKey = "^";

    /// <summary>What the model knows of a word whatever its context, looked up once per form and kept on its profile.</summary>
    private sealed class WordTags
    {
        public required MorphologyModel Model { get; init; }
        /// <summary>The tags seen with the form in training, most frequent first (null: unseen).</summary>
        public int[]? Seen { get; init; }
        /// <summary>The tags seen with the form capitalised inside sentences.</summary>
        public int[]? Capitalised { get; init; }
        /// <summary>The tags nouns with the form's ending (three letters, else two, else one) take.</summary>
        public int[]? NameEnding { get; init; }
        public required int[] FromAnalyses { get; init; }
        /// <summary>The candidates of an unseen capitalised word inside a sentence.</summary>
        public required int[] InsideNames { get; init; }
        /// <summary>The most frequent training tag, or <see cref="TagFeatureTable.Unseen"/>.</summary>
        public int Likely { get; init; }
        public ulong EndingTagHash { get; init; }
    }

    private WordTags WordTagsOf(WordProfile word)
    {
        if (word.ModelData is WordTags known && known.Model == this) return known;
        var lower = word.Lower;
        _tagDictionary.TryGetValue(lower, out var seen);
        int[]? capitalised = null;
        if (word.Capitalised) _tagDictionary.TryGetValue(CapitalisedKey + lower, out capitalised);
        int[]? byEnding = null;
        for (var k = Math.Min(3, lower.Length); k >= 1 && byEnding is null; k--) _nameEndingsLookup.TryGetValue(lower.AsSpan(lower.Length - k), out byEnding);
        var fromAnalyses = FromAnalyses(word, _analysisTags);
        var names = _nameTags.Length == 0 ? fromAnalyses : Intersect(fromAnalyses, _nameTags) is { Length: > 0 } both ? both : _nameTags;
        var result = new WordTags
        {
            Model = this,
            Seen = seen,
            Capitalised = capitalised,
            NameEnding = byEnding,
            FromAnalyses = fromAnalyses,
            InsideNames = names,
            Likely = seen is null ? _features.Unseen : seen[0],
            EndingTagHash = FeatureHash.Of(Templates.EndingTag, byEnding is null ? "-" : Tags[byEnding[0]], word.Capitalised ? "X" : "x"),
        };
        word.ModelData = result;
        return result;
    }

    /// <summary>`dkt.vyr.vns.K.` → `dkt.tikr.vyr.vns.K.`</summary>
    private static string ProperNounTag(string commonNounTag) =>
        commonNounTag.StartsWith("dkt.", StringComparison.Ordinal) && !commonNounTag.StartsWith("dkt.tikr.", StringComparison.Ordinal)
            ? "dkt.tikr." + commonNounTag[4..]
            : commonNounTag;

    private static int[] FromAnalyses(WordProfile word, IReadOnlyDictionary<ulong, int[]> analysisTags)
    {
        if (word.Analyses.Length == 0) return [];
        if (word.Analyses.Length == 1) return analysisTags.TryGetValue(word.Analyses[0], out var only) ? Distinct(only) : [];
        // The sorted union of the tags of every analysis (none when an analysis was never seen).
        var count = 0;
        foreach (var a in word.Analyses)
        {
            if (!analysisTags.TryGetValue(a, out var seen)) return [];
            count += seen.Length;
        }
        var union = new int[count];
        count = 0;
        foreach (var a in word.Analyses)
        {
            var seen = analysisTags[a];
            seen.CopyTo(union, count);
            count += seen.Length;
        }
        return Distinct(union);
    }

    /// <summary>The values sorted ascending, each once (a copy).</summary>
    private static int[] Distinct(int[] values)
    {
        var sorted = (int[])values.Clone();
        Array.Sort(sorted);
        var n = 0;
        for (var i = 0; i < sorted.Length; i++)
            if (n == 0 || sorted[n - 1] != sorted[i]) sorted[n++] = sorted[i];
        return n == sorted.Length ? sorted : sorted[..n];
    }

    /// <summary>The values of <paramref name="a"/> also in <paramref name="b"/>, in a's order, each once.</summary>
    private static int[] Intersect(int[] a, int[] b)
    {
        var result = new List<int>(a.Length);
        foreach (var x in a)
            if (Array.IndexOf(b, x) >= 0 && !result.Contains(x)) result.Add(x);
        return [.. result];
    }

    /// <summary>Each word's most frequent tag among nouns with its ending (one to three letters): the trainer's <see cref="TaggerFeatures.Extract"/> input.</summary>
    internal static string?[] EndingTags(ReadOnlySpan<WordProfile> sentence, IReadOnlyDictionary<string, int[]> nameEndings, string[] tags)
    {
        var endings = new string?[sentence.Length];
        for (var i = 0; i < endings.Length; i++)
        {
            var lower = sentence[i].Lower;
            for (var k = Math.Min(3, lower.Length); k >= 1 && endings[i] is null; k--)
                if (nameEndings.TryGetValue(lower[^k..], out var byEnding)) endings[i] = tags[byEnding[0]];
        }
        return endings;
    }

    /// <summary>Each word's most frequent training tag (null for words not seen): a guess at the right context's tags.</summary>
    internal static string?[] LikelyTags(ReadOnlySpan<WordProfile> sentence, IReadOnlyDictionary<string, int[]> tagDictionary, string[] tags)
    {
        var likely = new string?[sentence.Length];
        for (var i = 0; i < likely.Length; i++)
            if (tagDictionary.TryGetValue(sentence[i].Lower, out var seen)) likely[i] = tags[seen[0]];
        return likely;
    }

    /// <summary>The lemma and UD reading of a word once its tag is chosen.</summary>
    public MorphReading ReadWord(string form, string xpos, Lexicon lexicon)
    {
        var lemma = Lemmatizer.Lemmatize(form, xpos, lexicon);
        var (upos, feats) = Mapper.Map(xpos, lemma);
        return new MorphReading(xpos, lemma, upos, feats);
    }

    /// <summary>The XPOS of a tag id from <see cref="TagIds"/>.</summary>
    public string TagName(int id) => _features.Strings[id];

    public string[] TagSentence(ReadOnlySpan<WordProfile> sentence)
    {
        var ids = new int[sentence.Length];
        TagIds(sentence, ids);
        var tags = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++) tags[i] = TagName(ids[i]);
        return tags;
    }

    /// <summary>Word i's features as <see cref="TagIds"/> computes them, given the tag ids to its left.</summary>
    internal ulong[] FeaturesOf(ReadOnlySpan<WordProfile> sentence, int i, ReadOnlySpan<int> tags)
    {
        var likely = new int[sentence.Length];
        for (var j = 0; j < likely.Length; j++) likely[j] = WordTagsOf(sentence[j]).Likely;
        var features = new ulong[TagFeatureTable.MaxCount(sentence, i)];
        return features[..(_features.Extract(sentence, i, tags, likely, WordTagsOf(sentence[i]).EndingTagHash, features))];
    }

    /// <summary>Word i's features as training computes them (<see cref="TaggerFeatures.Extract"/>), given the tag ids to its left.</summary>
    internal ulong[] TrainingFeaturesOf(ReadOnlySpan<WordProfile> sentence, int i, ReadOnlySpan<int> tags)
    {
        var names = new string[sentence.Length];
        for (var j = 0; j < i; j++) names[j] = TagName(tags[j]);
        var features = new List<ulong>();
        TaggerFeatures.Extract(sentence, i, names, LikelyTags(sentence, _tagDictionary, Tags), EndingTags(sentence, _nameEndings, Tags), features);
        return [.. features];
    }

    /// <summary>Per-thread room for one sentence's word data and one word's features and scores, reused from sentence to sentence.</summary>
    [ThreadStatic] private static float[]? _scratch;
    [ThreadStatic] private static ulong[]? _featureBuffer;
    [ThreadStatic] private static WordTags[]? _wordBuffer;
    [ThreadStatic] private static int[]? _likelyBuffer;

    /// <summary>Tags a sentence left to right: each word's tag id (see <see cref="TagName"/>) into <paramref name="tags"/>.
    /// A word with one candidate takes it without scoring.</summary>
    public void TagIds(ReadOnlySpan<WordProfile> sentence, Span<int> tags)
    {
        if (_scratch is null || _scratch.Length < Tags.Length) _scratch = new float[Tags.Length];
        if (_wordBuffer is null || _wordBuffer.Length < sentence.Length)
        {
            _wordBuffer = new WordTags[Math.Max(64, sentence.Length)];
            _likelyBuffer = new int[_wordBuffer.Length];
        }
        var words = _wordBuffer.AsSpan(0, sentence.Length);
        var likely = _likelyBuffer.AsSpan(0, sentence.Length);
        for (var i = 0; i < sentence.Length; i++)
        {
            words[i] = WordTagsOf(sentence[i]);
            likely[i] = words[i].Likely;
        }
        for (var i = 0; i < sentence.Length; i++)
        {
            var (candidates, name) = Candidates(sentence, i, words[i]);
            int best;
            if (candidates.Length == 1) best = candidates[0];
            else
            {
                var max = TagFeatureTable.MaxCount(sentence, i);
                if (_featureBuffer is null || _featureBuffer.Length < max) _featureBuffer = new ulong[Math.Max(128, max)];
                var n = _features.Extract(sentence, i, tags, likely, words[i].EndingTagHash, _featureBuffer);
                best = Weights.Predict(_featureBuffer.AsSpan(0, n), candidates, _scratch);
            }
            tags[i] = name ? _properNounIds[best] : best;
        }
        words.Clear();
    }

    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8);
        w.Write(Magic);
        WriteStrings(w, Tags);
        Weights.Save(w);
        w.Write(_tagDictionary.Count);
        foreach (var (form, tags) in _tagDictionary.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(form);
            w.Write(tags.Length);
            foreach (var t in tags) w.Write((ushort)t);
        }
        WriteTags(w, _nameTags);
        w.Write(_nameEndings.Count);
        foreach (var (ending, tags) in _nameEndings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(ending);
            WriteTags(w, tags);
        }
        w.Write(_analysisTags.Count);
        foreach (var (analysis, tags) in _analysisTags.OrderBy(p => p.Key))
        {
            w.Write(analysis);
            w.Write(tags.Length);
            foreach (var t in tags) w.Write((ushort)t);
        }
        // The lemmatizer's tables are kept in key order, as they were written.
        w.Write(Lemmatizer.SeenCount);
        foreach (var (key, lemma) in Lemmatizer.Seen)
        {
            w.Write(key);
            w.Write(lemma);
        }
        w.Write(Lemmatizer.RuleCount);
        foreach (var (key, rules) in Lemmatizer.Rules)
        {
            w.Write(key);
            Lemmatizer.WriteRules(w, rules);
        }
        WriteReadings(w, Mapper.ByXposLemma);
        WriteReadings(w, Mapper.ByXpos);
        w.Write(Mapper.ByCategory.Count);
        foreach (var (category, upos) in Mapper.ByCategory.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(category);
            w.Write((byte)upos);
        }
        w.Write(Mapper.FeaturesOfPart.Count);
        foreach (var (part, feats) in Mapper.FeaturesOfPart.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(part);
            WriteStrings(w, feats);
        }
    }

    public static MorphologyModel Load(Stream stream)
    {
        var r = Resources.DecompressedModel(stream);
        if (r.ReadString() != Magic) throw new InvalidDataException("not a Kronika morphology model");
        var tags = ReadStrings(r);
        var weights = PerceptronModel.Load(r);
        var tagDictionary = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var form = r.ReadString();
            var list = new int[r.ReadInt32()];
            for (var i = 0; i < list.Length; i++) list[i] = r.ReadUInt16();
            tagDictionary[form] = list;
        }
        var nameTags = ReadTags(r);
        var nameEndings = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) nameEndings[r.ReadString()] = ReadTags(r);
        var analysisTags = new Dictionary<ulong, int[]>();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var analysis = r.ReadUInt64();
            var list = new int[r.ReadInt32()];
            for (var i = 0; i < list.Length; i++) list[i] = r.ReadUInt16();
            analysisTags[analysis] = list;
        }
        // Lemmas and rule edits repeat: each distinct one becomes one string.
        var lemmatizer = Lemmatizer.Read(r, new StringPool());
        var byXposLemma = ReadReadings(r);
        var byXpos = ReadReadings(r);
        var byCategory = new Dictionary<string, Upos>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) byCategory[r.ReadString()] = (Upos)r.ReadByte();
        var featuresOfPart = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) featuresOfPart[r.ReadString()] = ReadStrings(r);
        return new MorphologyModel(tags, weights, tagDictionary, analysisTags, nameTags, nameEndings, lemmatizer, new UdMapper(byXposLemma, byXpos, byCategory, featuresOfPart));
    }

    private static void WriteTags(BinaryWriter w, int[] tags)
    {
        w.Write(tags.Length);
        foreach (var t in tags) w.Write((ushort)t);
    }

    private static int[] ReadTags(ModelReader r)
    {
        var tags = new int[r.ReadInt32()];
        for (var i = 0; i < tags.Length; i++) tags[i] = r.ReadUInt16();
        return tags;
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values) w.Write(v);
    }

    private static string[] ReadStrings(ModelReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = r.ReadString();
        return values;
    }

    private static void WriteReadings(BinaryWriter w, IReadOnlyDictionary<string, (Upos Upos, string Feats)> table)
    {
        w.Write(table.Count);
        foreach (var (key, (upos, feats)) in table.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write((byte)upos);
            w.Write(feats);
        }
    }

    private static Dictionary<string, (Upos, string)> ReadReadings(ModelReader r)
    {
        var table = new Dictionary<string, (Upos, string)>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) table[r.ReadString()] = ((Upos)r.ReadByte(), r.ReadString());
        return table;
    }
}
