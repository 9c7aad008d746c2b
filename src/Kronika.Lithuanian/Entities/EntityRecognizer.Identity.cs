using Kronika.Core.Model;

namespace Kronika.Lithuanian.Entities;

public sealed partial class EntityRecognizer
{
    /// <summary>One entity of the document and the mentions of it.</summary>
    private sealed class Cluster(string type)
    {
        public string Type { get; } = type;
        public KbEntry? Kb
        {
            get;
            set
            {
                field = value;
                KbMention = value is null ? null : new Mention(0, 0, value.Type, value.Canonical, value, []);
            }
        }

        /// <summary>The knowledge base's name as a mention, to compare short mentions with.</summary>
        public Mention? KbMention { get; private set; }
        public List<Mention> Mentions { get; } = [];

        /// <summary>The knowledge base's name, else the fullest name seen (most words, initials last).</summary>
        public string Canonical => Kb?.Canonical ?? Mentions
            .OrderByDescending(m => m.Canonical.Split(' ').Length)
            .ThenBy(m => m.Canonical.Count(c => c == '.'))
            .First().Canonical;
    }

    /// <summary>
    /// Gives one id to the mentions of one entity: the same knowledge-base entry, the same name (any case) for places
    /// and organizations, and for people the same surname with a compatible first name or initial (`Vladimiras
    /// Putinas`, `V. Putinas`, `Putinas`). A short mention that fits two people of the text is left alone.
    /// </summary>
    private static void AssignIdentities(Document doc, List<Mention> mentions)
    {
        var clusters = new List<Cluster>();
        // Fuller mentions first, so that short ones find the person they abbreviate.
        foreach (var m in mentions.OrderBy(m => m.Type == "PER" ? -Fullness(m) : 0).ThenBy(m => m.Start))
        {
            var cluster = m.Kb is { } entry
                ? clusters.FirstOrDefault(c => c.Kb == entry) ?? clusters.FirstOrDefault(c => c.Kb is null && c.Type == entry.Type && Same(c, m))
                : clusters.Where(c => c.Type == m.Type && Same(c, m)).ToList() is { Count: 1 } one ? one[0] : null;
            if (cluster is null)
            {
                cluster = new Cluster(m.Type);
                clusters.Add(cluster);
            }
            cluster.Mentions.Add(m);
            cluster.Kb ??= m.Kb;
        }
        var ordered = clusters.OrderBy(c => c.Mentions.Min(m => m.Start)).ToList();
        var result = new List<EntityMention>();
        for (var id = 0; id < ordered.Count; id++)
        {
            var c = ordered[id];
            var canonical = c.Canonical;
            foreach (var m in c.Mentions)
                result.Add(new EntityMention(id + 1, m.Start, m.End, c.Type, canonical, c.Kb?.Wikidata));
        }
        doc.Entities.AddRange(result.OrderBy(e => e.Start));
    }

    /// <summary>How much of a person's name a mention gives: full first names count most, initials less.</summary>
    private static int Fullness(Mention m)
    {
        var words = m.Canonical.Split(' ');
        return words.Length * 2 - words.Count(w => w.EndsWith('.'));
    }

    /// <summary>Whether a mention names the cluster's entity.</summary>
    private static bool Same(Cluster c, Mention m)
    {
        if (m.Type != "PER")
            return c.Mentions.Any(o => o.Key == m.Key) || c.Kb is { } kb && kb.Keys.Contains(m.Key);
        var candidates = c.KbMention is { } known ? c.Mentions.Append(known) : c.Mentions;
        return candidates.Any(o =>
        {
            if (o.SurnameKey != m.SurnameKey) return false;
            // Given names: one missing, or the same first letter (an initial) and, when both are full, the same name.
            var (a, b) = (m.Given, o.Given);
            if (a is null || b is null) return true;
            if (char.ToLowerInvariant(a[0]) != char.ToLowerInvariant(b[0])) return false;
            return a.EndsWith('.') || b.EndsWith('.') || NameKey.Word(a) == NameKey.Word(b);
        });
    }
}
