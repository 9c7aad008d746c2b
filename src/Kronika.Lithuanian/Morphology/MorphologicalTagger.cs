using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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

    // A memo of pure functions, shared by all threads: form → its lexicon profile and, per tag id, its lemma and UD
    // reading. It changes no result, only speed.
    private readonly ConcurrentDictionary<string, Entry> _memo = new(StringComparer.Ordinal);
    private int _memoCount; // the memo's Count, which would take all its locks

    /// <summary>A form's profile and the readings it was given, by tag id (<see cref="AbbreviationId"/> for `sutr.`).</summary>
    private sealed class Entry(WordProfile profile)
    {
        public readonly WordProfile Profile = profile;
        // Replaced whole when a reading is added, so a reader on another thread sees an old array or a new one.
        public (int Tag, MorphReading Reading, Morph Morph)[] Readings = [];
    }

    private const int AbbreviationId = -1;

    /// <summary>A form has a handful of tags in practice; past this many readings, new ones are not kept.</summary>
    private const int MaxReadings = 16;

    public string Name => "morphology";
    public Layers Requires => Layers.Tokens | Layers.Sentences;
    public Layers Provides => Layers.Morphology;

    public void Process(Document doc, CancellationToken ct = default)
    {
        var memo = _memo.GetAlternateLookup<ReadOnlySpan<char>>();
        var vocabulary = doc.Vocabulary;
        var entries = new List<Entry>();
        var profiles = new List<WordProfile>();
        var tags = new List<int>();
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            entries.Clear();
            profiles.Clear();
            for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                var span = doc.Token(i).Span;
                if (!memo.TryGetValue(span, out var entry))
                {
                    entry = new Entry(_profiler.Profile(span.ToString()));
                    if (_memoCount < MemoCapacity && _memo.TryAdd(entry.Profile.Form, entry)) Interlocked.Increment(ref _memoCount);
                }
                entries.Add(entry);
                profiles.Add(entry.Profile);
            }
            CollectionsMarshal.SetCount(tags, entries.Count);
            var ids = CollectionsMarshal.AsSpan(tags);
            model.TagIds(CollectionsMarshal.AsSpan(profiles), ids);
            for (var i = 0; i < ids.Length; i++)
            {
                ref var token = ref doc.TokenAt(sentence.FirstToken + i);
                // The tokenizer already knows abbreviations and initials (`m.`, `saus.`, `V.`): they are `sutr.`,
                // whatever their letters look like to the tagger (`Saus` is not a verb).
                var id = (token.Flags & (TokenFlags.Abbreviation | TokenFlags.Initial)) != 0 ? AbbreviationId : ids[i];
                var (reading, morph) = ReadingOf(entries[i], id);
                token.Lemma = vocabulary.Intern(reading.Lemma);
                token.Xpos = vocabulary.Intern(reading.Xpos);
                token.Feats = vocabulary.Intern(reading.Feats == "_" ? "" : reading.Feats);
                token.Morph = morph;
                token.Upos = reading.Upos;
            }
        }
    }

    private (MorphReading, Morph) ReadingOf(Entry entry, int id)
    {
        var readings = entry.Readings;
        foreach (var r in readings)
            if (r.Tag == id) return (r.Reading, r.Morph);
        var reading = model.ReadWord(entry.Profile.Form, id == AbbreviationId ? Abbreviation : model.TagName(id), lexicon);
        var morph = Morph.Parse(reading.Feats);
        if (readings.Length < MaxReadings) entry.Readings = [.. readings, (id, reading, morph)];
        return (reading, morph);
    }
}
