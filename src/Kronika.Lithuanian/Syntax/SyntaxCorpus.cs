using Kronika.Core.IO;
using Kronika.Core.Model;
using Kronika.Lithuanian.Morphology;

namespace Kronika.Lithuanian.Syntax;

/// <summary>A treebank sentence for the parser: its words (tagged as the pipeline would tag them), gold heads and relations.</summary>
/// <param name="Heads">Each word's head as an index in the sentence, -1 for the root.</param>
public sealed record ParsedSentence(string Id, ParserWord[] Words, int[] Heads, string[] Relations, Guide? Guide = null);

/// <summary>
/// The parser's training material: UD ALKSNIS train (and dev for the shipped model) with the tags the tagger gives,
/// not the gold ones, so that training sees the tagger's mistakes as parsing will. The tags of each sentence come from
/// a tagger that never saw it (jackknifing: the sentences are split in folds, and each fold is tagged by a tagger
/// trained on the others and on the native ALKSNIS sentences outside UD).
/// </summary>
public static class SyntaxCorpus
{
    public static List<ConlluSentence> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Conllu.ReadSentences(reader);
    }

    /// <summary>
    /// Brings UD ALKSNIS train to the conventions of its dev and test files, which later UD releases re-annotated: in
    /// train an object in the genitive, dative or instrumental is `obj` and a dative one also `iobj`, where dev and test
    /// make them `obl:arg` (their `obj` is the accusative one); and a clause depending on a verb is `acl` in train,
    /// `ccomp` in dev and test. Returns how many relations changed.
    /// </summary>
    public static int Harmonize(IReadOnlyList<ConlluSentence> sentences)
    {
        var changed = 0;
        foreach (var s in sentences)
            for (var i = 0; i < s.Words.Count; i++)
            {
                var w = s.Words[i];
                var head = int.TryParse(w.Head, out var h) && h > 0 && h <= s.Words.Count ? s.Words[h - 1] : null;
                var relation = w.Deprel switch
                {
                    "iobj" => "obl:arg",
                    "obj" when Morph.Parse(w.Feats).Case is Case.Gen or Case.Dat or Case.Ins => "obl:arg",
                    "acl" when head?.Upos == "VERB" => "ccomp",
                    _ => w.Deprel,
                };
                if (relation == w.Deprel) continue;
                s.Words[i] = w with { Deprel = relation };
                changed++;
            }
        return changed;
    }

    /// <summary>The gold heads and relations of a sentence, with the given tags.</summary>
    public static ParsedSentence Parsed(ConlluSentence sentence, ParserWord[] words, int index)
    {
        var heads = new int[sentence.Words.Count];
        var relations = new string[sentence.Words.Count];
        for (var i = 0; i < heads.Length; i++)
        {
            var w = sentence.Words[i];
            if (!int.TryParse(w.Head, out var head) || head < 0 || head > heads.Length)
                throw new FormatException($"sentence {sentence.SentId ?? index.ToString()}: word {w.Id} has no valid head");
            heads[i] = head - 1;
            relations[i] = w.Deprel;
        }
        return new ParsedSentence(sentence.SentId ?? $"#{index + 1}", words, heads, relations);
    }

    /// <summary>The words with their gold tags (for comparison: the parser is trained on predicted ones).</summary>
    public static ParserWord[] GoldWords(ConlluSentence sentence) =>
        sentence.Words.Select(w => ParserWord.Of(w.Form, w.Lemma, w.Xpos, Enum.TryParse<Upos>(w.Upos, out var u) ? u : Upos.X, Morph.Parse(w.Feats))).ToArray();

    /// <summary>Tags the sentences' gold tokens with the tagger and reads each word for the parser.</summary>
    public static List<ParserWord[]> Tag(IReadOnlyList<ConlluSentence> sentences, MorphologicalTagger tagger)
    {
        var doc = new ConlluDocument(null, sentences).ToDocument();
        tagger.Process(doc);
        doc.Layers |= Layers.Morphology;
        return doc.Sentences().Select(s => WordsOf(doc, s.FirstToken, s.TokenCount)).ToList();
    }

    /// <summary>The parser's view of a run of tagged tokens.</summary>
    public static ParserWord[] WordsOf(Document doc, int first, int count)
    {
        var words = new ParserWord[count];
        for (var i = 0; i < count; i++)
        {
            var t = doc.Token(first + i);
            words[i] = ParserWord.Of(t.Span, t.Lemma, t.Xpos, t.Upos, t.Morph);
        }
        return words;
    }

    /// <summary>
    /// Tags each of <paramref name="sentences"/> with a tagger trained without it: <paramref name="folds"/> taggers,
    /// each trained on the other folds plus <paramref name="extra"/>.
    /// </summary>
    public static List<ParserWord[]> Jackknife(IReadOnlyList<ConlluSentence> sentences, IReadOnlyList<TaggedSentence> tagged,
        IReadOnlyList<TaggedSentence> extra, Lexicon lexicon, int folds, MorphologyTrainingOptions options, TextWriter log)
    {
        var result = new ParserWord[sentences.Count][];
        for (var k = 0; k < folds; k++)
        {
            var held = Enumerable.Range(0, sentences.Count).Where(i => i % folds == k).ToList();
            var training = tagged.Where((_, i) => i % folds != k).Concat(extra).ToList();
            log.WriteLine($"fold {k + 1}/{folds}: tagger trained on {training.Count:N0} sentences tags {held.Count:N0}");
            var model = MorphologyTrainer.Train(training, lexicon, options, TextWriter.Null);
            var words = Tag(held.Select(i => sentences[i]).ToList(), new MorphologicalTagger(model, lexicon));
            for (var j = 0; j < held.Count; j++) result[held[j]] = words[j];
        }
        return [.. result];
    }
}

/// <summary>Tagged sentences kept on disk between training runs (jackknifing costs minutes; the words do not change).</summary>
public static class TaggedWordsCache
{
    public static void Save(string path, IReadOnlyList<ParserWord[]> sentences)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(sentences.Count);
        foreach (var words in sentences)
        {
            w.Write(words.Length);
            foreach (var x in words)
            {
                w.Write(x.Form);
                w.Write(x.Lemma);
                w.Write(x.Xpos);
                w.Write(x.Suffix);
                w.Write((byte)x.Upos);
                w.Write(x.Case);
                w.Write(x.Gender);
                w.Write(x.Number);
            }
        }
    }

    public static List<ParserWord[]> Load(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var result = new List<ParserWord[]>();
        for (var n = r.ReadInt32(); n > 0; n--)
        {
            var words = new ParserWord[r.ReadInt32()];
            for (var i = 0; i < words.Length; i++)
                words[i] = new ParserWord(r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), (Upos)r.ReadByte(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64());
            result.Add(words);
        }
        return result;
    }

    /// <summary>The cached sentences at <paramref name="path"/> when there, else <paramref name="make"/>'s, saved there.</summary>
    public static List<ParserWord[]> GetOrMake(string? directory, string name, Func<List<ParserWord[]>> make)
    {
        if (directory is null) return make();
        var path = Path.Combine(directory, name);
        if (File.Exists(path)) return Load(path);
        var made = make();
        Directory.CreateDirectory(directory);
        Save(path, made);
        return made;
    }
}
