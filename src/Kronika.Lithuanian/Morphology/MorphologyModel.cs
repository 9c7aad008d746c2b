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
    private readonly string[] _properNounTags;

    public MorphologyModel(string[] tags, PerceptronModel weights, IReadOnlyDictionary<string, int[]> tagDictionary,
        IReadOnlyDictionary<ulong, int[]> analysisTags, int[] nameTags, IReadOnlyDictionary<string, int[]> nameEndings,
        Lemmatizer lemmatizer, UdMapper mapper)
    {
        _nameTags = nameTags;
        _nameEndings = nameEndings.ToDictionary(StringComparer.Ordinal);
        _properNounTags = tags.Select(ProperNounTag).ToArray();
        Tags = tags;
        Weights = weights;
        _tagDictionary = tagDictionary.ToDictionary(StringComparer.Ordinal);
        _analysisTags = analysisTags.ToDictionary();
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
    public (int[] Tags, bool Name) Candidates(IReadOnlyList<WordProfile> sentence, int i) =>
        Candidates(sentence, i, _tagDictionary, _analysisTags, _nameTags, _nameEndings);

    /// <summary>Capitalised forms seen inside sentences are kept in the tag dictionary under this prefix.</summary>
    internal const string CapitalisedKey = "^";

    /// <summary>Each word's most frequent tag among nouns with its ending (one to three letters).</summary>
    internal static string?[] EndingTags(IReadOnlyList<WordProfile> sentence, IReadOnlyDictionary<string, int[]> nameEndings, string[] tags)
    {
        var endings = new string?[sentence.Count];
        for (var i = 0; i < endings.Length; i++)
        {
            var lower = sentence[i].Lower;
            for (var k = Math.Min(3, lower.Length); k >= 1 && endings[i] is null; k--)
                if (nameEndings.TryGetValue(lower[^k..], out var byEnding)) endings[i] = tags[byEnding[0]];
        }
        return endings;
    }

    /// <returns>The candidate tags, and whether the word is read as a name: then the candidates are common-noun
    /// tags (`dkt.vyr.vns.Įn.`), far better trained than the proper-noun ones, and the chosen one is turned into its
    /// proper-noun form (`dkt.tikr.vyr.vns.Įn.`).</returns>
    internal static (int[] Tags, bool Name) Candidates(IReadOnlyList<WordProfile> sentence, int i, IReadOnlyDictionary<string, int[]> tagDictionary,
        IReadOnlyDictionary<ulong, int[]> analysisTags, int[] nameTags, IReadOnlyDictionary<string, int[]> nameEndings)
    {
        var word = sentence[i];
        var inside = TaggerFeatures.IsCapitalisedInside(sentence, i);
        if (inside && tagDictionary.TryGetValue(CapitalisedKey + word.Lower, out var capitalised)) return (capitalised, false);
        if (TaggerFeatures.LooksLikeName(sentence, i) && (inside || !tagDictionary.ContainsKey(word.Lower)))
        {
            for (var k = Math.Min(3, word.Lower.Length); k >= 1; k--)
                if (nameEndings.TryGetValue(word.Lower[^k..], out var byEnding)) return (byEnding, true);
        }
        if (tagDictionary.TryGetValue(word.Lower, out var tags)) return (tags, false);
        var fromAnalyses = FromAnalyses(word, analysisTags);
        if (!inside || nameTags.Length == 0) return (fromAnalyses, false);
        var names = Intersect(fromAnalyses, nameTags);
        return (names.Length > 0 ? names : nameTags, false);
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

    /// <summary>Each word's most frequent training tag (null for words not seen): a guess at the right context's tags.</summary>
    internal static string?[] LikelyTags(IReadOnlyList<WordProfile> sentence, IReadOnlyDictionary<string, int[]> tagDictionary, string[] tags)
    {
        var likely = new string?[sentence.Count];
        for (var i = 0; i < likely.Length; i++)
            if (tagDictionary.TryGetValue(sentence[i].Lower, out var seen)) likely[i] = tags[seen[0]];
        return likely;
    }

    /// <summary>Tags a sentence left to right and reads each word.</summary>
    public MorphReading[] Read(IReadOnlyList<WordProfile> sentence, Lexicon lexicon)
    {
        var xpos = TagSentence(sentence);
        var result = new MorphReading[sentence.Count];
        for (var i = 0; i < result.Length; i++) result[i] = ReadWord(sentence[i].Form, xpos[i], lexicon);
        return result;
    }

    /// <summary>The lemma and UD reading of a word once its tag is chosen.</summary>
    public MorphReading ReadWord(string form, string xpos, Lexicon lexicon)
    {
        var lemma = Lemmatizer.Lemmatize(form, xpos, lexicon);
        var (upos, feats) = Mapper.Map(xpos, lemma);
        return new MorphReading(xpos, lemma, upos, feats);
    }

    /// <summary>Per-thread room for the scores of all tags, reused from sentence to sentence.</summary>
    [ThreadStatic] private static float[]? _scratch;

    public string[] TagSentence(IReadOnlyList<WordProfile> sentence)
    {
        var tags = new string[sentence.Count];
        var likely = LikelyTags(sentence, _tagDictionary, Tags);
        var endings = EndingTags(sentence, _nameEndings, Tags);
        var features = new List<ulong>(64);
        if (_scratch is null || _scratch.Length < Tags.Length) _scratch = new float[Tags.Length];
        var scratch = _scratch;
        for (var i = 0; i < sentence.Count; i++)
        {
            TaggerFeatures.Extract(sentence, i, tags, likely, endings, features);
            var (candidates, name) = Candidates(sentence, i);
            var best = Weights.Predict(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features), candidates, scratch);
            tags[i] = name ? _properNounTags[best] : Tags[best];
        }
        return tags;
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
        w.Write(Lemmatizer.Seen.Count);
        foreach (var (key, lemma) in Lemmatizer.Seen.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(lemma);
        }
        w.Write(Lemmatizer.Rules.Count);
        foreach (var (key, rules) in Lemmatizer.Rules.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(rules.Length);
            foreach (var r in rules)
            {
                w.Write(r.Remove);
                w.Write(r.Add);
                w.Write(r.Count);
            }
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
        using var r = new BinaryReader(Resources.Decompressed(stream), Encoding.UTF8);
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
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) seen[r.ReadString()] = r.ReadString();
        var rules = new Dictionary<string, EditRule[]>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var key = r.ReadString();
            var list = new EditRule[r.ReadInt32()];
            for (var i = 0; i < list.Length; i++) list[i] = new EditRule(r.ReadString(), r.ReadString(), r.ReadInt32());
            rules[key] = list;
        }
        var byXposLemma = ReadReadings(r);
        var byXpos = ReadReadings(r);
        var byCategory = new Dictionary<string, Upos>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) byCategory[r.ReadString()] = (Upos)r.ReadByte();
        var featuresOfPart = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) featuresOfPart[r.ReadString()] = ReadStrings(r);
        return new MorphologyModel(tags, weights, tagDictionary, analysisTags, nameTags, nameEndings, new Lemmatizer(seen, rules), new UdMapper(byXposLemma, byXpos, byCategory, featuresOfPart));
    }

    private static void WriteTags(BinaryWriter w, int[] tags)
    {
        w.Write(tags.Length);
        foreach (var t in tags) w.Write((ushort)t);
    }

    private static int[] ReadTags(BinaryReader r)
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

    private static string[] ReadStrings(BinaryReader r)
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

    private static Dictionary<string, (Upos, string)> ReadReadings(BinaryReader r)
    {
        var table = new Dictionary<string, (Upos, string)>(StringComparer.Ordinal);
        for (var n = r.ReadInt32(); n > 0; n--) table[r.ReadString()] = ((Upos)r.ReadByte(), r.ReadString());
        return table;
    }
}
