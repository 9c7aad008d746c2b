using System.Collections.Concurrent;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Morphology;

/// <summary>
/// Fills each token's lemma, UPOS, XPOS (Jablonskis tag) and UD features, sentence by sentence, with the trained
/// morphology model and the lexicon.
/// </summary>
public sealed class MorphologicalTagger(MorphologyModel model, Lexicon lexicon) : IPipelineStep
{
    /// <summary>How many word profiles the memo keeps; news vocabulary repeats, so a few hundred thousand cover most text.</summary>
    private const int MemoCapacity = 200_000;

    private const string Abbreviation = "sutr.";

    private readonly WordProfiler _profiler = new(lexicon);

    public Lexicon Lexicon => lexicon;

    // Memos of pure functions (form → lexicon profile; form and tag → lemma and UD reading), shared by all threads:
    // they change no result, only speed.
    private readonly ConcurrentDictionary<string, WordProfile> _memo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Form, string Xpos), (MorphReading Reading, Morph Morph)> _readings = new();

    public string Name => "morphology";
    public Layers Requires => Layers.Tokens | Layers.Sentences;
    public Layers Provides => Layers.Morphology;

    public void Process(Document doc, CancellationToken ct = default)
    {
        var memo = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
        var vocabulary = doc.Vocabulary;
        var sentenceProfiles = new List<WordProfile>();
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            sentenceProfiles.Clear();
            for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                var span = doc.Token(i).Span;
                if (!memo.TryGetValue(span, out var profile))
                {
                    profile = _profiler.Profile(span.ToString());
                    if (_memo.Count < MemoCapacity) _memo.TryAdd(profile.Form, profile);
                }
                sentenceProfiles.Add(profile);
            }
            var tags = model.TagSentence(sentenceProfiles);
            // The tokenizer already knows abbreviations and initials (`m.`, `saus.`, `V.`): they are `sutr.`, whatever
            // their letters look like to the tagger (`Saus` is not a verb).
            for (var i = 0; i < tags.Length; i++)
                if ((doc.TokenAt(sentence.FirstToken + i).Flags & (TokenFlags.Abbreviation | TokenFlags.Initial)) != 0) tags[i] = Abbreviation;
            for (var i = 0; i < tags.Length; i++)
            {
                ref var token = ref doc.TokenAt(sentence.FirstToken + i);
                var form = sentenceProfiles[i].Form;
                if (!_readings.TryGetValue((form, tags[i]), out var read))
                {
                    var reading = model.ReadWord(form, tags[i], lexicon);
                    read = (reading, Morph.Parse(reading.Feats));
                    if (_readings.Count < MemoCapacity) _readings.TryAdd((form, tags[i]), read);
                }
                var r = read.Reading;
                token.Lemma = vocabulary.Intern(r.Lemma);
                token.Xpos = vocabulary.Intern(r.Xpos);
                token.Feats = vocabulary.Intern(r.Feats == "_" ? "" : r.Feats);
                token.Morph = read.Morph;
                token.Upos = r.Upos;
            }
        }
    }
}
