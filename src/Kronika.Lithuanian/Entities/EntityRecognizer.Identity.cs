using Kronika.Core.Model;

namespace Kronika.Lithuanian.Entities;

public sealed partial class EntityRecognizer
{
    /// <summary>One entity of the document and the mentions of it, with the names it has been given so far.</summary>
    internal sealed class Cluster(int index, string type)
    {
        /// <summary>The order in which clusters were opened: where several fit, the earliest wins.</summary>
        public int Index { get; } = index;
        public string Type { get; } = type;
        public KbEntry? Kb { get; set; }
        public List<Mention> Mentions { get; } = [];

        /// <summary>The distinct names seen: the name keys (places, organizations), and for people each surname key with
        /// its given names or initials (null when a mention had none). Mentions repeat; these sets stay small.</summary>
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public HashSet<(string Surname, string? Given)> Names { get; } = [];

        /// <summary>The knowledge base's name, else the fullest name seen (most words, initials last), with a person's
        /// surname as the text wrote it in the nominative where it did (`Edgaru Jankausku` … `E.Jankauskas`: Jankauskas).</summary>
        public string Canonical => Kb?.Canonical ?? WithWrittenSurname(Fullest().Canonical);

        /// <summary>The first mention with the most words and, of those, the fewest initials.</summary>
        private Mention Fullest()
        {
            Mention? best = null;
            int bestWords = 0, bestDots = 0;
            foreach (var m in Mentions)
            {
                int words = 1, dots = 0;
                foreach (var c in m.Canonical)
                    if (c == ' ') words++;
                    else if (c == '.') dots++;
                if (best is null || words > bestWords || words == bestWords && dots < bestDots) (best, bestWords, bestDots) = (m, words, dots);
            }
            return best ?? throw new InvalidOperationException("A cluster has at least one mention.");
        }

        private string WithWrittenSurname(string name)
        {
            if (Type != "PER") return name;
            var surname = name.Split(' ')[^1];
            var written = Mentions.Where(m => m.SurnameAsWritten).Select(m => m.Canonical.Split(' ')[^1])
                .FirstOrDefault(w => NameKey.Word(w) == NameKey.Word(surname));
            return written is null || written == surname ? name : name[..^surname.Length] + written;
        }
    }

    /// <summary>
    /// Gives one id to the mentions of one entity: the same knowledge-base entry, the same name (any case) for places
    /// and organizations, and for people the same surname with a compatible first name or initial (`Vladimiras
    /// Putinas`, `V. Putinas`, `Putinas`). A short mention that fits two people of the text is left alone.
    /// Clusters are found through indexes by entry, name key and surname key, and compared with the distinct names
    /// they hold, so the work grows with the number of mentions, not with its square.
    /// </summary>
    private static void AssignIdentities(Document doc, List<Mention> mentions)
    {
        var ordered = Clusters(mentions).OrderBy(c => c.Mentions.Min(m => m.Start)).ToList();
        var result = new List<EntityMention>();
        for (var id = 0; id < ordered.Count; id++)
        {
            var c = ordered[id];
            var canonical = FormerName(c, doc.Date) ?? c.Canonical;
            foreach (var m in c.Mentions)
                result.Add(new EntityMention(id + 1, m.Start, m.End, c.Type, canonical, c.Kb?.Wikidata));
        }
        doc.Entities.AddRange(result.OrderBy(e => e.Start));
    }

    /// <summary>
    /// The name an organization of the base had when the text was written, if the text uses it: `Lietuvos energija` in
    /// 2008 is Lietuvos energija, not the Ignitis it was renamed in 2019 (the same entity, under the name of its day).
    /// A former name is in force up to the last day, month or year the data gives.
    /// </summary>
    private static string? FormerName(Cluster c, DateOnly? date)
    {
        if (c.Kb is not { FormerNames.Length: > 0 } entry || date is not { } d) return null;
        var day = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, until) in entry.FormerNames)
            if (string.CompareOrdinal(day[..until.Length], until) <= 0 && c.Keys.Contains(NameKey.Of(name))
                && c.Mentions.Any(m => NameKey.Of(m.NameWords) == NameKey.Of(name)))
                return name;
        return null;
    }

    /// <summary>The mentions grouped into entities (see <see cref="AssignIdentities"/>).</summary>
    internal static List<Cluster> Clusters(IEnumerable<Mention> mentions)
    {
        var clusters = new List<Cluster>();
        var byEntry = new Dictionary<KbEntry, Cluster>(ReferenceEqualityComparer.Instance);
        var clusterOf = new Dictionary<Mention, Cluster>(ReferenceEqualityComparer.Instance);
        // (type, name key or surname key) → the clusters holding that name, in the order they were opened.
        var byKey = new Dictionary<(string Type, string Key), List<Cluster>>();

        void Index(Cluster c, string key)
        {
            if (!byKey.TryGetValue((c.Type, key), out var list)) byKey[(c.Type, key)] = list = [];
            if (!list.Contains(c)) list.Add(c);
        }
        void Learn(Cluster c, Mention m)
        {
            if (m.Type == "PER" || c.Type == "PER")
            {
                if (c.Names.Add((m.SurnameKey, m.Given))) Index(c, m.SurnameKey);
            }
            else if (c.Keys.Add(m.Key)) Index(c, m.Key);
        }
        // The clusters found under the mention's key that it names (see Same), without a list of them: the earliest
        // opened of those not linked to the base, or the only one (null when there are two).
        Cluster? EarliestUnlinked(string type, Mention m)
        {
            if (!byKey.TryGetValue((type, type == "PER" ? m.SurnameKey : m.Key), out var list)) return null;
            Cluster? earliest = null;
            foreach (var c in list)
                if (c.Kb is null && (earliest is null || c.Index < earliest.Index) && Same(c, m)) earliest = c;
            return earliest;
        }
        Cluster? OnlyOne(string type, Mention m)
        {
            if (!byKey.TryGetValue((type, type == "PER" ? m.SurnameKey : m.Key), out var list)) return null;
            Cluster? one = null;
            foreach (var c in list)
            {
                if (!Same(c, m)) continue;
                if (one is not null) return null;
                one = c;
            }
            return one;
        }

        // Fuller mentions first, so that short ones find the person they abbreviate.
        // (A mention standing for another, an acronym or a bracketed spelling, comes after the one it stands for.)
        foreach (var original in mentions.OrderBy(m => m.StandsFor is null ? 0 : 1).ThenBy(m => m.Type == "PER" ? -Fullness(m) : 0).ThenBy(m => m.Start))
        {
            var m = original;
            var cluster = m.StandsFor is { } definition && clusterOf.TryGetValue(definition, out var defined) ? defined
                : m.Kb is { } entry
                ? byEntry.GetValueOrDefault(entry) ?? EarliestUnlinked(entry.Type, m)
                : OnlyOne(m.Type, m);
            if (cluster is null)
            {
                cluster = new Cluster(clusters.Count, m.Type);
                clusters.Add(cluster);
            }
            // A person of the base joins the text's person only when the first names the text gave agree with the
            // base's (`Marius Stankevičius` … `M. Stankevičiaus` is not the base's Laurynas Mindaugas Stankevičius).
            if (m.Kb is { Type: "PER" } person && cluster.Kb is null && !Fits(cluster.Names.Select(n => n.Given).Append(m.Given), person)) m = m.Unlinked();
            cluster.Mentions.Add(m);
            clusterOf[original] = cluster;
            Learn(cluster, m);
            if (cluster.Kb is null && m.Kb is { } kb)
            {
                cluster.Kb = kb;
                byEntry.TryAdd(kb, cluster);
                // The base's names and, for a person, its full name join the names the cluster answers to.
                if (cluster.Type == "PER") Learn(cluster, new Mention(0, 0, kb.Type, kb.Canonical, kb, []));
                else foreach (var key in kb.Keys) if (cluster.Keys.Add(key)) Index(cluster, key);
            }
        }
        return clusters;
    }

    /// <summary>Whether every full first name the text gave is one of the base person's.</summary>
    private static bool Fits(IEnumerable<string?> givenInText, KbEntry person)
    {
        var given = person.Aliases.Append(person.Canonical).Select(n => n.Split(' ')).Where(w => w.Length > 1).SelectMany(w => w[..^1]).ToList();
        return givenInText.All(g => g is null || g.EndsWith('.') || given.Any(b => Compatible(g, b)));
    }

    /// <summary>How much of a person's name a mention gives, as the text wrote it: full first names count most,
    /// initials less.</summary>
    private static int Fullness(Mention m)
    {
        var words = m.Kb is { Type: "PER" } && m.NameWords.Length > 0 ? m.NameWords : m.Canonical.Split(' ');
        return words.Length * 2 - words.Count(w => w.EndsWith('.'));
    }

    /// <summary>Whether a mention names the cluster's entity (the cluster was found under the mention's key).</summary>
    private static bool Same(Cluster c, Mention m)
    {
        if (c.Type != "PER") return c.Keys.Contains(m.Key);
        var surname = m.SurnameKey;
        var given = (Known: false, Name: (string?)null); // the mention's given name, made once and only when needed
        foreach (var o in c.Names)
        {
            if (o.Surname != surname) continue;
            if (!given.Known) given = (true, m.Given);
            if (Compatible(given.Name, o.Given)) return true;
        }
        return false;
    }

    /// <summary>Given names: one missing, or the same first letter (an initial) and, when both are full, the same name.</summary>
    private static bool Compatible(string? a, string? b)
    {
        if (a is null || b is null) return true;
        if (char.ToLowerInvariant(a[0]) != char.ToLowerInvariant(b[0])) return false;
        return a.EndsWith('.') || b.EndsWith('.') || NameKey.Word(a) == NameKey.Word(b);
    }
}
