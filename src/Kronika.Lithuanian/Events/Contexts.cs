using System.Collections.Frozen;

namespace Kronika.Lithuanian.Events;

/// <summary>
/// What is not a PLOVER event (Data/contexts.tsv): domains (sport, accidents, fires, weather, markets), the words that
/// mark a paragraph as being of one, and the event types each cancels; and the news outlets that report but never act
/// (Data/outlets.txt).
/// </summary>
public sealed class Contexts
{
    public const string Resource = "Events/Data/contexts.tsv";
    public const string OutletsResource = "Events/Data/outlets.txt";
    public const string GovernorsResource = "Events/Data/governors.tsv";

    /// <summary>An article with this many cues of a domain that counts article-wide (sport) is of that domain throughout.</summary>
    public const int ArticleCues = 3;

    private readonly FrozenDictionary<string, string> _domainOf;
    private readonly FrozenDictionary<string, FrozenSet<string>> _blocks;

    public Contexts(IEnumerable<string> lines, IEnumerable<string> outlets, IEnumerable<string>? governors = null)
    {
        var governorKinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in governors ?? [])
        {
            var parts = line.Split('\t');
            if (parts.Length != 2 || parts[1] is not ("ask" or "plan" or "able")) throw new FormatException($"{GovernorsResource}: bad line '{line}'");
            governorKinds[parts[0]] = parts[1];
        }
        _governors = governorKinds.ToFrozenDictionary(StringComparer.Ordinal);
        var domainOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var blocks = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new FormatException($"{Resource}: bad line '{line}'");
            switch (parts[1])
            {
                case "cue": domainOf[parts[2]] = parts[0]; break;
                case "blocks": blocks[parts[0]] = parts[2].Split('|').ToFrozenSet(StringComparer.Ordinal); break;
                default: throw new FormatException($"{Resource}: unknown kind in '{line}'");
            }
        }
        foreach (var domain in domainOf.Values)
            if (!blocks.ContainsKey(domain)) throw new FormatException($"{Resource}: domain '{domain}' has cues but no blocks line");
        _domainOf = domainOf.ToFrozenDictionary(StringComparer.Ordinal);
        _blocks = blocks.ToFrozenDictionary(StringComparer.Ordinal);
        Outlets = outlets.ToFrozenSet(StringComparer.Ordinal);
    }

    public static Contexts Load() => new(Resources.Lines(Resource), Resources.Lines(OutletsResource), Resources.Lines(GovernorsResource));

    private readonly FrozenDictionary<string, string> _governors;

    /// <summary>What a word an infinitive hangs on says of it (Data/governors.tsv): ask, plan, able, or null.</summary>
    public string? GovernorKind(string lemma) => _governors.GetValueOrDefault(lemma);

    /// <summary>Canonical names of news outlets and agencies.</summary>
    public FrozenSet<string> Outlets { get; }

    /// <summary>The domain a lemma is a cue of, or null.</summary>
    public string? DomainOf(string lemma) => _domainOf.GetValueOrDefault(lemma);

    /// <summary>Whether a domain cancels an event of a type (TYPE- only without an actor, TYPE? only without a target).</summary>
    public bool Blocks(string domain, string type, bool hasActor, bool hasTarget = true) =>
        _blocks.TryGetValue(domain, out var types)
        && (types.Contains(type) || (!hasActor && types.Contains(type + "-")) || (!hasTarget && types.Contains(type + "?")));

    /// <summary>Whether a domain counts article-wide once it has <see cref="ArticleCues"/> cues (sport reports run over paragraphs).</summary>
    public static bool ArticleWide(string domain) => domain == "sport";
}
