using Kronika.Core.IO;

namespace Kronika.Lithuanian.Morphology;

/// <summary>A treebank word with the columns morphology learns from; UPOS and FEATS are null where not in UD style.</summary>
public sealed record TaggedWord(string Form, string Lemma, string Xpos, string? Upos, string? Feats);

public sealed record TaggedSentence(string Id, TaggedWord[] Words);

/// <summary>
/// The training material in ../shared/data: the UD ALKSNIS train split (UD style), the native ALKSNIS file (same
/// lemmas and XPOS for more text, native UPOS/FEATS which are not used), and, for the shipped model, the UD dev split.
/// </summary>
public static class MorphologyCorpus
{
    public const string UdTrain = "ud-lithuanian-alksnis/lt_alksnis-ud-train.conllu";
    public const string UdDev = "ud-lithuanian-alksnis/lt_alksnis-ud-dev.conllu";
    public const string UdTest = "ud-lithuanian-alksnis/lt_alksnis-ud-test.conllu";
    public const string Native = "alksnis-3.0-native/alksnis-3.0-train-native.conllu";

    public static List<TaggedSentence> Read(string path, bool udStyle)
    {
        using var reader = new StreamReader(path);
        return Conllu.ReadSentences(reader).Select((s, i) => new TaggedSentence(
            s.SentId ?? $"{Path.GetFileName(path)}#{i + 1}",
            s.Words.Select(w => new TaggedWord(w.Form, w.Lemma, w.Xpos,
                udStyle ? w.Upos : null, udStyle ? NormalizeFeats(w.Upos, w.Lemma, w.Feats) : null)).ToArray())).ToList();
    }

    /// <summary>UD train plus the native sentences it lacks (matched by sent_id), plus UD dev when asked.</summary>
    public static List<TaggedSentence> TrainingSet(string dataDir, bool withDev)
    {
        var ud = Read(Path.Combine(dataDir, UdTrain), udStyle: true);
        var ids = ud.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var native = Read(Path.Combine(dataDir, Native), udStyle: false).Where(s => !ids.Contains(s.Id));
        var all = ud.Concat(native).ToList();
        if (withDev) all.AddRange(Read(Path.Combine(dataDir, UdDev), udStyle: true));
        return all;
    }

    /// <summary>
    /// The train split follows UD v2.5, which gave interrogative-relative pronouns PronType=Int and interrogative
    /// adverbs no PronType; dev and test (and current UD) give both PronType=Int,Rel.
    /// </summary>
    public static string NormalizeFeats(string upos, string lemma, string feats)
    {
        var parts = feats == "_" ? [] : feats.Split('|').ToList();
        var i = parts.IndexOf("PronType=Int");
        if (i >= 0) parts[i] = "PronType=Int,Rel";
        else if (upos == "ADV" && lemma is "kur" or "kaip" or "kada" or "kodėl" or "kiek" && !parts.Any(p => p.StartsWith("PronType=")))
            parts.Add("PronType=Int,Rel");
        if (parts.Count == 0) return "_";
        parts.Sort(StringComparer.OrdinalIgnoreCase);
        return string.Join('|', parts);
    }
}
