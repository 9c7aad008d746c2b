using System.Text;

namespace Kronika.Lithuanian.Morphology;

public sealed partial class Lexicon
{
    /// <summary>
    /// Compiles a Hunspell dictionary (the .aff and .dic of hunspell-lt, in the encoding their SET line names) into a
    /// lexicon. Only what hunspell-lt uses is read: single-character flags, PFX/SFX rules without continuation classes.
    /// </summary>
    public static Lexicon FromHunspell(string affPath, string dicPath)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = ReadEncoding(affPath);
        var rules = new List<AffixRule>();
        var cross = new Dictionary<string, bool>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(affPath, encoding))
        {
            lineNumber++;
            var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 4 || parts[0] is not ("PFX" or "SFX")) continue;
            if (parts[1].Length != 1) throw new FormatException($"{affPath}:{lineNumber}: only single-character flags are supported");
            var key = parts[0] + parts[1];
            if (parts.Length == 4)
            {
                // The header of a rule group: PFX flag cross-product count.
                cross[key] = parts[2] == "Y";
                continue;
            }
            if (parts[3].Contains('/')) throw new FormatException($"{affPath}:{lineNumber}: continuation classes are not supported");
            rules.Add(new AffixRule(rules.Count, parts[0] == "PFX", parts[1][0], cross.GetValueOrDefault(key),
                parts[2] == "0" ? "" : parts[2], parts[3] == "0" ? "" : parts[3], parts[4]));
        }
        var headwords = new List<(string, string)>();
        foreach (var line in File.ReadLines(dicPath, encoding).Skip(1))
        {
            var entry = line.Trim();
            if (entry.Length == 0) continue;
            var slash = entry.IndexOf('/');
            headwords.Add(slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]));
        }
        return new Lexicon(rules, headwords);
    }

    private static Encoding ReadEncoding(string affPath)
    {
        foreach (var line in File.ReadLines(affPath, Encoding.Latin1))
        {
            if (!line.StartsWith("SET ", StringComparison.Ordinal)) continue;
            return line[4..].Trim().ToUpperInvariant() switch
            {
                "UTF-8" => Encoding.UTF8,
                "ISO8859-13" or "ISO-8859-13" => Encoding.GetEncoding(28603),
                var other => Encoding.GetEncoding(other),
            };
        }
        return Encoding.UTF8;
    }
}
