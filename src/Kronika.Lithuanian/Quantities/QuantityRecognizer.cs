using System.Collections.Frozen;
using System.Globalization;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;

namespace Kronika.Lithuanian.Quantities;

/// <summary>
/// Finds the numbers a text reports with what they count (docs/events.md, Quantities): digits (`10 000`, `3,5`),
/// number words in every case (`šimtas dvidešimt penki`, `trims`), multipliers (`3,5 mln.`, `du milijonai`),
/// indefinite amounts (`tūkstančiai`, `keli šimtai`), fractions (`pusė gyventojų`); the unit is a symbol or
/// abbreviation (`proc.`, `€`, `kv. km`) or the lemma of the counted noun after a genitive chain (`10 000 Šiaurės
/// Korėjos karių` → `karys`); approximation words before the number set <see cref="Quantity.Approx"/>. Numbers in a
/// time expression, ordinals, ages, durations and labels (`Nr. 5`, `5 straipsnio`) are left out.
/// Each sentence is scanned left to right; at a token that can open a quantity the parts are read in order
/// (approximation, number, multiplier, unit or counted noun) and the quantity takes its tokens.
/// </summary>
public sealed partial class QuantityRecognizer : IPipelineStep
{
    public string Name => "quantities";
    public Layers Requires => Layers.Tokens | Layers.Sentences | Layers.Morphology | Layers.Times;
    public Layers Provides => Layers.Quantities;

    public const string DataResource = "Quantities/Data/quantity-words.txt";

    /// <summary>How a number word counts: exactly, as an indefinite plural (`tūkstančiai`), vaguely (`keli`), or as a part.</summary>
    private enum Kind : byte
    {
        Card,
        Many,
        Some,
        Fraction,
    }

    private readonly record struct NumberEntry(decimal Value, Kind Kind);

    /// <summary>One or more tokens (`daugiau nei`, `kv. km`); a token written with a final period may take its period.</summary>
    private sealed record Phrase(string[] Tokens, bool[] Period, string Value)
    {
        public static Phrase Parse(string form, string value)
        {
            var tokens = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var period = new bool[tokens.Length];
            for (var n = 0; n < tokens.Length; n++)
                if (tokens[n].Length > 1 && tokens[n][^1] == '.')
                {
                    tokens[n] = tokens[n][..^1];
                    period[n] = true;
                }
            return new Phrase(tokens, period, value);
        }
    }

    // Number words and approximations are compared ignoring case (`Keli šimtai`, `Apie 600`); units keep their case
    // (`t` is a tonne, `MW` a megawatt). Lookups take the token's characters, so nothing is allocated per token.
    private readonly FrozenDictionary<string, NumberEntry>.AlternateLookup<ReadOnlySpan<char>> _numbers;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _approximations;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _units;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _multipliers;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lemmas;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _identifiers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _durations;
    private readonly FrozenSet<string> _measureAdjectives;
    private readonly FrozenSet<string> _changeVerbs;
    private readonly FrozenDictionary<string, int> _signs;

    public QuantityRecognizer(NumberWords numberWords, IEnumerable<string> lines)
    {
        var numbers = new Dictionary<string, NumberEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (form, word) in numberWords.Words)
        {
            NumberEntry? entry = word.Kind switch
            {
                "card" or "coll" => new NumberEntry((decimal)word.Value!.Value, Kind.Card),
                "hundreds" or "thousands" or "millions" or "billions" => new NumberEntry((decimal)word.Value!.Value, Kind.Many),
                "some" => new NumberEntry(3, Kind.Some),
                "half" => new NumberEntry(0.5m, Kind.Fraction),
                _ => null,
            };
            if (entry is { } e) numbers[form] = e;
        }
        List<Phrase> approximations = [], units = [], multipliers = [];
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        var lemmas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var identifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var durations = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var measureAdjectives = new HashSet<string>(StringComparer.Ordinal);
        var changeVerbs = new HashSet<string>(StringComparer.Ordinal);
        var signs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            if (parts.Length != 3) throw new FormatException($"quantity-words: bad line '{line}'");
            var (form, category, value) = (parts[0], parts[1], parts[2]);
            switch (category)
            {
                case "card": numbers[form] = new NumberEntry(ParseValue(value), Kind.Card); break;
                case "many": numbers[form] = new NumberEntry(ParseValue(value), Kind.Many); break;
                case "some": numbers[form] = new NumberEntry(ParseValue(value), Kind.Some); break;
                case "fraction": numbers[form] = new NumberEntry(ParseValue(value), Kind.Fraction); break;
                case "none": numbers.Remove(form); break;
                case "approx": approximations.Add(Phrase.Parse(form, value)); break;
                case "unit": units.Add(Phrase.Parse(form, value)); break;
                case "multiplier": multipliers.Add(Phrase.Parse(form, value)); break;
                case "prefix": prefixes[form] = value; break;
                case "lemma": lemmas[form] = value; break;
                case "identifier": identifiers.Add(form); break;
                case "duration": durations.Add(form); break;
                case "measure-adjective": measureAdjectives.Add(form); break;
                case "change-verb": changeVerbs.Add(form); break;
                case "sign": signs[form] = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: throw new FormatException($"quantity-words: unknown category in '{line}'");
            }
        }
        _numbers = numbers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _approximations = ByFirstToken(approximations, StringComparer.OrdinalIgnoreCase);
        _units = ByFirstToken(units, StringComparer.Ordinal);
        _multipliers = ByFirstToken(multipliers, StringComparer.Ordinal);
        _prefixes = prefixes.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _lemmas = lemmas.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _identifiers = identifiers.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _durations = durations.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _measureAdjectives = measureAdjectives.ToFrozenSet(StringComparer.Ordinal);
        _changeVerbs = changeVerbs.ToFrozenSet(StringComparer.Ordinal);
        _signs = signs.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static QuantityRecognizer Load() => new(NumberWords.Load(), Resources.Lines(DataResource));

    private static FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> ByFirstToken(List<Phrase> phrases, StringComparer comparer) =>
        phrases.GroupBy(p => p.Tokens[0], comparer)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tokens.Length).ToArray(), comparer)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>`1000`, `0.5`, or a fraction `1/3` (computed in decimal, so 1/3 is as close as a double holds).</summary>
    private static decimal ParseValue(string value)
    {
        var slash = value.IndexOf('/');
        return slash < 0
            ? decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : decimal.Parse(value[..slash], CultureInfo.InvariantCulture) / decimal.Parse(value[(slash + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>One sentence's tokens and the time expressions the scan has reached.</summary>
    private ref struct Scope
    {
        public readonly Document Doc;
        public readonly ReadOnlySpan<TokenData> T;
        public readonly int First;
        public readonly int End;
        private readonly List<TimeExpression> _times;

        /// <summary>The first time expression ending after the token being scanned.</summary>
        public int TimeIndex;

        public Scope(Document doc, SentenceData sentence)
        {
            Doc = doc;
            T = doc.TokenTable;
            First = sentence.FirstToken;
            End = sentence.FirstToken + sentence.TokenCount;
            _times = doc.Times;
        }

        public readonly ReadOnlySpan<char> Text(int i) => Doc.Text.AsSpan(T[i].Start, T[i].Length);
        public readonly string? Lemma(int i) => Doc.Vocabulary[T[i].Lemma];
        public readonly Upos Pos(int i) => i >= First && i < End ? T[i].Upos : Upos.None;
        public readonly Morph Morph(int i) => T[i].Morph;
        public readonly bool Is(int i, TokenKind kind) => i >= First && i < End && T[i].Kind == kind;

        /// <summary>Token i is followed by token i + 1 with nothing between them (`3` `%`, `km` `²`, `mln` `.`).</summary>
        public readonly bool Joined(int i) => i + 1 < End && T[i].End == T[i + 1].Start;

        /// <summary>An all-capitals abbreviation standing for a name (`JAV`, `ES`), which may sit in a genitive chain.</summary>
        public readonly bool IsCapitals(int i)
        {
            if (i >= End || T[i].Kind != TokenKind.Word || T[i].Length < 2) return false;
            foreach (var c in Text(i))
                if (!char.IsUpper(c)) return false;
            return true;
        }

        /// <summary>Whether the characters [start, end) overlap a time expression (they never start before the scan).</summary>
        public readonly bool InTime(int start, int end)
        {
            for (var t = TimeIndex; t < _times.Count && _times[t].Start < end; t++)
                if (_times[t].End > start) return true;
            return false;
        }

        public void SkipTimesBefore(int position)
        {
            while (TimeIndex < _times.Count && _times[TimeIndex].End <= position) TimeIndex++;
        }
    }

    /// <summary>A quantity found at a token, and the token after it.</summary>
    private readonly record struct Found(Quantity Quantity, int Next);

    public void Process(Document doc, CancellationToken ct = default)
    {
        var timeIndex = 0;
        foreach (var sentence in doc.SentenceTable)
        {
            ct.ThrowIfCancellationRequested();
            var s = new Scope(doc, sentence) { TimeIndex = timeIndex };
            for (var i = s.First; i < s.End;)
            {
                s.SkipTimesBefore(s.T[i].Start);
                if (!s.InTime(s.T[i].Start, s.T[i].End) && MayStart(s, i) && Match(s, i) is { } found)
                {
                    doc.Quantities.Add(found.Quantity);
                    i = found.Next;
                }
                else i++;
            }
            timeIndex = s.TimeIndex;
        }
    }

    /// <summary>A number, a sign or currency symbol, a number word or an approximation word; most tokens are none.</summary>
    private bool MayStart(in Scope s, int i) => s.T[i].Kind switch
    {
        TokenKind.Number => true,
        TokenKind.Word => _numbers.ContainsKey(s.Text(i)) || _approximations.ContainsKey(s.Text(i)),
        TokenKind.Punctuation or TokenKind.Symbol => s.Joined(i) && s.Is(i + 1, TokenKind.Number),
        _ => false,
    };

    /// <summary>Reads approximation, number, multiplier and unit or counted noun from token i, and checks the whole.</summary>
    private Found? Match(in Scope s, int i)
    {
        var j = i;
        Phrase? approximation = null;
        if (_approximations.TryGetValue(s.Text(i), out var candidates) && LongestMatch(s, i, candidates, StringComparison.OrdinalIgnoreCase) is { } a)
        {
            approximation = a.Phrase;
            j = a.End;
            // `per` means "more than" before an amount (`per 100 žmonių`), but `per pusę` is "in half".
            if (approximation.Tokens[0] == "per" && !(s.Is(j, TokenKind.Number) || s.Is(j, TokenKind.Word) && _numbers.TryGetValue(s.Text(j), out var w) && w.Kind is Kind.Card or Kind.Many))
                return null;
        }
        if (j >= s.End) return null;

        // A currency symbol or a sign written against the number: `$5 mln.`, `-5 °C`.
        string? unit = null;
        var negative = false;
        if (s.T[j].Kind is TokenKind.Punctuation or TokenKind.Symbol)
        {
            if (!s.Joined(j) || !s.Is(j + 1, TokenKind.Number)) return null;
            if (_prefixes.TryGetValue(s.Text(j), out var currency)) unit = currency;
            else if (s.Text(j) is "-" or "−" or "+" && (j == s.First || !s.Joined(j - 1))) negative = s.Text(j) is not "+";
            else return null;
            j++;
        }
        if (ReadAmount(s, j) is not { } amount) return null;

        var end = amount.End;
        if (unit is null)
        {
            var k = amount.End;
            // `5 m.` is five years (an age or a duration); `5 m` without its period is five metres.
            if (k < s.End && s.Text(k) is "m" && s.Joined(k) && s.Text(k + 1) is ".") return null;
            if (k < s.End && _units.TryGetValue(s.Text(k), out var unitPhrases) && LongestMatch(s, k, unitPhrases, StringComparison.Ordinal) is { } u)
            {
                unit = u.Phrase.Value;
                end = u.End;
            }
            // `val.`, `mėn.`, `šešias vakaro`: a time of day or a length of time.
            else if (k < s.End && (_durations.Contains(s.Text(k)) || s.Lemma(k) is { } next && _durations.Contains(next))) return null;
            else if (CountedNoun(s, k, amount.Agreement, amount.CaseOf) is { } head)
            {
                var lemma = _lemmas.TryGetValue(s.Text(head.Index), out var fixedLemma) ? fixedLemma : s.Lemma(head.Index);
                if (lemma is not null && _durations.Contains(lemma)) return null;
                // `5 straipsnis`, `3 punkte` name an article or a clause; `pakeisti 5 straipsniai`, `0,5 punkto` count.
                if (lemma is not null && _identifiers.Contains(lemma) && head.Singular && amount.Agreement != Agreement.Genitive) return null;
                // `5 straipsnio`, `12 kabinete`: digits before a singular noun they cannot count are a label.
                if (head.Singular && amount.Agreement == Agreement.Plural && amount.Shape == Shape.Digits) return null;
                if (lemma is not null && !(head.Singular && amount.Agreement == Agreement.Plural))
                {
                    // `1 000 kvadratinių kilometrų` is measured in `kvadratinis kilometras`, as `kv. km` is.
                    unit = head.Index > k && s.Lemma(head.Index - 1) is { } adjective && _measureAdjectives.Contains(adjective)
                        ? adjective + " " + lemma
                        : lemma;
                    end = head.Index + 1;
                }
            }
            // `nuo 8 iki 15.30 val.`, `dviejų ar trijų savaičių`: the first number of a range or pair shares the
            // second's unit; when that is a time, so is the first.
            else if (k + 1 < s.End && s.Text(k) is "iki" or "ar" or "arba" or "ir" or "–" or "-" && PartOfTime(s, k + 1)) return null;
        }

        if (!Plausible(s, i, j, amount, approximation, unit)) return null;
        var start = s.T[i].Start;
        var endChar = s.T[end - 1].End;
        if (s.InTime(start, endChar)) return null;
        // Through text, because decimal's own conversion does not round to the nearest double (1/3 would be 0.33333333333333337).
        // `iki 15–18 laipsnių` is at most 18.
        var number = approximation?.Value is "AT_MOST" or "LESS_THAN" ? amount.Upper : amount.Value;
        // `3 laipsnių šalčio` is −3: the sign word after a temperature belongs to the span.
        if (unit is not null && end < s.End && s.Lemma(end) is { } signWord && _signs.TryGetValue(signWord, out var sign))
        {
            if (sign < 0) negative = true;
            endChar = s.T[end].End;
            end++;
        }
        var approx = approximation?.Value ?? amount.Implied;
        // `padidės iki 3,5 proc.`: the value a change reaches is exact (`gali išaugti iki` is still a bound).
        if (approximation is { } ap && ap.Tokens[0].Equals("iki", StringComparison.OrdinalIgnoreCase) && ChangeBefore(s, i))
        {
            approx = null;
            number = amount.Value;
        }
        // A range keeps both ends, the lower as the value (`5–10`; `15–18 laipsnių šalčio` is −18 to −15).
        var (low, high) = (negative ? -number : number, (decimal?)null);
        if (amount.Upper != amount.Value && number == amount.Value)
            (low, high) = negative ? (-amount.Upper, -amount.Value) : (amount.Value, amount.Upper);
        var value = Double(low);
        return new Found(new Quantity(start, endChar, value, unit, approx, high is { } h ? Double(h) : null, amount.Indefinite), end);
    }

    // Through text, because decimal's own conversion does not round to the nearest double (1/3 would be 0.33333333333333337).
    private static double Double(decimal d) => double.Parse(d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A verb of change among the two words before `iki` (`padidės iki`, `išaugo net iki`).</summary>
    private bool ChangeBefore(in Scope s, int i)
    {
        for (var k = i - 1; k >= s.First && k >= i - 2; k--)
            if (s.Pos(k) == Upos.VERB && s.Lemma(k) is { } lemma && _changeVerbs.Contains(lemma))
                return !(k > s.First && s.Lemma(k - 1) is "galėti");
        return false;
    }

    /// <summary>
    /// What a reading of numbers alone would get wrong: a lone `vienas` is mostly "one of" or "a" (`vieną dieną`), a
    /// fraction needs what it is a part of (`per pusę`, `kitą pusę` are not amounts), a bare four-digit number
    /// between 1900 and 2100 is a year, a number after a label (`Nr. 5`, `straipsnio 2 dalis`) or a name
    /// (`Boeing 737`) is part of a name.
    /// </summary>
    private bool Plausible(in Scope s, int i, int j, Amount amount, Phrase? approximation, string? unit)
    {
        if (amount.Shape == Shape.Words && amount.Words == 1 && amount.Value == 1 && !amount.Multiplied && approximation?.Value is not "AT_LEAST") return false;
        // A lone `keli` or `keletas` counts something (`keli žmonės`); alone it is mostly `kelių` 'of roads' or "a few of them".
        if (amount.Vague && unit is null && approximation is null) return false;
        if (amount.Shape == Shape.Fraction && approximation is null)
        {
            if (unit is null && !amount.Multiplied) return false;
            // `kitą pusę`, `XX a. pirmos pusės`, `Rusijos pusė`: a side or a half of a period.
            if (s.Pos(i - 1) is Upos.ADJ or Upos.DET or Upos.NUM or Upos.X || s.Pos(i - 1) is Upos.NOUN or Upos.PROPN && s.Morph(i - 1).Case == Case.Gen) return false;
        }
        if (amount.Year && unit is null && (approximation is null || approximation.Tokens[0] is "iki" or "per" or "virš")) return false;
        if (amount.Shape == Shape.Digits && !Standalone(s, i, j, amount, unit, approximation)) return false;
        var before = j - 1;
        if (before > s.First && s.Text(before) is "." && s.T[before - 1].Kind == TokenKind.Word) before--;
        if (before >= s.First && s.T[before].Kind == TokenKind.Word)
        {
            if (_identifiers.Contains(s.Text(before)) || s.Lemma(before) is { } lemma && _identifiers.Contains(lemma)) return false;
            if (unit is null && approximation is null && s.Pos(before) is Upos.PROPN or Upos.X && char.IsUpper(s.Text(before)[0]) && s.Morph(before).Case != Case.Gen)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Digits written against other characters belong to what they touch: `36-11.8)-1385`, `Nr.5`, a score `84:79` or
    /// `70: 77`; a number opening a sentence, a quote or after a heading, with its period (`1. Tvirtiname`, `„5.
    /// Paraiškas`, `NUOSTATOS 1.`), numbers a list item; `1755 m` without its period is still a year.
    /// </summary>
    private static bool Standalone(in Scope s, int i, int j, Amount amount, string? unit, Phrase? approximation)
    {
        var previous = j - 1;
        if (j == i && previous >= 0 && s.T[previous].End == s.T[j].Start && s.Doc.Text[s.T[previous].Start] is not ('(' or '„' or '"' or '[' or '“'))
            return false;
        if (previous >= 1 && s.Doc.Text.AsSpan(s.T[previous].Start, s.T[previous].Length) is ":" && s.T[previous - 1].Kind == TokenKind.Number
            && s.T[previous - 1].End == s.T[previous].Start)
            return false;
        var next = amount.End;
        // `t58 = 4,084`, `p < 0,01`: statistics, not amounts the text reports.
        if (previous >= 0 && IsRelation(s, previous) || next < s.End && IsRelation(s, next)) return false;
        // The sentence splitter may end a sentence at the colon, so the score's second half is looked up past it.
        if (next + 1 < s.T.Length && next < s.End && s.Text(next) is ":" && s.Joined(next - 1) && s.T[next + 1].Kind == TokenKind.Number) return false;
        if (unit is null && approximation is null && !amount.Multiplied && next == j + 1 && next < s.T.Length && s.T[j].End == s.T[next].Start
            && s.Doc.Text.AsSpan(s.T[next].Start, s.T[next].Length) is "."
            && (previous < 0 || s.Doc.Text.AsSpan(s.T[previous].Start, s.T[previous].Length) is "." or ":" or ";" or "!" or "?" or "„" or "“" or "\"" or "("
                || (s.T[j].Flags & TokenFlags.ParagraphStart) != 0 || previous >= s.First && s.IsCapitals(previous)))
            return false;
        if (amount.Value is >= 1000 and < 2200 && amount.Value % 1 == 0 && unit == "metras" && s.T[j].Length == 4) return false;
        return true;
    }

    private static bool IsRelation(in Scope s, int k) =>
        s.Doc.Text.AsSpan(s.T[k].Start, s.T[k].Length) is "=" or "<" or ">" or "≤" or "≥" or "±" or "&lt;" or "&gt;";

    /// <summary>The longest phrase of <paramref name="phrases"/> at token k, and the token after it.</summary>
    private static (Phrase Phrase, int End)? LongestMatch(in Scope s, int k, Phrase[] phrases, StringComparison comparison)
    {
        foreach (var p in phrases)
        {
            var end = MatchPhrase(s, k, p, comparison);
            if (end > 0) return (p, end);
        }
        return null;
    }

    private static int MatchPhrase(in Scope s, int k, Phrase p, StringComparison comparison)
    {
        for (var n = 0; n < p.Tokens.Length; n++)
        {
            if (k >= s.End || !s.Text(k).Equals(p.Tokens[n], comparison)) return -1;
            k++;
            if (p.Period[n] && k < s.End && s.Joined(k - 1) && s.Text(k) is ".") k++;
        }
        return k;
    }

    /// <summary>Whether the number at token k is in a time expression or counts a unit of time (`trijų savaičių`).</summary>
    private bool PartOfTime(in Scope s, int k)
    {
        if (s.InTime(s.T[k].Start, s.T[k].End)) return true;
        if (ReadAmount(s, k) is not { } next || next.End >= s.End) return false;
        return _durations.Contains(s.Text(next.End)) || s.Lemma(next.End) is { } lemma && _durations.Contains(lemma);
    }

    /// <summary>
    /// The noun a number counts, read over adjectives, participles and a genitive chain (`10 000 Šiaurės Korėjos
    /// karių`, `3,5 mln. JAV dolerių`, `600 naujų darbo vietų`, `7 atkovotus kamuolius`, `200 tapybos ir grafikos
    /// darbų`): the first noun the number can govern. A number that governs the genitive counts a genitive (`iki 10
    /// tūkst. Seulo duomenimis` counts nothing); a singular genitive followed by more nouns is a modifier (`Šiaurės`),
    /// unless the number wants a singular (`trisdešimt vienos valstybės vadovai` counts states).
    /// </summary>
    private static (int Index, bool Singular)? CountedNoun(in Scope s, int k, Agreement agreement, int caseOf)
    {
        var modifier = false;
        for (var n = 0; k < s.End && n < 8; k++, n++)
        {
            if (s.InTime(s.T[k].Start, s.T[k].End)) return null;
            // `JAV` in `JAV dolerių` leads on to a noun; `BVP` in `3,3 procento BVP` ends the phrase.
            var more = s.Pos(k + 1) is Upos.NOUN or Upos.PROPN or Upos.ADJ or Upos.DET || s.IsCapitals(k + 1) && s.Pos(k + 2) is Upos.NOUN or Upos.PROPN;
            var genitive = MaybeGenitive(s, k);
            switch (s.T[k].Upos)
            {
                case Upos.ADJ or Upos.DET when more:
                case Upos.VERB when more && s.Morph(k).VerbForm == VerbForm.Part:
                    continue;
                // Coordinated genitives: `tapybos ir grafikos darbų`.
                case Upos.CCONJ when modifier && more && MaybeGenitive(s, k + 1):
                    continue;
                // A capitalised genitive inside the sentence is part of a name: `apie šimtą Vakarų sociologų`.
                case Upos.NOUN when more && genitive && k > s.First && char.IsUpper(s.Text(k)[0]) && !s.IsCapitals(k) && s.Pos(k - 1) != Upos.PUNCT:
                    modifier = true;
                    continue;
                case Upos.NOUN:
                    var plural = s.Morph(k).Number == Number.Plur;
                    // The genitive plural (`-ų`) is never spelt like a nominative: only a true genitive counts after `10`.
                    var agrees = agreement switch
                    {
                        Agreement.GenitivePlural => s.Morph(k).Case == Case.Gen,
                        Agreement.Genitive => genitive,
                        _ => caseOf < 0 || SameCase(s, caseOf, k),
                    };
                    if (agrees && plural) return (k, false);
                    if (agrees && agreement == Agreement.Singular) return (k, true);
                    if (genitive && (more || s.Pos(k + 1) == Upos.CCONJ && MaybeGenitive(s, k + 2)))
                    {
                        modifier = true;
                        continue;
                    }
                    return agrees && agreement != Agreement.GenitivePlural ? (k, true) : null;
                case Upos.PROPN or Upos.X when more && (genitive || s.IsCapitals(k)):
                    modifier = true;
                    continue;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// A genitive, or a feminine form the tagger may have read as a nominative plural: the genitive singular of `suma`,
    /// `pusė` is spelt like their nominative plural (`šios sumos`).
    /// </summary>
    private static bool MaybeGenitive(in Scope s, int k)
    {
        if (k >= s.End) return false;
        if (s.Morph(k).Case == Case.Gen) return true;
        var text = s.Text(k);
        return s.Morph(k).Case == Case.Nom && s.Morph(k).Number == Number.Plur && (text.EndsWith("os", StringComparison.Ordinal) || text.EndsWith("ės", StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a noun can take the case of the number word before it (`trims žmonėms`; `Kelių eismo taisyklės` is not
    /// "several rules"). Numerals share forms across cases (`du` nominative and accusative, `dviem` dative and
    /// instrumental) and the tagger's case for them is a guess, so only a genitive against another case disagrees; a
    /// token without a case agrees with anything.
    /// </summary>
    private static bool SameCase(in Scope s, int number, int noun)
    {
        var a = s.Morph(number).Case;
        var b = s.Morph(noun).Case;
        return a == Case.None || b == Case.None || a is Case.Gen == b is Case.Gen;
    }
}
