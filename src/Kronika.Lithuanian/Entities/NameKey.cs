namespace Kronika.Lithuanian.Entities;

/// <summary>
/// A key under which every case of a name falls together: each word lowercased and stripped of its inflectional
/// ending (`Jungtinėse Amerikos Valstijose` and `Jungtinės Amerikos Valstijos` → `jungtin amerik valstij`,
/// `Vilniuje`, `Vilniaus`, `Vilnius` → `viln`). Used to look names up in the knowledge base and to tell mentions of
/// one entity apart from others; not a linguistic stem.
/// </summary>
public static class NameKey
{
    // Longest first. Noun, adjective and name endings of all cases and both numbers.
    private static readonly string[] Endings = new[]
    {
        // Definite adjectives (Baltieji rūmai, Aukščiausiajame Teisme, Didžiosios Britanijos).
        "iuosiuose", "uosiuose", "iesiems", "iosiose", "iosioms", "iosiomis", "osiose", "osioms", "osiomis", "iuosius",
        "uosius", "aisiais", "iosios", "osios", "iajame", "ajame", "iojoje", "ojoje", "iajam", "ajam", "iajai", "ajai",
        "iuoju", "uoju", "iojo", "ojo", "ioji", "oji", "iąją", "ąją", "iąja", "ąja", "iąjį", "ąjį", "ieji", "asis", "ysis",
        "usis", "iasis", "ųjų", "ąsias",
        // Nouns, adjectives and names of all cases and both numbers.
        "iuose", "iausiu", "iumi", "iams", "umi", "imi", "iais", "iuje", "iaus", "iose", "ioms", "iomis", "ėmis", "omis",
        "uose", "iems", "ioje", "imis", "aus", "ies", "ims", "yse", "ias", "ios", "yje", "uje", "ėje", "oje", "ose", "ėse", "ams", "oms", "ėms", "ais", "iai", "ius",
        "ių", "iui", "iu", "io", "ės", "es", "as", "is", "ys", "us", "ui", "ai", "os", "ą", "ę", "į", "ų", "ū", "a", "e",
        "ė", "i", "o", "u", "y",
    }.OrderByDescending(e => e.Length).ToArray();

    // Endings by their last letter, longest first: a word is tried only against the endings it can have.
    private static readonly Dictionary<char, string[]> EndingsByLast = Endings
        .GroupBy(e => e[^1])
        .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The key of a name's words. Dashes, commas and quotes inside a name join its words and are left out, so
    /// `Tėvynės sąjunga – Lietuvos krikščionys demokratai`, `Tėvynės sąjunga-Lietuvos krikščionys demokratai` and
    /// `Demokratų sąjunga „Vardan Lietuvos“` are found however the text punctuates them.</summary>
    public static string Of(IEnumerable<string> words) =>
        string.Join(' ', words.Select(w => w.Trim(Quotes)).Where(w => w.Length > 0 && !IsJoiner(w)).Select(Word));

    public static string Of(string name) => Of(name.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static readonly char[] Quotes = ['„', '“', '”', '"', '«', '»', ','];

    /// <summary>Punctuation that joins the words of one name: a dash, a comma, a quotation mark.</summary>
    public static bool IsJoiner(string? token) => token is "-" or "–" or "—" or "," or "„" or "“" or "”" or "\"" or "«" or "»";

    private static bool IsLower(string word)
    {
        foreach (var c in word)
            if (char.IsUpper(c)) return false;
        return true;
    }

    private static bool HasLower(string word)
    {
        foreach (var c in word)
            if (char.IsLower(c)) return true;
        return false;
    }

    /// <summary>`dž` and `č` before an ending alternate with `d` and `t` (`Sąjūdis`, `Sąjūdžio`): the key keeps `d`, `t`.</summary>
    private static string Alternation(string stem) =>
        stem.EndsWith("dž", StringComparison.Ordinal) ? stem[..^2] + "d" : stem.EndsWith('č') ? stem[..^1] + "t" : stem;

    /// <summary>One word's key: lowercase, without its ending; initials keep their period (`v.`).</summary>
    public static string Word(string word)
    {
        // A hyphenated word is keyed part by part (`akcijos-Krikščioniškų` as `akcijos – Krikščioniškų`).
        var hyphen = word.IndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1 && !word.EndsWith('.'))
            return string.Join(' ', word.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(Word));
        var lower = IsLower(word) ? word : word.ToLowerInvariant();
        // Initials, very short words and acronyms (`NATO`, `JAV`) do not decline.
        if (lower.EndsWith('.') || lower.Length <= 2 || word.Length > 1 && !HasLower(word)) return lower;
        if (EndingsByLast.TryGetValue(lower[^1], out var endings))
            foreach (var ending in endings)
                if (lower.Length - ending.Length >= 2 && lower.EndsWith(ending, StringComparison.Ordinal))
                    return Alternation(lower[..^ending.Length]);
        return Alternation(lower);
    }
}
