using System.Collections.Frozen;

namespace Kronika.Lithuanian.Attribution;

/// <summary>How a source marker finds its noun phrase (Attribution/Data/source-markers.txt).</summary>
public enum SourceMarker : byte
{
    /// <summary>The source follows in the genitive: `pasak Seulo`, `anot Kremliaus`.</summary>
    Before,
    /// <summary>The source follows in any case: `remiantis Reuters`, `remiantis žvalgybos duomenimis`.</summary>
    BeforeAny,
    /// <summary>The source precedes in the genitive: `Seulo duomenimis`, `ministro teigimu`.</summary>
    After,
    /// <summary>As <see cref="After"/>, or after an instrumental adjective with no source (`oficialiais duomenimis`).</summary>
    AfterOrAdjective,
}

/// <summary>What kind of reporting verb a lemma is (Attribution/Data/reporting-verbs.txt).</summary>
public enum VerbKind : byte
{
    /// <summary>A verb of saying (`sakyti`, `teigti`): a channel beside it is the one told (`BNS sakė X`).</summary>
    Speech,
    /// <summary>A verb of thinking (`manyti`): it attributes a claim but quotes nobody.</summary>
    Opinion,
    /// <summary>A verb of publishing (`pranešti`, `skelbti`): its subject may be a channel (`pranešė BNS`).</summary>
    Publish,
}

/// <summary>
/// The word lists of Attribution/Data: reporting verbs by lemma (with the verbs of thinking marked), source markers
/// and hedges by form. Forms are matched case-insensitively and without allocating, through span lookups.
/// </summary>
public sealed class AttributionWords
{
    private readonly FrozenDictionary<string, VerbKind>.AlternateLookup<ReadOnlySpan<char>> _verbs;
    private readonly FrozenDictionary<string, SourceMarker>.AlternateLookup<ReadOnlySpan<char>> _markers;
    private readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _hedges;

    private readonly FrozenSet<string> _channels;
    private readonly FrozenSet<string> _nameTriggers;

    public AttributionWords(IEnumerable<string> verbs, IEnumerable<string> markers, IEnumerable<string> hedges, IEnumerable<string> channels, IEnumerable<string> nameTriggers)
    {
        _nameTriggers = nameTriggers.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _channels = channels.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _verbs = Columns(verbs, "reporting-verbs", 2)
            .ToFrozenDictionary(p => p[0], p => p.Length == 1 ? VerbKind.Speech : p[1] switch
            {
                "opinion" => VerbKind.Opinion,
                "publish" => VerbKind.Publish,
                _ => throw new FormatException($"reporting-verbs: bad kind '{p[1]}'"),
            }, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _markers = Columns(markers, "source-markers", 2)
            .ToFrozenDictionary(p => p[0], p => p.Length < 2 ? throw new FormatException($"source-markers: '{p[0]}' has no kind") : p[1] switch
            {
                "before" => SourceMarker.Before,
                "before-any" => SourceMarker.BeforeAny,
                "after" => SourceMarker.After,
                "after-ins" => SourceMarker.AfterOrAdjective,
                _ => throw new FormatException($"source-markers: bad kind '{p[1]}'"),
            }, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _hedges = Columns(hedges, "hedges", 2)
            .ToFrozenDictionary(p => p[0], p => p.Length > 1 && p[1] == "adjective" ? true
                : p.Length == 1 ? false : throw new FormatException($"hedges: bad kind '{p[1]}'"), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static AttributionWords Load() => new(
        Resources.Lines("Attribution/Data/reporting-verbs.txt"),
        Resources.Lines("Attribution/Data/source-markers.txt"),
        Resources.Lines("Attribution/Data/hedges.txt"),
        Resources.Lines("References/Data/channels.txt"),
        Resources.Lines("Attribution/Data/name-triggers.txt"));

    private static IEnumerable<string[]> Columns(IEnumerable<string> lines, string file, int max) =>
        lines.Select(l => l.Split('\t') is { Length: > 0 } p && p.Length <= max ? p : throw new FormatException($"{file}: bad line '{l}'"));

    /// <summary>
    /// Whether a verb lemma reports speech or thought, and how (<paramref name="kind"/>). A negated lemma
    /// (`nepatvirtinti`, `nebeneigti`) is looked up without its prefix.
    /// </summary>
    public bool IsReportingVerb(ReadOnlySpan<char> lemma, out VerbKind kind)
    {
        if (_verbs.TryGetValue(lemma, out kind)) return true;
        if (lemma.StartsWith("nebe") && _verbs.TryGetValue(lemma[4..], out kind)) return true;
        return lemma.StartsWith("ne") && _verbs.TryGetValue(lemma[2..], out kind);
    }

    /// <summary>Whether a lemma names a kind of named thing (`uab`, `partija`, `filmas`): a quote after it is a name.</summary>
    public bool IsNameTrigger(string lemma) => _nameTriggers.Contains(lemma);

    /// <summary>Whether a name is a news agency, broadcaster or portal (References/Data/channels.txt).</summary>
    public bool IsChannel(string name) => _channels.Contains(name);

    /// <summary>Whether a form names a source beside it (`pasak`, `duomenimis`), and how.</summary>
    public bool IsSourceMarker(ReadOnlySpan<char> form, out SourceMarker kind) => _markers.TryGetValue(form, out kind);

    /// <summary>Whether a form is a hedge; <paramref name="mayBeAdjective"/> for participles that are also adjectives (`teigiama`).</summary>
    public bool IsHedge(ReadOnlySpan<char> form, out bool mayBeAdjective) => _hedges.TryGetValue(form, out mayBeAdjective);
}
