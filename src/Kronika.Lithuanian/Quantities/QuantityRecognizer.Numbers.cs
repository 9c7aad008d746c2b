using Kronika.Core.Model;

namespace Kronika.Lithuanian.Quantities;

public sealed partial class QuantityRecognizer
{
    /// <summary>How the number was written, which decides the checks it needs.</summary>
    private enum Shape : byte
    {
        Digits,
        Words,
        Fraction,
    }

    /// <summary>How a number governs the noun it counts: in the genitive plural (`10 karių`, `tūkstančiai žmonių`), in
    /// the genitive of either number (`2,5 karto`, `pusė biudžeto`, `pusė gyventojų`), or agreeing with it, singular
    /// (`21 karys`) or plural (`trys žmonės`, `trims žmonėms`).</summary>
    private enum Agreement : byte
    {
        GenitivePlural,
        Genitive,
        Singular,
        Plural,
    }

    /// <summary>
    /// A number read from the text: its value (a range's lower bound) and <paramref name="Upper"/> bound, the
    /// approximation its words imply (`tūkstančiai` MORE_THAN, `keli` APPROX), the token after it, how
    /// it governs its noun and the number word whose case an agreeing noun takes (-1 for digits), whether a multiplier
    /// was applied, whether it could be a year, how many words it has, and whether it is a lone `keli` or `keletas`, and whether it names no number at all (`keli šimtai`, `keliasdešimt`).
    /// </summary>
    private readonly record struct Amount(
        decimal Value, decimal Upper, string? Implied, int End, Shape Shape, Agreement Agreement, int CaseOf, bool Multiplied, bool Year, int Words, bool Vague = false, bool Indefinite = false);

    /// <summary>Lithuanian agreement: 1, 21, 101 take a singular noun; 10–20 and whole tens take the genitive plural; the rest agree in the plural.</summary>
    private static Agreement AgreementOf(decimal value)
    {
        if (value % 1 != 0) return Agreement.Genitive;
        var rest = value % 100;
        if (rest % 10 == 0 || rest is >= 11 and <= 19) return Agreement.GenitivePlural;
        return rest % 10 == 1 ? Agreement.Singular : Agreement.Plural;
    }

    // Digits beyond this are not an amount anyone reports; the cap keeps decimal arithmetic from overflowing.
    private const decimal Largest = 1_000_000_000_000_000m;

    private Amount? ReadAmount(in Scope s, int j)
    {
        if (j >= s.End) return null;
        return s.T[j].Kind switch
        {
            TokenKind.Number => Digits(s, j),
            TokenKind.Word => Words(s, j),
            _ => null,
        };
    }

    /// <summary>
    /// `10 000` (the tokenizer marks the groups), `10.000`, `3,5`, `2/3`, a range `5–7` (its lower bound, and its upper),
    /// then a multiplier: `3,5 mln.`, `2 tūkstančiai`, `40 milijonų`.
    /// </summary>
    private Amount? Digits(in Scope s, int j)
    {
        // `07` of `2004 07 28` is part of a date or a code (a thousands group after a number may start with zeros).
        if (s.T[j].Length > 1 && s.Text(j)[0] == '0' && char.IsAsciiDigit(s.Text(j)[1])) return null;
        if (!ParseDigits(s.Text(j), out var value, out var integer)) return null;
        var k = Groups(s, j + 1, ref value, ref integer);
        var year = integer && k == j + 1 && s.T[j].Length == 4 && value is >= 1900 and <= 2100;
        var upper = value;
        string? implied = null;
        // `5–7 proc.`, `4 – 8 vaikų`: a range; the quantity is its lower bound, with its upper. The second number must be the larger,
        // which leaves out `Kaina – 100 €` and scores.
        if (k + 1 < s.End && s.Text(k) is "–" or "-" or "—" && s.Is(k + 1, TokenKind.Number) && s.Joined(k - 1) == s.Joined(k)
            && ParseDigits(s.Text(k + 1), out var second, out var secondInteger) && second > value)
        {
            k = Groups(s, k + 2, ref second, ref secondInteger);
            upper = second;
        }
        var multiplied = false;
        if (upper < Largest && Multiplier(s, k, words: true) is { } m)
        {
            value *= m.Value;
            upper *= m.Value;
            k = m.End;
            multiplied = true;
        }
        var agreement = multiplied ? Agreement.GenitivePlural : AgreementOf(upper);
        return new Amount(value, upper, implied, k, Shape.Digits, agreement, -1, multiplied, year && !multiplied, 0);
    }

    /// <summary>`10 000`: the three-digit groups the tokenizer marked after a number, from token k; the token after them.</summary>
    private static int Groups(in Scope s, int k, ref decimal value, ref bool integer)
    {
        while (k < s.End && (s.T[k].Flags & TokenFlags.NumberGroup) != 0 && integer && value < Largest && ParseDigits(s.Text(k), out var group, out var groupInteger))
        {
            value = value * 1000 + group;
            integer = groupInteger;
            k++;
        }
        return k;
    }

    /// <summary>
    /// Digits with an optional decimal comma (`3,5`) and optional dot thousand groups (`10.000`, `1.000.000`), or a
    /// fraction `2/3`. Anything else (`15-asis`, `2024-08-13`, `15.30`, `85:80`) is not an amount.
    /// </summary>
    private static bool ParseDigits(ReadOnlySpan<char> t, out decimal value, out bool integer)
    {
        value = 0;
        integer = true;
        if (t.IsEmpty || t.Length > 19) return false;
        var slash = t.IndexOf('/');
        if (slash > 0)
        {
            if (!ParseDigits(t[..slash], out var numerator, out var i1) || !ParseDigits(t[(slash + 1)..], out var denominator, out var i2)
                || !i1 || !i2 || denominator is < 2 or > 100 || numerator >= denominator) return false;
            value = numerator / denominator;
            integer = false;
            return true;
        }
        var comma = t.IndexOf(',');
        var whole = comma < 0 ? t : t[..comma];
        // Before the first dot one to three digits, after it groups of exactly three.
        var dot = whole.IndexOf('.');
        if (dot >= 0 && (dot is 0 or > 3 || !ThreeDigitGroups(whole[(dot + 1)..]))) return false;
        foreach (var c in whole)
        {
            if (c == '.') continue;
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        if (whole.IsEmpty) return false;
        if (comma < 0) return true;
        var fraction = t[(comma + 1)..];
        if (fraction.IsEmpty) return false;
        var scale = 1m;
        foreach (var c in fraction)
        {
            if (!char.IsAsciiDigit(c)) return false;
            scale /= 10;
            value += (c - '0') * scale;
        }
        integer = false;
        return true;
    }

    private static bool ThreeDigitGroups(ReadOnlySpan<char> rest)
    {
        while (true)
        {
            var dot = rest.IndexOf('.');
            if ((dot < 0 ? rest.Length : dot) != 3) return false;
            if (dot < 0) return true;
            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>`tūkst.`, `mln.`, `mlrd.` after a number; with <paramref name="words"/> also `tūkstančiai`, `milijonų`, `šimtai`.</summary>
    private (decimal Value, int End)? Multiplier(in Scope s, int k, bool words)
    {
        if (k >= s.End) return null;
        if (_multipliers.TryGetValue(s.Text(k), out var phrases) && LongestMatch(s, k, phrases, StringComparison.Ordinal) is { } m)
            return (decimal.Parse(m.Phrase.Value, System.Globalization.CultureInfo.InvariantCulture), m.End);
        if (words && _numbers.TryGetValue(s.Text(k), out var e) && e.Kind is Kind.Card or Kind.Many && e.Value >= 100)
            return (e.Value, k + 1);
        return null;
    }

    /// <summary>
    /// Number words: compounds read the way they are said (`šimtas dvidešimt penki` 125, `du tūkstančiai trys šimtai`
    /// 2300, `dvidešimt vienas tūkstantis` 21000); a plural multiplier first is an indefinite amount (`tūkstančiai`
    /// 1000 MORE_THAN, `šimtai tūkstančių` 100000 MORE_THAN, `dešimtys`); `keli`, `keletas`, `keliasdešimt` are APPROX
    /// and multiply what follows (`keli šimtai` 300); fractions are parts (`pusė`, `du trečdaliai`, `pusė milijono`).
    /// A word that cannot continue the number ends it (`du trys` is two numbers).
    /// </summary>
    private Amount? Words(in Scope s, int j)
    {
        decimal total = 0, current = 0, lastBig = decimal.MaxValue;
        string? implied = null;
        var vague = false;
        var k = j;
        var count = 0;
        for (; k < s.End && s.T[k].Kind == TokenKind.Word && _numbers.TryGetValue(s.Text(k), out var e); k++, count++)
        {
            if (e.Kind == Kind.Fraction)
            {
                // `du trečdaliai`: a small number of parts; nothing else before a fraction.
                if (total != 0 || current >= 10 || vague || implied is not null) break;
                var part = (current == 0 ? 1 : current) * e.Value;
                var multiplied = false;
                if (Multiplier(s, k + 1, words: true) is { Value: >= 1000 } m)
                {
                    part *= m.Value;
                    k = m.End - 1;
                    multiplied = true;
                }
                return new Amount(part, part, null, k + 1, Shape.Fraction, Agreement.Genitive, -1, multiplied, false, count + 1);
            }
            if (e.Kind == Kind.Some)
            {
                // `keli` is also a form of `kelias` 'road' (`kelių policija`): the tagger decides.
                if (count > 0 || s.T[k].Upos == Upos.NOUN || s.Lemma(k) == "kelias") break;
                current = e.Value;
                implied = "APPROX";
                vague = true;
            }
            else if (e.Value >= 1000)
            {
                if (e.Value >= lastBig) break;
                if (count == 0 && e.Kind == Kind.Many) implied = "MORE_THAN";
                total += (current == 0 ? 1 : current) * e.Value;
                if (total >= Largest) break;
                current = 0;
                lastBig = e.Value;
            }
            else if (e.Value == 100 || e.Kind == Kind.Many && count > 0)
            {
                // `šimtas`, `du šimtai`, `trys dešimtys`: a hundred or ten counted by a unit before it.
                if (count == 0)
                {
                    current = 100;
                    if (e.Kind == Kind.Many) implied = "MORE_THAN";
                }
                else if (current is >= 1 and < 10 && current % 1 == 0) current *= e.Value;
                else break;
            }
            else if (count == 0)
            {
                current = e.Value;
                if (e.Kind == Kind.Many) implied = "MORE_THAN"; // `dešimtys`
            }
            else
            {
                // After an indefinite word only a multiplier may follow (`keli šimtai`, not `keli du`); below a hundred
                // the tens come before the units (`dvidešimt penki`).
                var rest = current % 100;
                var fits = !vague && implied is null && e.Kind == Kind.Card
                    && (rest == 0 || e.Value < 10 && rest >= 20 && rest % 10 == 0);
                if (!fits) break;
                current += e.Value;
            }
        }
        if (count == 0) return null;
        var value = total + current;
        var last = k - 1;
        var multipliedByAbbreviation = false;
        if (Multiplier(s, k, words: false) is { } abbreviation && value < Largest)
        {
            value *= abbreviation.Value;
            k = abbreviation.End;
            multipliedByAbbreviation = true;
        }
        // `keletas` governs the genitive (`keletas žmonių`); `keli` agrees (`keli žmonės`).
        var agreement = multipliedByAbbreviation || s.Text(j).StartsWith("kelet", StringComparison.OrdinalIgnoreCase) ? Agreement.GenitivePlural : AgreementOf(value);
        return new Amount(value, value, implied, k, Shape.Words, agreement, last, multipliedByAbbreviation, false, count, vague && count == 1 && value == 3, vague);
    }
}
