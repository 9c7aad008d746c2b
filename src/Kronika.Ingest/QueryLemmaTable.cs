using Kronika.Lithuanian;
using Kronika.Lithuanian.Entities;
using Kronika.Lithuanian.Morphology;

namespace Kronika.Ingest;

/// <summary>
/// Makes the table of query words' lemmas (<see cref="QueryLemmas"/>) from the shipped models: the words are the forms
/// the tagger saw in training, the lexicon's headwords (dictionary forms), and the names of the knowledge base and of the
/// first-name list, each as written and in
/// lowercase, names also in their singular cases (Morphology/Data/name-cases.tsv); each is looked up as
/// <see cref="SearchLemmas"/> looks up a query word, with the tagger and the lexicon.
/// </summary>
public static class QueryLemmaTable
{
    /// <summary>The words of the table, each once.</summary>
    public static IReadOnlyList<string> Words()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Add(string word)
        {
            word = word.Trim();
            if (word.Length == 0 || word.Length > 60 || !word.Any(char.IsLetterOrDigit) || word.Any(c => c is '\t' or '\n' or '\r' or '"' or '(' or ')' or '*')) return;
            words.Add(word);
            words.Add(word.ToLowerInvariant());
        }
        foreach (var key in LithuanianPipeline.LoadMorphology().Lemmatizer.Seen) Add(key.Key[..key.Key.IndexOf('\t')]);
        foreach (var headword in LithuanianPipeline.LoadLexicon().HeadwordTexts) Add(headword);
        var cases = Resources.Lines("Morphology/Data/name-cases.tsv").Select(l => l.Split('\t'))
            .Select(p => (Ending: p[0], Forms: p[1].Split(' ')))
            .OrderByDescending(c => c.Ending.Length).ToList();
        void AddName(string name)
        {
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1) Add(string.Join(' ', parts));
            foreach (var part in parts)
            {
                Add(part);
                if (part.Length < 3 || !char.IsUpper(part[0])) continue;
                foreach (var (ending, forms) in cases)
                {
                    if (!part.EndsWith(ending, StringComparison.Ordinal)) continue;
                    foreach (var form in forms) Add(part[..^ending.Length] + form);
                    break;
                }
            }
        }
        foreach (var entry in KnowledgeBase.LoadTeam().Entries)
            foreach (var name in entry.Aliases.Append(entry.Canonical)) AddName(name);
        foreach (var line in Resources.Lines("Entities/Data/first-names.txt")) AddName(line.Split('\t')[0]);
        return [.. words.Order(StringComparer.Ordinal)];
    }

    /// <summary>The table's text for <paramref name="words"/>, headed by the sha256 of the models it was made with.</summary>
    public static string Build(IEnumerable<string> words, TextWriter? progress = null)
    {
        var lemmas = new SearchLemmas();
        var entries = new List<QueryLemmas.Entry>();
        foreach (var word in words)
        {
            entries.Add(new QueryLemmas.Entry(word, lemmas.Tagged(word), word.Contains(' ') ? [] : lemmas.LexiconAlternatives(word)));
            if (entries.Count % 20_000 == 0) progress?.WriteLine($"progress: {entries.Count:N0} words");
        }
        return QueryLemmas.Write(Header(), entries);
    }

    /// <summary>Which models a table is made with: the sha256 of the morphology model and of the lexicon (Models/manifest.json).</summary>
    public static string Header()
    {
        var manifest = ModelManifest.ReadEmbedded();
        string Hash(string resource) => manifest.Single(m => "Models/" + m.File == resource).Sha256;
        return $"morphology={Hash(LithuanianPipeline.MorphologyResource)} lexicon={Hash(LithuanianPipeline.LexiconResource)}";
    }
}
