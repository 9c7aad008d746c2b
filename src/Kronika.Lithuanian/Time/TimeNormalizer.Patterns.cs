using System.Globalization;
using Kronika.Core.Model;

namespace Kronika.Lithuanian.Time;

public sealed partial class TimeNormalizer
{
    private static readonly HashSet<string> ThisForms =
        ["šis", "ši", "šį", "šią", "šio", "šios", "šiam", "šiai", "šiuo", "šia", "šiame", "šioje", "šie", "šių", "šiems", "šiais", "šiomis", "šiuose", "šiose"];

    private static readonly HashSet<string> ThatForms =
        ["tas", "ta", "tą", "to", "tos", "tam", "tuo", "toje", "tame", "tie", "tų", "tiems", "tuos", "tais", "tomis", "tuose", "tose"];

    private static readonly HashSet<string> NextForms =
        ["kitas", "kita", "kitą", "kito", "kitos", "kitam", "kitai", "kitu", "kitame", "kitoje", "kiti", "kitų", "kitiems", "kitoms", "kitus", "kitais", "kitomis", "kituose", "kitose"];

    private static readonly HashSet<string> EveryForms = ["kiekvieną", "kiekvienas", "kiekviena", "kiekvieno", "kiekvienos", "kiekvienais", "kiekvieną"];

    private static readonly HashSet<string> Dashes = ["–", "—", "-"];

    private enum Relation
    {
        This,
        Past,
        Next,
        Same,
    }

    private static readonly HashSet<string> Modifiers =
        ["nuo", "iki", "po", "prieš", "apie", "maždaug", "beveik", "bent", "mažiausiai", "per", "ilgiau", "daugiau", "mažiau", "ne"];

    private static readonly HashSet<string> Openers =
        ["kas", "visą", "visus", "ištisus", "ištisą", "kiekvieną", "kiekvienas", "kiekviena", "kiekvieno", "kiekvienos", "kiekvienais"];

    /// <summary>Tries every pattern at token i, modifiers first.</summary>
    private Found? Match(Words s, int i, Context c)
    {
        var w = s.Lower[i];
        if (MinuteMark(s, i)) return null;
        // `19 cm per parą`, `2 tūkst. per mėnesį`: the unit of a rate is no length of time.
        if (i > 1 && s[i - 1] == "per" && !s.IsNumber(i) && s.Get(i, "unit") is not null && AfterAmount(s, i - 1)) return null;

        // A preposition or modifier opens an expression only before a word that can start one (`ne`, `po`, `per` mostly
        // stand before other words): the patterns are not tried.
        // So do `kas`, `kiekvieną`, `visą` and number words (`du`, `trečią`) that are no time word themselves: `dvi su
        // puse valandos` is the one number word before a word that is not.
        var opener = Modifiers.Contains(w) || Openers.Contains(w) || !s.IsNumber(i) && !words.Has(w) && numbers.TryGet(w, out _) && s[i + 1] != "su";
        if (opener && !IsTimeWord(s, i + 1) && !(Approximation(s, i) is { Length: > 1 } multi && IsTimeWord(s, i + multi.Length)))
            return null;

        // Open intervals and approximations: the word that sets the modifier belongs to the expression.
        switch (w)
        {
            // `33,2 % nuo 2012 m. pelno`: a share of something, not a start.
            case "nuo" when s[i - 1] is "%" or "proc" || s[i - 1] == "." && s[i - 2] == "proc":
                return null;
            case "nuo":
                return WithMod(Core(s, i + 1, c), "SINCE");
            case "iki" when s[i - 1] != "likus":
                return WithMod(Core(s, i + 1, c), "BEFORE", durationMod: "LESS_THAN");
            // `sekmadienį po 14 val.`: after an hour of the day just named, not fourteen hours later.
            case "po" when c.LastEnd == i - 1 && c.Reference is { Grain: Grain.Day } named && s.IsAbbreviation(i + 2, "val")
                           && ClockTime(s, i + 1, named.Start) is { } clock:
                return clock with { Length = clock.Length + 1, Mod = "AFTER" };
            // `Šiek tiek po 14 val.`, `netrukus po 9 val.`: a little after an hour of the day, not fourteen hours later.
            case "po" when s[i - 1] is "tiek" or "kiek" or "netrukus" or "truputį" && s.IsAbbreviation(i + 2, "val")
                           && ClockTime(s, i + 1, c.ReferenceOr(Grain.Day).Start) is { } soonAfter:
                return soonAfter with { Length = soonAfter.Length + 1, Mod = "AFTER" };
            case "po" when Offset(s, i, c) is { } after:
                return after;
            // `po` means "after" with the genitive only: `Po šį savaitgalį vykusio ralio` governs the noun after the date.
            case "po" when i + 1 < s.Count && s.Token(i + 1).Morph.Case == Case.Acc:
                return null;
            case "po":
                return Governs(s, i, Core(s, i + 1, c)) ? null : WithMod(Core(s, i + 1, c), "AFTER", durationMod: null, requireDate: true);
            case "prieš" when Offset(s, i, c) is { } before:
                return before;
            case "prieš":
                return Governs(s, i, Core(s, i + 1, c)) ? null : WithMod(Core(s, i + 1, c), "BEFORE", durationMod: null, requireDate: true);
            case "apie" or "maždaug" or "beveik" or "bent" or "mažiausiai" or "per" or "ilgiau" or "daugiau" or "mažiau" or "ne":
                // `120 km per valandą`, `100 eurų per mėnesį` are rates, not times.
                // A rate follows an amount: `120 km per valandą`, `100 eurų per mėnesį` (not `elektra per metus atpigo`).
                var rate = w == "per" && AfterAmount(s, i);
                // `ne vėliau kaip per 1 val.`: within an hour, not one o'clock.
                if (w == "per" && !rate && HoursOrMinutes(s, i + 1) is { } within) return within with { Length = within.Length + 1 };
                if (Approximation(s, i) is { } approx && !rate && (Core(s, i + approx.Length, c) ?? BareUnit(s, i + approx.Length)) is { } core)
                {
                    // `per` only frames a duration (`per parą`, `per pastaruosius 10 metų`); the others modify any amount.
                    if (core.Type == "DURATION") return core with { Length = core.Length + approx.Length, Mod = approx.Mod ?? core.Mod };
                    // `apie 5 val.`, `apie 2010 m.`; `apie penktadienio įvykius` is about a topic, not an approximate date, and
                    // so is `apie 2018 metų biudžetą`: the year, alone, modifies the noun `apie` governs.
                    if (w == "apie" && core.Type == "DATE" && Governs(s, i, core)) return null;
                    // `Kalbant apie 2025 metus`: after a verb of speaking or thinking, the date is the topic, found alone.
                    if (w == "apie" && core.Type == "DATE" && Has(s, i - 1, "topic")) return null;
                    if (w == "apie" && (core.Type == "TIME" || core.Type == "DATE" && s.IsNumber(i + 1))) return core with { Length = core.Length + 1, Mod = "APPROX" };
                }
                break;
        }
        if (w == "likus") return Countdown(s, i, c);
        return Core(s, i, c);
    }

    /// <summary>
    /// `25 min. Pijus Širvys`, `90+4 min. Topi Keskinenas`: a minute of a match in a list of goals or cautions, not a
    /// length of time; the name follows it at once, often split off as a sentence of its own (`J. Mačiulis 7, 15 min.`
    /// after a name is the time a player played).
    /// </summary>
    private static bool MinuteMark(Words s, int i) =>
        s.IsNumber(i) && (s.IsAbbreviation(i + 1, "min") && s.NameFollows(i + 3)
                          || s[i - 1] == "+" && s[i + 1] is "min" or "minutė" or "minutę");

    /// <summary>
    /// Whether token i follows an amount (not a year): a number, then at most nine units, abbreviations, their periods or
    /// genitive words (`2 tūkst. per mėnesį`, `1,2 tūkst. eurų per mėnesį`, `19 cm per parą`): `per` there makes a rate.
    /// </summary>
    private bool AfterAmount(Words s, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 10; k--)
        {
            if (s.IsNumber(k) || s.Pos(k) == Upos.NUM) return Year(s, k) is null;
            // `tūkst.`, `cm`, `m/s`, `eurų`, `kv. metrų apdirbamos stiklo žaliavos`: units, abbreviations and genitive
            // words between the number and `per`.
            var unitOfAmount = s[k] == "." || s.Has(k, TokenFlags.Abbreviation) || s.Pos(k) is Upos.X or Upos.SYM || s[k]!.Contains('/')
                || s.Pos(k) is Upos.NOUN or Upos.ADJ or Upos.VERB && s.Token(k).Morph.Case == Case.Gen || s.Token(k).Morph.VerbForm == VerbForm.Part;
            if (!unitOfAmount) return false;
        }
        return false;
    }

    /// <summary>
    /// `po 2008 m. krizės`, `prieš 2024 m. rinkimus`, `apie 2018 metų biudžetą`: the preposition governs the noun after the date, not the date,
    /// so the date is found alone at the next token.
    /// </summary>
    private bool Governs(Words s, int i, Found? core)
    {
        // `Po sekmadienio susitikimų`: a weekday in the genitive before a noun in the genitive modifies it.
        if (core is { Length: 1 } day && s.Lower[i] == "po" && !s.IsNumber(i + 1) && s.Get(i + 1, "weekday") is not null
            && s.Token(i + 1).Morph.Case == Case.Gen && s.Pos(i + 2) == Upos.NOUN && s.Token(i + 2).Morph.Case == Case.Gen && !words.Has(s.Lower[i + 2]))
            return true;
        // Only a year in the genitive (`2008 m.`, `2008 metų`, `2008-ųjų`) modifies a noun after it.
        if (core is not { } f || !s.IsNumber(i + 1) || s.Lower[i + f.Length] is not ("." or "metų") && !s.Lower[i + f.Length].EndsWith("ųjų", StringComparison.Ordinal)) return false;
        var next = i + 1 + f.Length;
        if (next >= s.Count || s.Pos(next) != Upos.NOUN || s.IsNumber(next) || words.Has(s.Lower[next])) return false;
        // `po` takes the genitive, `prieš` and `apie` the accusative: `po Velykų darbai bus pradėti` has a subject after the date.
        return s.Token(next).Morph.Case == (s.Lower[i] == "po" ? Case.Gen : Case.Acc);
    }

    private static Found? WithMod(Found? core, string mod, string? durationMod = null, bool requireDate = false)
    {
        if (core is not { } f) return null;
        if (f.Type == "DURATION") return durationMod is null ? null : f with { Length = f.Length + 1, Mod = durationMod };
        if (f.Type == "SET" || (requireDate && f.Type != "DATE")) return null;
        return f with { Length = f.Length + 1, Mod = f.Mod ?? mod };
    }

    /// <summary>`daugiau nei`, `mažiau kaip`, `apie`, `beveik`, `bent`, `ne mažiau kaip`, `ilgiau nei`, `per`: its length and modifier.</summary>
    private static (int Length, string? Mod)? Approximation(Words s, int i)
    {
        var w = s.Lower[i];
        var than = s[i + 1] is "nei" or "negu" or "kaip";
        return w switch
        {
            "apie" or "maždaug" => (1, "APPROX"),
            "beveik" => (1, "LESS_THAN"),
            "bent" or "mažiausiai" => (1, "MORE_THAN"),
            "per" => (1, null),
            "daugiau" or "ilgiau" when than => (2, "MORE_THAN"),
            "mažiau" or "trumpiau" when than => (2, "LESS_THAN"),
            "ne" when s[i + 1] == "mažiau" && s[i + 2] is "nei" or "negu" or "kaip" => (3, "MORE_THAN"),
            "ne" when s[i + 1] == "daugiau" && s[i + 2] is "nei" or "negu" or "kaip" => (3, "LESS_THAN"),
            _ => null,
        };
    }

    /// <summary>The expression proper, without an interval or approximation word before it.</summary>
    private Found? Core(Words s, int i, Context c)
    {
        if (i >= s.Count) return null;
        return IsoDate(s, i, c)
            ?? PostposedOffset(s, i, c)
            ?? YearExpression(s, i, c)
            ?? DateLine(s, i)
            ?? CenturyOrDecade(s, i, c)
            ?? MonthExpression(s, i, c)
            ?? DayOfMonth(s, i, c)
            ?? RelativePeriod(s, i, c)
            ?? UnitPart(s, i, c)
            ?? Weekday(s, i, c)
            ?? HolidayAlone(s, i, c)
            ?? Deictic(s, i, c)
            ?? OrdinalPeriod(s, i, c)
            ?? NthWeekday(s, i, c)
            ?? SeasonAlone(s, i, c)
            ?? Frequency(s, i)
            ?? Vague(s, i)
            ?? RuleOrDayTime(s, i, c)
            ?? AndAHalf(s, i)
            ?? Duration(s, i)
            ?? DayPartAlone(s, i, c);
    }

    /// <summary>
    /// A clock time alone: on the day last mentioned (or the DCT), except in a standing rule (`komendanto valanda galios
    /// nuo 22 val.`, `muziejus dirba iki 18 val.`: a rule word of Data/time-words.txt, no past verb, no date
    /// in the sentence), which holds any day: `XXXX-XX-XXT22:00`.
    /// </summary>
    private Found? RuleOrDayTime(Words s, int i, Context c)
    {
        // `90 km per 1 val.`: the hour of a rate, no clock time (a length after `per` was taken at `per`).
        if (s[i - 1] == "per") return null;
        if ((ClockTime(s, i, c.ReferenceOr(Grain.Day).Start) ?? MinutesPast(s, i, c.ReferenceOr(Grain.Day).Start)) is not { } time) return null;
        if (IsScore(s, i)) return null;
        // `1–3 val. periodiškumu`: how often, not a time of day.
        if (Has(s, i + time.Length, "interval")) return null;
        if (!IsRule(s, s.TenseAt(i))) return time;
        return time with { Value = "XXXX-XX-XX" + time.Value[time.Value.IndexOf('T')..], Reference = null,
            RangeEnd = time.RangeEnd is { } end ? "XXXX-XX-XX" + end[end.IndexOf('T')..] : null };
    }

    /// <summary>
    /// `„Žalgiris“ pirmavo 21:16`, `nugalėjo rezultatu 79:75`, `(20:21, 16:15, 22:10)`: a number with a colon after a
    /// word of the score (Data/time-words.txt, score; a few words back in the clause) or in a list of such numbers.
    /// </summary>
    private bool IsScore(Words s, int i)
    {
        if (!s.Lower[i].Contains(':')) return false;
        bool Colon(int k) => s.IsNumber(k) && s.Lower[k].Contains(':');
        if (s[i - 1] is "," or "ir" && Colon(i - 2) || s[i + 1] is "," or "ir" && Colon(i + 2)) return true;
        for (var k = i - 1; k >= 0 && k >= i - 4 && s.IsWordOrNumber(k); k--)
            if (Has(s, k, "score")) return true;
        return false;
    }

    private bool IsRule(Words s, Tense tense)
    {
        for (var k = 0; k < s.Count; k++)
        {
            // A habit in the sentence (`darbai vyks naktimis … nuo 19 val.`): the times are any night's, whatever dates frame them.
            if (s.Get(k, "set") is not null) return true;
            // A schedule (`penktadieniais 17–21 val.`, `darbo dienomis 18–21 val.`, `keturis sekmadienius iš eilės nuo 16
            // val.`): the times are any such day's.
            if (Schedule(s, k)) return true;
            // `kursuos kas pusvalandį nuo 16 iki 19 val.`: a frequency makes the times any day's.
            if (s.Lower[k] == "kas" && k + 1 < s.Count && (Duration(s, k + 1) is not null || BareUnit(s, k + 1) is not null)) return true;
        }
        bool rule = false, anyTense = false;
        for (var k = 0; k < s.Count; k++)
        {
            // `Ribojimai įvesti nuo 19.36 val.`: a time to the minute is an event's; rules keep round times.
            if (OddMinute(s, k)) return false;
            if ((s.Get(k, "rule") ?? (s.Lemma(k) is { } lemma ? words.Get(lemma, "rule") : null)) is { } kind)
            {
                // An obligation (`įpareigotas būti namie nuo 22 val.`) is a rule whatever the tense.
                if (kind == "any") anyTense = true;
                rule = true;
            }
            // A date in the sentence (a month, weekday, deictic day) makes the time that day's.
            if (s.Get(k, "month") is not null || s.Get(k, "weekday") is not null || s.Get(k, "day-offset") is not null) return false;
        }
        return rule && (anyTense || tense != Tense.Past);
    }

    /// <summary>Whether token k is a clock time whose minutes are no multiple of five (`19.36 val.`, `21:19`).</summary>
    private static bool OddMinute(Words s, int k)
    {
        if (!s.IsNumber(k)) return false;
        var form = s.Lower[k].AsSpan();
        var sep = form.IndexOfAny('.', ':');
        if (sep is < 1 or > 2 || form.Length != sep + 3 || !int.TryParse(form[..sep], out var hour) || hour > 23
            || !int.TryParse(form[(sep + 1)..], out var minute) || minute > 59) return false;
        if (form[sep] == '.' && !s.IsAbbreviation(k + 1, "val")) return false;
        return minute % 5 != 0;
    }

    /// <summary>
    /// Whether token k names days that recur: a weekday in the plural (`penktadieniais`, `sekmadienius`), a word of
    /// Data/time-words.txt, schedule (`savaitgaliais`), or `dienomis` after a noun in the genitive (`darbo dienomis`;
    /// not `rugsėjo 6–14 dienomis`, which follows a number).
    /// </summary>
    private bool Schedule(Words s, int k) =>
        s.Get(k, "weekdays") is not null || s.Get(k, "schedule") is not null
        || s.Lower[k] == "dienomis" && k > 0 && s.Pos(k - 1) == Upos.NOUN && s.Token(k - 1).Morph.Case == Case.Gen;

    // ---- Dates written as numbers -------------------------------------------------------------------------

    /// <summary>
    /// `2024-08-13`, `2024.08.13`, `2013/12/02` (a single token), with a time after it (`2018-03-22 / 18:30`); ISO 8601
    /// with its time (`2018-03-22T21:05:43+02:00`: the time on the source's clock, the offset taken with it).
    /// </summary>
    private Found? IsoDate(Words s, int i, Context c)
    {
        var t = s.Lower[i];
        if (t.Length < 10 || !s.IsNumber(i) || !(t[4] is '-' or '.' or '/') || t[7] != t[4]) return null;
        if (!DateOnly.TryParseExact(t.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateOnly.TryParseExact(t[..10].Replace(t[4], '-'), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return null;
        var day = Period.Of(Grain.Day, date);
        if (t.Length == 10)
        {
            var slash = s[i + 1] is "/" or "|" && s.IsNumber(i + 2) ? 1 : 0;
            var withTime = WithTime(s, i + 1 + slash, date, new Found(1, "DATE", day.Value, Reference: day));
            return withTime.Type == "TIME" ? withTime with { Length = withTime.Length + slash } : withTime;
        }
        if (t[10] != 't' || t.Length < 16 || !TimeOnly.TryParseExact(t.AsSpan(11, 5), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)) return null;
        // The zone after it: `+02:00` is two tokens, `Z` one.
        var length = s[i + 1] is "+" or "-" && s.IsNumber(i + 2) ? 3 : s[i + 1] == "z" ? 2 : 1;
        return new Found(length, "TIME", $"{day.Value}T{clock:HH:mm}", Reference: day);
    }

    /// <summary>
    /// Date lines as news sites print them: `12 Kovas 2018 14:04` (day, month in any case, year), `Pirmadienis, 12 Kovas
    /// 2018` (a weekday before it), `SAU 03 10:08 2018` (a capitalised abbreviation, day, time, year).
    /// </summary>
    private Found? DateLine(Words s, int i)
    {
        var start = i;
        if (s.Get(i, "weekday") is not null && s[i + 1] == "," && s.IsNumber(i + 2)) i += 2;
        if (s.IsNumber(i) && Day(s, i) is { Length: 1 } day && i + 2 < s.Count
            && (s.Get(i + 1, "month") ?? s.Get(i + 1, "month-abbr")) is { } m
            && Year(s, i + 2, bare: true) is { } year && SafeDate(year.Year, int.Parse(m, CultureInfo.InvariantCulture), day.Day) is { } date)
            return DayFound(s, start, i - start + 2 + year.Length, new Period(Grain.Day, date));
        // `SAU 03 10:08 2018`: the abbreviation in capitals (`sau` is also a pronoun), the day, a time, the year.
        if (start == i && s.Token(i).Span is { Length: >= 3 } caps && AllUpper(caps) && s.Get(i, "month-abbr") is { } abbr
            && Day(s, i + 1) is { Length: 1 } d && i + 3 < s.Count && ClockTime(s, i + 2, DateOnly.MinValue) is { Length: 1 } && Year(s, i + 3, bare: true) is { } y
            && SafeDate(y.Year, int.Parse(abbr, CultureInfo.InvariantCulture), d.Day) is { } day2)
        {
            var clock = ClockTime(s, i + 2, day2)!.Value;
            return clock with { Length = 4 };
        }
        return null;
    }

    /// <summary>A year: `2024 m.`, `2024 metais`, `2024-ųjų`, `2017-aisiais`, `2022-siais`; a bare number only where a caller allows it.</summary>
    private (int Year, int Length)? Year(Words s, int i, bool bare = false)
    {
        if (i >= s.Count || !s.IsNumber(i)) return null;
        var t = s.Lower[i];
        var dash = t.IndexOf('-');
        if (dash == 4 && words.Get(t[5..], "year-suffix") is not null)
            return int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 2199 ? (y, 1) : null;
        if (t.Length != 4 || !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1000 or > 2199) return null;
        if (s.IsAbbreviation(i + 1, "m")) return (year, 3);
        if (s[i + 1] is "metai" or "metų" or "metais" or "metus" or "metams" or "metuose") return (year, 2);
        return bare ? (year, 1) : null;
    }

    /// <summary>
    /// A year and what follows it: a month and day (`2024 m. rugpjūčio 13 d.`, `2000 sausio 3 d.` without `m.`), a
    /// month, a season, a quarter or half, a holiday, its start, middle or end; or a range (`2009–2010 m.`,
    /// `nuo 1996 iki 1999 m.`, `2009-2010 m.` in one token) whose first year stands alone.
    /// </summary>
    private Found? YearExpression(Words s, int i, Context c)
    {
        if (Year(s, i) is not { } y)
        {
            if (YearRange(s, i, c) is { } range) return range;
            if (Year(s, i, bare: true) is not { } first) return null;
            // `2009–2010 m.`, `nuo 1996 iki 1999 m.`: the first year of a range is bare.
            if (s[i + 1] is { } dash && (Dashes.Contains(dash) || dash == "iki") && Year(s, i + 2) is { } second)
            {
                // `2024–2025 m. spalio 14 d.`: a day of the season the two years name.
                if (second.Year == first.Year + 1 && SeasonDay(s, i + 2 + second.Length, c, first.Year, second.Year) is { } day)
                    return day with { Length = day.Length + 2 + second.Length };
                return new Found(1, "DATE", Period.Year(first.Year).Value, Reference: Period.Year(first.Year));
            }
            // `2011 lapkričio mėnesį`, `2000 sausio 3 d.`: a year before a month needs no `m.`; a date line's
            // `2018 03 20 9:40` is a year, month and day in digits.
            if (Month(s, i + 1, strict: true) is not null && WithinYear(s, i + 1, c, first.Year) is { } month) return month with { Length = month.Length + 1 };
            return DigitDate(s, i, first.Year);
        }
        var year = Period.Year(y.Year);
        var j = i + y.Length;
        if (WithinYear(s, j, c, y.Year) is { } inner) return inner with { Length = inner.Length + y.Length };
        return new Found(y.Length, "DATE", year.Value, Reference: year);
    }

    /// <summary>
    /// `2024–2025 m. spalio 14 d.`, `2023–2024 m. sausio 5 d.`: a day after two years in a row names a day of a season that
    /// runs from autumn to summer (heating, school, sport): of the first year from July on, of the second before it.
    /// </summary>
    private Found? SeasonDay(Words s, int j, Context c, int first, int second)
    {
        if (Month(s, j, strict: false) is not { } month || Day(s, j + month.Length) is null) return null;
        return WithinYear(s, j, c, month.Month >= 7 ? first : second);
    }

    /// <summary>`2009-2010 m.`, `1795–1918 metais`: two years in one token, then a year word: two expressions.</summary>
    private Found? YearRange(Words s, int i, Context c)
    {
        var t = s.Lower[i];
        if (t.Length != 9 || !(t[4] is '-' or '–') || !s.IsNumber(i)) return null;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var from) || from is < 1000 or > 2199
            || !int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var to) || to <= from || to > 2199) return null;
        var length = s.IsAbbreviation(i + 1, "m") ? 3 : s[i + 1] is "metai" or "metų" or "metais" or "metus" or "metams" or "metuose" ? 2 : 0;
        if (length == 0) return null;
        if (to == from + 1 && SeasonDay(s, i + length, c, from, to) is { } day) return day with { Length = day.Length + length };
        return new Found(length, "DATE", Period.Year(from).Value, Reference: Period.Year(to), RangeEnd: Period.Year(to).Value);
    }

    /// <summary>`2018 03 20` (a date line): a bare year, a two-digit month and day, and a time after them.</summary>
    private Found? DigitDate(Words s, int i, int year)
    {
        if (!TwoDigits(s, i + 1, out var month) || !TwoDigits(s, i + 2, out var day) || month is < 1 or > 12) return null;
        if (SafeDate(year, month, day) is not { } date) return null;
        return WithTime(s, i + 3, date, new Found(3, "DATE", Period.Of(Grain.Day, date).Value, Reference: Period.Of(Grain.Day, date)));
    }

    private static bool TwoDigits(Words s, int i, out int value)
    {
        value = 0;
        return s.IsNumber(i) && s.Lower[i].Length == 2 && int.TryParse(s.Lower[i], NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>After a year (or `šių metų`): a month (with a day), a season, a quarter or half, or the year's start/middle/end.</summary>
    private Found? WithinYear(Words s, int j, Context c, int year)
    {
        if (j >= s.Count) return null;
        if (Month(s, j, strict: false) is { } month)
        {
            if (Day(s, j + month.Length) is { } day && SafeDate(year, month.Month, day.Day) is { } date)
                return WithTime(s, j + month.Length + day.Length, date,
                    new Found(month.Length + day.Length, "DATE", Period.Of(Grain.Day, date).Value, Reference: Period.Of(Grain.Day, date)));
            var m = Period.Month(year, month.Month);
            var length = month.Length + MonthWord(s, j + month.Length);
            return WithPart(s, j + length, new Found(length, "DATE", m.Value, Reference: m));
        }
        if (s.Get(j, "season") is { } season)
        {
            var p = Period.Season(year, season);
            return new Found(1, "DATE", p.Value, Reference: p);
        }
        if (OrdinalPeriod(s, j, c, year) is { } ordinal) return ordinal;
        if (Holiday(s, j) is { } holiday && !NamesAThing(s, j, holiday.Length) && Holidays.Day(holiday.Rule, year) is { } feast)
            return DayFound(s, j, holiday.Length, new Period(Grain.Day, feast));
        return PartOf(s, j) is { } part ? new Found(1, "DATE", Period.Year(year).Value, part, Period.Year(year)) : null;
    }

    /// <summary>A day of <paramref name="length"/> tokens from i, with a time after it.</summary>
    private Found DayFound(Words s, int i, int length, Period day) => WithTime(s, i + length, day, new Found(length, "DATE", day.Value, Reference: day));

    /// <summary>A holiday's name at token i (capitalised: `Kalėdos`, `Naujųjų metų`, `Motinos dieną`): its rule and length.</summary>
    private (string Rule, int Length)? Holiday(Words s, int i) =>
        i < s.Count && s.IsCapitalised(i) && holidays.Starts(s.Lower[i]) ? holidays.Match(s.Lower, i) : null;

    /// <summary>
    /// `Kalėdų eglutė`, `Kalėdų Senelis`: a genitive name before another noun or name names a thing, unless a preposition
    /// governs it (`po Velykų`) or the noun is a time (`Joninių naktį`, `Kalėdų išvakarėse`, `Velykų proga`).
    /// </summary>
    private bool NamesAThing(Words s, int i, int length)
    {
        var next = i + length;
        if (i > 0 && s[i - 1] is "po" or "prieš" or "iki" or "nuo" or "per" or "apie" || next >= s.Count) return false;
        if (s.Token(next - 1).Morph.Case != Case.Gen || s.Pos(next) is not (Upos.NOUN or Upos.PROPN)) return false;
        return s.Get(next, "daypart") is null && s.Get(next, "unit") is null
            && s.Lower[next] is not ("išvakarėse" or "proga" or "metu" or "laikotarpiu");
    }

    /// <summary>
    /// A holiday without a year (`po Velykų`, `per Kalėdas`, `Joninių naktį`): the day in the year the tense points to,
    /// as for a year-less date. A genitive name before another noun (`Kalėdų eglutė`) names a thing, not a day.
    /// </summary>
    private Found? HolidayAlone(Words s, int i, Context c)
    {
        if (Holiday(s, i) is not { } holiday) return null;
        if (NamesAThing(s, i, holiday.Length)) return null;
        // `miestas, kuris tiki Kalėdomis`: the object of a verb that takes the instrumental, not a day.
        if (s.Lower[i + holiday.Length - 1].EndsWith("mis", StringComparison.Ordinal) && (Has(s, i - 1, "holds-instr") || i > 1 && s.Pos(i - 1) == Upos.ADV && Has(s, i - 2, "holds-instr")))
            return null;
        // `Kūčių išvakarėse`: the eve of a holiday, the day before it.
        var eve = words.Get(s[i + holiday.Length] ?? "", "eve") is not null && s.Token(i + holiday.Length - 1).Morph.Case == Case.Gen ? 1 : 0;
        var tense = s.TenseAt(i);
        DateOnly? best = null;
        for (var year = c.Dct.Year - 1; year <= c.Dct.Year + 1; year++)
        {
            if (Holidays.Day(holiday.Rule, year) is not { } day) continue;
            // As for dates: a past verb may still announce a holiday up to a month ahead (`iki Kūčių liko dvi savaitės`).
            var fits = tense switch { Tense.Past => day.DayNumber <= c.Dct.DayNumber + 31, Tense.Future => day >= c.Dct, _ => true };
            if (!fits) continue;
            var better = best is not { } b || tense switch
            {
                Tense.Past => day > b,
                Tense.Future => day < b,
                _ => Math.Abs(day.DayNumber - c.Dct.DayNumber) < Math.Abs(b.DayNumber - c.Dct.DayNumber),
            };
            if (better) best = day;
        }
        var period = best is { } d ? new Period(Grain.Day, d.AddDays(-eve)) : Period.Unknown(Grain.Day);
        return DayFound(s, i, holiday.Length + eve, period);
    }

    /// <summary>`pradžioje` START, `viduryje` MID, `pabaigoje` END (and their nominative/genitive forms).</summary>
    private static string? PartOf(Words s, int i) => s[i] switch
    {
        "pradžioje" or "pradžia" or "pradžią" or "pradžios" => "START",
        "viduryje" or "vidurys" or "vidurį" or "vidurio" => "MID",
        "pabaigoje" or "pabaiga" or "pabaigą" or "pabaigos" => "END",
        _ => null,
    };

    private static Found WithPart(Words s, int i, Found found) =>
        PartOf(s, i) is { } part ? found with { Length = found.Length + 1, Mod = part } : found;

    // ---- Months and days ----------------------------------------------------------------------------------

    /// <summary>
    /// A month name in any case or abbreviated (`rugpj.`). Nominatives need a year before them; a capitalised month
    /// form after a name is a surname (`Rasa Gegužė`); `kovą` is the month only when the lemma says so (else it is
    /// `kova` 'fight').
    /// </summary>
    private (int Month, int Length)? Month(Words s, int i, bool strict)
    {
        if (i >= s.Count) return null;
        var w = s.Lower[i];
        if (s.Get(i, "month") is { } m)
        {
            var month = int.Parse(m, CultureInfo.InvariantCulture);
            if (strict && (w.EndsWith("is") || w.EndsWith("as") || w is "gegužė" or "liepa")) return null; // nominative
            if (strict && w is "kovą" or "kovu" && !IsMarchNotFight(s, i)) return null;
            if (s.IsCapitalised(i) && i > 0 && (s.IsCapitalised(i - 1) || s[i - 1] == "." && s[i - 2] != "m")) return null;
            return (month, 1);
        }
        if (s.Get(i, "month-abbr") is { } a && s[i + 1] == ".") return (int.Parse(a, CultureInfo.InvariantCulture), 2);
        return null;
    }

    /// <summary>
    /// `kovą` is March or `kova` 'fight': March when the tagger says so, when a day or `mėnesį` follows, or when it
    /// opens a clause; a fight when a verb governs it (`laimėjo kovą`) or a preposition follows (`kovą su korupcija`).
    /// </summary>
    private bool IsMarchNotFight(Words s, int i)
    {
        // `buvo laimėjęs kovą 94:87`: a fight with its score, or after a word of one.
        if (s[i + 1] is { } next && next.Contains(':') || Has(s, i - 1, "score") || Has(s, i - 2, "score")) return false;
        if (s.Lemma(i) == "kovas" || s.IsNumber(i + 1) || s[i + 1] is "mėnesį" || s.IsAbbreviation(i + 1, "mėn")) return true;
        if (s[i + 1] is "su" or "prieš" or "dėl" or "už" or "prie") return false;
        return i == 0 || !s.IsWordOrNumber(i - 1) || s[i - 1] is "pernai" or "šiemet" or "nuo" or "iki" or "po" or "kad";
    }

    /// <summary>`mėnesį`, `mėnesio`, `mėn.` after a month name: how many tokens.</summary>
    private static int MonthWord(Words s, int i) =>
        s[i] is "mėnesį" or "mėnesio" or "mėnesyje" or "mėnuo" or "mėnesiais" or "mėnesiams" ? 1 : s.IsAbbreviation(i, "mėn") ? 2 : 0;

    /// <summary>A day of the month: `13 d.`, `13-ąją`, `13-oji`, or a bare `13` before a dash or at the end of a date.</summary>
    private (int Day, int Length)? Day(Words s, int i)
    {
        if (i >= s.Count) return null;
        // `Rugsėjo pirmąją`, `gegužės trečiąją`: a feminine ordinal word (not before a unit: `rugsėjo pirmąją savaitę`).
        if (!s.IsNumber(i))
            return s.Lower[i].EndsWith("ąją") && numbers.Ordinal(s.Lower[i]) is { } word and >= 1 and <= 31 && (s[i + 1] is not { } unitAfter || words.Get(unitAfter, "unit") is null)
                ? (word, 1) : null;
        var t = s.Lower[i];
        // `lapkričio 21-23 d.`, `liepos 3-4 dienomis`: a range of days, its first day here (DayRangeEnd gives the last).
        if (DayRangeEnd(s, i) is not null)
        {
            var first = int.Parse(t.AsSpan(0, t.IndexOfAny(['-', '–'])), NumberStyles.None, CultureInfo.InvariantCulture);
            return (first, s.IsAbbreviation(i + 1, "d") ? 3 : s[i + 1] is "dienomis" or "dienas" or "dienų" or "d" ? 2 : 1);
        }
        if (t.Contains('-'))
            return numbers.Ordinal(t) is { } ordinal && ordinal is >= 1 and <= 31 ? (ordinal, 1) : null;
        if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31) return null;
        if (s.IsAbbreviation(i + 1, "d")) return (day, 3);
        if (s[i + 1] is "dieną" or "dienos" or "diena") return (day, 2);
        // The end of a range of days (`rugsėjo 6–14 dienomis`).
        if (i > 1 && Dashes.Contains(s[i - 1]!) && s.IsNumber(i - 2) && s[i + 1] is "dienomis" or "dienas" or "dienų") return (day, 2);
        return (day, 1);
    }

    /// <summary>The last day of a range of days in one token (`21-23` → 23), or null.</summary>
    private static int? DayRangeEnd(Words s, int i)
    {
        if (i >= s.Count || !s.IsNumber(i)) return null;
        var t = s.Lower[i];
        var dash = t.IndexOfAny(['-', '–']);
        if (dash is < 1 or > 2 || !int.TryParse(t.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(t.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last)) return null;
        return first is >= 1 and <= 31 && last > first && last <= 31 ? last : null;
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        Period.InRange(year) && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    /// <summary>
    /// A month without a year (`balandį`, `balandžio mėnesį`, `rugpjūčio 13 d.`, `gegužės 5–7 d.`): the year follows
    /// the tense — the latest such date not after the DCT in the past, the earliest not before it in the future, the
    /// DCT's own year otherwise.
    /// </summary>
    private Found? MonthExpression(Words s, int i, Context c)
    {
        if (Month(s, i, strict: true) is not { } month) return null;
        var tense = s.TenseAt(i);
        var j = i + month.Length;
        if (Day(s, j) is { } day)
        {
            // `Gegužės 1-osios profesinė sąjunga`, `Kovo 11-osios gatvėje`: a capitalised date inside a sentence before a
            // noun names the thing.
            var after = j + day.Length;
            if (i > 0 && s.IsCapitalised(i) && s.Lower[j].EndsWith("osios", StringComparison.Ordinal) && after < s.Count
                && s.Pos(after) is Upos.NOUN or Upos.ADJ or Upos.PROPN && !words.Has(s.Lower[after])
                && s.Lower[after] is not ("proga" or "išvakarėse" or "minėjimas" or "minėjimo" or "minėjime" or "šventė" or "šventės" or "šventėje"))
                return null;
            // `Birželio 23-iosios gatvėje`, `Kovo 11-osios g.`: a street (Data/time-words.txt, street) named by a date,
            // at the start of a sentence too.
            if (s.IsCapitalised(i) && s.Lower[j].EndsWith("osios", StringComparison.Ordinal) && after < s.Count
                && (LemmaHas(s, after, "street") || s.Get(after, "street") is not null && s[after + 1] == "."))
                return null;
            // `įprastai tai daroma spalio 1–15 d.`: a habit's day is any year's.
            if (tense == Tense.Present && YearBefore(s, i, c) is null && Habitual(s, i))
                return new Found(month.Length + day.Length, "DATE", $"XXXX-{month.Month:D2}-{day.Day:D2}");
            var dayYear = YearBefore(s, i, c) ?? YearFor(c.Dct, Forward(s, i, tense), month.Month, day.Day);
            if (!Period.InRange(dayYear)) return new Found(month.Length + day.Length, "DATE", $"XXXX-{month.Month:D2}-{day.Day:D2}");
            if (SafeDate(dayYear, month.Month, day.Day) is not { } date) return null;
            if (DayRangeEnd(s, j) is { } lastDay && SafeDate(dayYear, month.Month, lastDay) is { } end)
                return new Found(month.Length + day.Length, "DATE", Period.Of(Grain.Day, date).Value, Reference: Period.Of(Grain.Day, date),
                    RangeEnd: Period.Of(Grain.Day, end).Value);
            return WithTime(s, j + day.Length, date, new Found(month.Length + day.Length, "DATE", Period.Of(Grain.Day, date).Value, Reference: Period.Of(Grain.Day, date)));
        }
        var w = s.Lower[i];
        var genitive = month.Length == 2 || w.EndsWith('o') || w.EndsWith("ės") || w.EndsWith("os");
        var monthWord = MonthWord(s, j);
        // A bare genitive month needs something that makes it a time: `mėnesį`, a part (`liepos pabaigoje`), a preposition.
        var rangeStart = s[j] is { } dash && Dashes.Contains(dash) && Month(s, j + 1, strict: false) is not null; // `sausio–kovo mėnesiais`
        // `balandžio ir gegužės mėnesiais`: two months sharing the month word after the second.
        var shared = genitive && s[j] is "ir" or "bei" && Month(s, j + 1, strict: true) is { } second && MonthWord(s, j + 1 + second.Length) > 0;
        if (genitive && monthWord == 0 && PartOf(s, j) is null && !rangeStart && !shared && !(i > 0 && s[i - 1] is "nuo" or "iki" or "po" or "prieš")) return null;
        // The second month of a range (`2024 m. liepos–rugpjūčio`) takes the year of the first.
        // `sausio–spalio mėn.`: the range is placed by its last month, and the first month is the one before it.
        var rangeEndMonth = rangeStart ? Month(s, j + 1, strict: false)!.Value.Month : month.Month;
        var secondOfRange = i > 1 && Dashes.Contains(s[i - 1]!) && c.LastEnd == i - 2 && Month(s, i - 2, strict: false) is not null;
        var monthYear = secondOfRange && c.Reference is { Grain: Grain.Month or Grain.Day } r
            ? r.Start.Year + (month.Month < r.Start.Month ? 1 : 0)
            : YearBefore(s, i, c) ?? YearFor(c.Dct, Forward(s, i, tense), rangeEndMonth, 1, monthOnly: true) - (month.Month > rangeEndMonth ? 1 : 0);
        // `sezonas įprastai prasideda spalį`: a habit's month is any year's.
        if (tense == Tense.Present && YearBefore(s, i, c) is null && Habitual(s, secondOfRange ? i - 2 : i))
            return WithPart(s, j + monthWord, new Found(month.Length + monthWord, "DATE", $"XXXX-{month.Month:D2}"));
        var p = Period.Month(monthYear, month.Month);
        return WithPart(s, j + monthWord, new Found(month.Length + monthWord, "DATE", p.Value, Reference: p));
    }

    /// <summary>
    /// `pernai, gegužės 9 dieną`, `2019 m., kovą`: a year said just before (a token or a comma away) is the date's; so is a
    /// year earlier in the same clause of a past statement (`2024 m. šis rodiklis pasiektas gruodžio viduryje`).
    /// </summary>
    private static int? YearBefore(Words s, int i, Context c)
    {
        if (!c.ReferenceInSentence || c.LastEnd >= i || c.Reference is not { Grain: Grain.Year } year) return null;
        if (c.LastEnd >= i - 2) return year.Start.Year;
        for (var k = c.LastEnd + 1; k < i; k++)
            if (!s.IsWordOrNumber(k)) return null;
        return s.TenseAt(i) == Tense.Past ? year.Start.Year : null;
    }

    /// <summary>
    /// `Seimas nusprendė nuo spalio 1 d. įsteigti fondą`: a year-less start after `nuo` in a clause whose past verb is a
    /// decision (Data/time-words.txt, decision) is a day to come, so it is resolved forward; otherwise the tense stands.
    /// </summary>
    private Tense Forward(Words s, int i, Tense tense)
    {
        if (s[i - 1] == "nuo" && tense != Tense.Future && Planned(s, i)) return Tense.Future;
        if (tense != Tense.Past || s[i - 1] != "nuo") return tense;
        // (A period inside a sentence is an abbreviation's: `nuo spalio 1 d. nusprendė`.)
        static bool Boundary(string? t) => t is null or ";" or ":";
        for (var k = i - 2; k >= 0 && !Boundary(s[k]); k--)
            if (LemmaHas(s, k, "decision")) return Tense.Unknown;
        for (var k = i + 1; k < s.Count && !Boundary(s[k]); k++)
            if (LemmaHas(s, k, "decision")) return Tense.Unknown;
        return tense;
    }

    /// <summary>
    /// Whether the clause of token i holds a verb of a plan or proposal (Data/time-words.txt, plan: `siūlo`, `planuoja`;
    /// `turėjo` only before an infinitive: `algos nuo sausio turėjo didėti`).
    /// </summary>
    private bool Planned(Words s, int i)
    {
        static bool Boundary(string? t) => t is null or "," or ";" or ":" or "–" or "—" or "(" or ")" or "!" or "?";
        bool Plan(int k) => LemmaHas(s, k, "plan") && (s.Lemma(k) != "turėti" || k + 1 < s.Count && s.Token(k + 1).Morph.VerbForm == VerbForm.Inf);
        for (var k = i - 2; k >= 0 && !Boundary(s[k]) && s[k] != "."; k--)
            if (Plan(k)) return true;
        for (var k = i + 1; k < s.Count && !Boundary(s[k]); k++)
            if (Plan(k)) return true;
        return false;
    }

    /// <summary>Whether token i's lemma is in the time table's <paramref name="category"/> (`decision`, `speed`).</summary>
    private bool LemmaHas(Words s, int i, string category) =>
        i >= 0 && i < s.Count && s.Lemma(i) is { } lemma && words.Get(lemma, category) is not null;

    /// <summary>Whether the clause of token i holds a word of habit (Data/time-words.txt, habit): `įprastai`, `kasmet`.</summary>
    private bool Habitual(Words s, int i)
    {
        static bool Boundary(string? t) => t is null or "," or ";" or ":" or "–" or "—" or "(" or ")" or "." or "!" or "?";
        for (var k = i - 1; k >= 0 && !Boundary(s[k]); k--)
            if (Has(s, k, "habit")) return true;
        for (var k = i + 1; k < s.Count && !Boundary(s[k]); k++)
            if (Has(s, k, "habit")) return true;
        return false;
    }

    /// <summary>
    /// The year of a year-less date or month: in the past, the latest not after the DCT; in the future, the earliest
    /// not before it; otherwise the closest to it (`nuo sausio 1-osios` in an article of 19 December is next January).
    /// </summary>
    private static int YearFor(DateOnly dct, Tense tense, int month, int day, bool monthOnly = false)
    {
        var candidate = new DateOnly(dct.Year, month, Math.Min(day, DateTime.DaysInMonth(dct.Year, month)));
        var after = monthOnly ? month > dct.Month : candidate > dct;
        var before = monthOnly ? month < dct.Month : candidate < dct;
        // A day up to a month after the DCT stays in its year even with a past verb: `paskelbė, kad rugsėjo 18-ąją …`
        // in an article of 10 September announces a day to come, while `gruodžio 5 d. įvyko` is last December.
        if (tense == Tense.Past && !monthOnly && after && candidate.DayNumber - dct.DayNumber <= 31) return dct.Year;
        if (tense == Tense.Past) return after ? dct.Year - 1 : dct.Year;
        if (tense == Tense.Future) return before ? dct.Year + 1 : dct.Year;
        // Closest: months apart, counted on a 12-month circle; half a year away stays in the DCT's year.
        var monthsAhead = (month - dct.Month + 12) % 12;
        if (monthsAhead == 0 || monthsAhead == 6) return dct.Year;
        return monthsAhead < 6
            ? (month < dct.Month ? dct.Year + 1 : dct.Year)
            : (month > dct.Month ? dct.Year - 1 : dct.Year);
    }

    /// <summary>`13 d.` alone (or `7 d.` closing `gegužės 5–7 d.`): a day of the month last mentioned, else of the DCT's month.</summary>
    private Found? DayOfMonth(Words s, int i, Context c)
    {
        // `13 d.`, or an ordinal day in the cases dates take (`13-ąją` on the 13th, `iki 13-osios`); not `15-oji vieta`.
        var ordinalDay = s.IsNumber(i) && s.Lower[i].IndexOf('-') is var dash && dash > 0 && s.Lower[i][(dash + 1)..] is "ąją" or "osios" or "ąja" or "ojoje";
        // `7 d.`, or the end of a range of days in words (`6–14 dienomis`).
        var rangeEnd = i > 1 && Dashes.Contains(s[i - 1]!) && s.IsNumber(i - 2) && c.LastEnd == i - 2 && s[i + 1] is "dienomis" or "dienas" or "dienų";
        if (!s.IsAbbreviation(i + 1, "d") && !ordinalDay && !rangeEnd) return null;
        if (ordinalDay && i + 1 < s.Count && s.Pos(i + 1) is Upos.NOUN or Upos.ADJ) return null; // `15-ąją vietą`
        if (ordinalDay && (LemmaHas(s, i + 1, "street") || words.Get(s[i + 1] ?? "", "street") is not null && s[i + 2] == ".")) return null; // `Kovo 11-osios g.`
        if (ordinalDay && s[i + 1] is "bei" or "ir" or "," && s.IsNumber(i + 2) && s.Lower[i + 2].Contains('-')) return null; // `8-ąją bei 10-ąją vietą`
        if (i > 0 && (s[i - 1] is "straipsnio" or "punkto" or "dalies" or "str" or "p" or "nr" || s[i - 1] == "." && i > 1 && s[i - 2] is "str" or "p" or "nr")) return null;
        if (Day(s, i) is not { } day) return null;
        // `spalio 1–15 d.` after a habit's `XXXX-10-01`: the last day of the range is in the same any-year month.
        if (c.LastEnd == i - 2 && Dashes.Contains(s[i - 1]!) && c.LastValue is { Length: 10 } open && open.StartsWith("XXXX-", StringComparison.Ordinal) && open[5] != 'X')
            return new Found(day.Length, "DATE", $"{open[..8]}{day.Day:D2}");
        var month = c.ReferenceOr(Grain.Month);
        if (SafeDate(month.Start.Year, month.Start.Month, day.Day) is not { } date) return null;
        return WithTime(s, i + day.Length, date, new Found(day.Length, "DATE", Period.Of(Grain.Day, date).Value, Reference: Period.Of(Grain.Day, date)));
    }

    /// <summary>A time after a date joins it: `penktadienį 15 val.`, `2024-08-13 15:30`, `vakar vakare`.</summary>
    private Found WithTime(Words s, int i, DateOnly date, Found found) => WithTime(s, i, new Period(Grain.Day, date), found);

    /// <summary>A day and the time after it; a day outside the calendar (`vakar` on 0001-01-01) keeps `XXXX-XX-XX`.</summary>
    private Found WithTime(Words s, int i, Period day, Found found)
    {
        if (day.Unresolved) return found with { Value = day.Value, Reference = null };
        var date = day.Start;
        // `spalio 17 d. Vidurdienį …` opens the next sentence (the splitter kept `d.` as an abbreviation).
        if (i > 0 && s[i - 1] == "." && s.IsCapitalised(i)) return found;
        if (ClockTime(s, i, date) is { } time) return time with { Length = found.Length + time.Length };
        // A date line's `2020 m. birželio 9 d., 07:05`: a clock time after a comma.
        if (s[i] == "," && s.IsNumber(i + 1) && s.Lower[i + 1].Contains(':') && ClockTime(s, i + 1, date) is { } after)
            return after with { Length = found.Length + 1 + after.Length };
        if (DayPartWord(s, i) is { } part)
            return found with { Length = found.Length + 1, Type = "TIME", Value = Period.Of(Grain.Day, date).Value + "T" + part };
        return found;
    }

    // ---- Clock times and parts of the day -------------------------------------------------------------------

    /// <summary>`15 val.`, `15.30 val.`, `15 val. 30 min.`, `15:30`, `15 valandą`, on the given day.</summary>
    private static Found? ClockTime(Words s, int i, DateOnly day)
    {
        if (i >= s.Count || !s.IsNumber(i)) return null;
        var t = s.Lower[i];
        if (ClockRange(s, i, day) is { } range) return range;
        int hour = 0, minute = 0, length;
        // `03.13val.`, `14val.`: the abbreviation written on to the time.
        if (t.EndsWith("val", StringComparison.Ordinal) && s[i + 1] == "." && t.Length is >= 4 and <= 8)
        {
            var clock = t.AsSpan(0, t.Length - 3);
            var mark = clock.IndexOfAny('.', ':');
            var glued = mark < 0
                ? clock.Length <= 2 && int.TryParse(clock, NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                : mark is 1 or 2 && clock.Length - mark - 1 == 2 && int.TryParse(clock[..mark], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                  && int.TryParse(clock[(mark + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out minute);
            if (!glued || hour > 24 || minute > 59 || hour == 24 && minute > 0) return null;
            return new Found(2, "TIME", $"{Period.Of(Grain.Day, day).Value}T{hour:D2}:{minute:D2}", Reference: Period.Of(Grain.Day, day));
        }
        var sep = t.IndexOfAny([':', '.']);
        // `15:30`, or `15.30` with `val.` after it (a bare `15.30` may be a decimal).
        // (`iki 22.30 valandos`: the hour word written out, too.)
        if (t.Length is 4 or 5 && sep > 0 && (t[sep] == ':' || s.IsAbbreviation(i + 1, "val") || s[i + 1] is "valandos" or "valandą" or "valanda"))
        {
            // A score, not a time: `(7:10)`, `– 6:14`, `16:7` (minutes always have two digits).
            // (`pradžia – 18:00 val.`: with `val.` after it, a time.)
            if (t[sep] == ':' && (t.Length - sep - 1 != 2 || s[i - 1] is "(" or "–" or "—" or "-" && !s.IsAbbreviation(i + 1, "val") || s[i + 1] == ")")) return null;
            if (!int.TryParse(t.AsSpan(0, sep), NumberStyles.None, CultureInfo.InvariantCulture, out hour)
                || !int.TryParse(t.AsSpan(sep + 1), NumberStyles.None, CultureInfo.InvariantCulture, out minute)) return null;
            length = s.IsAbbreviation(i + 1, "val") ? 3 : s[i + 1] is "valandos" or "valandą" or "valanda" ? 2 : 1;
        }
        else if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && s.IsAbbreviation(i + 1, "val"))
        {
            length = 3;
            if (s.IsNumber(i + 3) && s.IsAbbreviation(i + 4, "min") && int.TryParse(s.Lower[i + 3], NumberStyles.None, CultureInfo.InvariantCulture, out minute)) length = 6;
        }
        else if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out hour) && s[i + 1] is "valandą" or "valandos" && hour <= 24) length = 2;
        // `nuo 17 iki 19 val.`: the first hour of a span shares the second's `val.`
        else if (s[i - 1] == "nuo" && s[i + 1] == "iki" && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            && s.IsNumber(i + 2) && (s.IsAbbreviation(i + 3, "val") || s[i + 3] is "valandos" or "valandą")) length = 1;
        // `apie 19-ą valandą`, `7-tą valandą ryto`: the hour as an ordinal.
        else if (t.IndexOf('-') is > 0 and <= 2 && s[i + 1] is "valandą" or "valandos" or "valanda" or "valandai"
            && int.TryParse(t.AsSpan(0, t.IndexOf('-')), NumberStyles.None, CultureInfo.InvariantCulture, out hour)) length = 2;
        else return null;
        // `24:31` is a score: no clock reads past 24:00.
        if (hour is < 0 or > 24 || minute is < 0 or > 59 || hour == 24 && minute > 0) return null;
        return new Found(length, "TIME", $"{Period.Of(Grain.Day, day).Value}T{hour:D2}:{minute:D2}", Reference: Period.Of(Grain.Day, day));
    }

    /// <summary>
    /// `14.15-15.15 val.`, `10:00–12:30`, `14-16 val.`: a span of clock times in one token: its start, and its end as the
    /// range's second expression. Dots and bare hours need the `val.` after them (`3.5-4.5` is no time).
    /// </summary>
    private static Found? ClockRange(Words s, int i, DateOnly day)
    {
        var t = s.Lower[i];
        var dash = t.IndexOfAny(['-', '–']);
        if (dash < 1) return null;
        var val = s.IsAbbreviation(i + 1, "val");
        static (int Hour, int Minute)? Clock(ReadOnlySpan<char> part, bool val)
        {
            var sep = part.IndexOfAny(':', '.');
            if (sep < 0)
                return val && part.Length <= 2 && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h <= 24 ? (h, 0) : null;
            if (sep is < 1 or > 2 || part.Length - sep - 1 != 2 || part[sep] == '.' && !val) return null;
            return int.TryParse(part[..sep], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour <= 24
                && int.TryParse(part[(sep + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) && minute <= 59 ? (hour, minute) : null;
        }
        if (Clock(t.AsSpan(0, dash), val) is not { } from || Clock(t.AsSpan(dash + 1), val) is not { } to) return null;
        // Both halves are written alike (`14.15-15.15`, `14-16`), and the span runs forward within the day.
        if (t.AsSpan(0, dash).IndexOfAny(':', '.') < 0 != t.AsSpan(dash + 1).IndexOfAny(':', '.') < 0 || to.Hour * 60 + to.Minute <= from.Hour * 60 + from.Minute) return null;
        var date = Period.Of(Grain.Day, day).Value;
        return new Found(val ? 3 : 1, "TIME", $"{date}T{from.Hour:D2}:{from.Minute:D2}", Reference: Period.Of(Grain.Day, day),
            RangeEnd: $"{date}T{to.Hour:D2}:{to.Minute:D2}");
    }

    /// <summary>`17 minučių po 12 valandos` → 12:17, `5 min. po 9 val.`: minutes past an hour.</summary>
    private Found? MinutesPast(Words s, int i, DateOnly day)
    {
        if (!s.IsNumber(i) || !int.TryParse(s.Lower[i], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > 59) return null;
        if (Unit(s, i + 1, abbreviated: true) is not { Unit: "MIN" } unit) return null;
        var po = i + 1 + unit.Length;
        if (s[po] != "po" || !s.IsNumber(po + 1) || !int.TryParse(s.Lower[po + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var hour) || hour is < 0 or > 23) return null;
        if (Unit(s, po + 2, abbreviated: true) is not { Unit: "H" } hours) return null;
        return new Found(po + 2 + hours.Length - i, "TIME", $"{Period.Of(Grain.Day, day).Value}T{hour:D2}:{minutes:D2}", Reference: Period.Of(Grain.Day, day));
    }

    /// <summary>A part of the day as an adverb or accusative (`vakare`, `vakarą`, `ryte`, `naktį`, `popiet`): MO, AF, EV, NI.</summary>
    private string? DayPartWord(Words s, int i)
    {
        var w = s[i];
        if (w is null || words.Get(w, "daypart") is not { } part) return null;
        // Only the forms that say "in the …": not `rytas` or `vakaro`.
        return w is "ryte" or "rytą" or "vakare" or "vakarą" or "naktį" or "popiet" or "popietę" or "vidurdienį" or "vakarop" or "pavakare"
            or "paryčiais" or "rytmetį" or "vidurnaktį" ? part : null;
    }

    /// <summary>`vakare` alone: the evening of the day last mentioned, else of the DCT.</summary>
    private Found? DayPartAlone(Words s, int i, Context c)
    {
        if (DayPartWord(s, i) is not { } part || s.Lower[i] is "rytą" or "vakarą") return null;
        // `Nuo trečiadienio iki penktadienio temperatūra naktį …`: the nights of the whole range, no one night.
        if (c.ReferenceInSentence && c.ReferenceMod is "SINCE" or "BEFORE") return null;
        var day = c.ReferenceOr(Grain.Day).Start;
        return new Found(1, "TIME", Period.Of(Grain.Day, day).Value + "T" + part);
    }

    // ---- Weekdays -----------------------------------------------------------------------------------------

    /// <summary>
    /// A weekday: with a past verb the latest such day on or before the DCT, with a future verb the next on or after
    /// it, otherwise the closest. A weekday that is the DCT's own resolves to the DCT itself: news report the same
    /// day. Plural instrumental (`sekmadieniais`) is a habit: SET `XXXX-WXX-7`.
    /// </summary>
    private Found? Weekday(Words s, int i, Context c)
    {
        var w = s.Lower[i];
        if (s.Get(i, "weekdays") is { } habit && w.EndsWith("ais"))
            return new Found(1, "SET", $"XXXX-WXX-{habit}");
        if (s.Get(i, "weekday") is not { } d) return null;
        if (w.EndsWith("is")) return null; // nominative: `Pirmadienis buvo…` names the day, it does not place an event
        // `vasaros šeštadienį`, `rugsėjo penktadienį`: some weekday of that season or month (`paskutinį vasaros šeštadienį`
        // is taken whole at `paskutinį`), not the one nearest the DCT.
        if (i > 0 && (s.Get(i - 1, "season") is not null || s.Get(i - 1, "month") is not null)) return null;
        var isoDay = int.Parse(d, CultureInfo.InvariantCulture);
        // `pirmadienį, rugsėjo 2 dieną`: a date in apposition that falls on that weekday is the weekday's date.
        if (s[i + 1] == "," && MonthExpression(s, i + 2, c) is { Value.Length: 10 } apposed
            && DateOnly.TryParseExact(apposed.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var same)
            && ((int)same.DayOfWeek + 6) % 7 + 1 == isoDay)
            return new Found(1, "DATE", apposed.Value, Reference: new Period(Grain.Day, same));
        // `rugsėjo 3-iąją, pirmadienį`, `rugsėjo 1-oji – bus šeštadienį`, and a sentence or two later `šeštadienį bus
        // įžiebta`: the weekday of the day the text just named is that day.
        if (c.Reference is { Grain: Grain.Day, Unresolved: false } told && c.ReferenceDistance <= 2 && ((int)told.Start.DayOfWeek + 6) % 7 + 1 == isoDay)
            return WithTime(s, i + 1, told, new Found(1, "DATE", told.Value, Reference: told));
        // `kas trečiojo antradienio`: some Tuesdays, no one.
        if (i > 0 && numbers.Ordinal(s.Lower[i - 1]) is not null && !s.IsNumber(i - 1)) return null;
        var day = WeekdayDate(c.Dct, isoDay, s.TenseAt(i));
        // `Kitą savaitgalį vyraus … vėjas. … Lietus numatomas nebent sekmadienį.`: a day of the week to come the text
        // just named (the last date it gave, at most two sentences back), not of the DCT's.
        if (s.TenseAt(i) != Tense.Past && c.Reference is { Grain: Grain.Week, Unresolved: false } week && c.ReferenceDistance <= 2
            && week.Start > Period.Of(Grain.Week, c.Dct).Start)
            day = new Period(Grain.Day, week.Start.AddDays(isoDay - 1));
        return WithTime(s, i + 1, day, new Found(1, "DATE", day.Value, Reference: day));
    }

    private static Period WeekdayDate(DateOnly dct, int isoDay, Tense tense, Relation? relation = null)
    {
        var today = ((int)dct.DayOfWeek + 6) % 7 + 1;
        var back = (today - isoDay + 7) % 7;
        var forward = (isoDay - today + 7) % 7;
        var days = relation switch
        {
            Relation.Past => -(back == 0 ? 7 : back),
            Relation.Next => forward == 0 ? 7 : forward,
            Relation.This => isoDay - today,
            _ => tense switch
            {
                Tense.Past => -back,
                Tense.Future => forward,
                _ => back <= forward ? -back : forward,
            },
        };
        return new Period(Grain.Day, dct).Shift(days);
    }

    // ---- Deictic words and relative periods ---------------------------------------------------------------

    /// <summary>`vakar`, `šiandien`, `rytoj`, `pernai`, `šiemet`, `kitąmet`, `šįryt` (with a part of day or time after them).</summary>
    private Found? Deictic(Words s, int i, Context c)
    {
        var w = s.Lower[i];
        if (s.Get(i, "day-offset") is { } days)
        {
            var day = new Period(Grain.Day, c.Dct).Shift(int.Parse(days, CultureInfo.InvariantCulture));
            return WithTime(s, i + 1, day, new Found(1, "DATE", day.Value, Reference: day));
        }
        if (s.Get(i, "year-offset") is { } years)
        {
            var year = Period.Year(c.Dct.Year + int.Parse(years, CultureInfo.InvariantCulture));
            if (!year.Unresolved && WithinYear(s, i + 1, c, year.Start.Year) is { } inner && inner.Type == "DATE" && inner.Mod is null)
                return inner with { Length = inner.Length + 1 };
            return new Found(1, "DATE", year.Value, Reference: year);
        }
        if (s.Get(i, "today-part") is { } part) return new Found(1, "TIME", Period.Of(Grain.Day, c.Dct).Value + "T" + part);
        // `tądien`: the day last mentioned.
        if (w == "tądien")
        {
            var that = c.ReferenceOr(Grain.Day);
            return WithTime(s, i + 1, that, new Found(1, "DATE", that.Value, Reference: that));
        }
        // `savaitgalį` alone: the weekend the tense points to (a past verb in a Monday article: the one just gone).
        if (w is "savaitgalį")
        {
            var week = Period.Of(Grain.Week, c.Dct);
            // `Velykų savaitgalį`: the weekend of the day just named.
            if (c.LastEnd == i - 1 && c.ReferenceInSentence && c.Reference is { Grain: Grain.Day, Unresolved: false } named)
            {
                var its = Period.Of(Grain.Week, named.Start);
                return new Found(1, "DATE", its.Value + "-WE", Reference: its);
            }
            var weekend = c.Dct.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? week
                : s.TenseAt(i) == Tense.Past ? week.Shift(-1)
                : s.TenseAt(i) == Tense.Future ? week
                : c.Dct.DayOfWeek <= DayOfWeek.Tuesday ? week.Shift(-1) : week;
            return weekend.Unresolved ? null : new Found(1, "DATE", weekend.Value + "-WE", Reference: weekend);
        }
        // `pernykščio pavasario`: a season of last year.
        if (w.StartsWith("pernykš", StringComparison.Ordinal) && s[i + 1] is { } next && words.Get(next, "season") is { } season)
        {
            var p = Period.Season(c.Dct.Year - 1, season);
            return new Found(2, "DATE", p.Value, Reference: p);
        }
        return null;
    }

    private static Relation? RelationOf(string? w) => w switch
    {
        null => null,
        _ when ThisForms.Contains(w) => Relation.This,
        _ when NextForms.Contains(w) || w.StartsWith("ateinan", StringComparison.Ordinal) || w.StartsWith("būsim", StringComparison.Ordinal) => Relation.Next,
        _ when w.StartsWith("praėjus", StringComparison.Ordinal) || w.StartsWith("praeit", StringComparison.Ordinal) => Relation.Past,
        _ when ThatForms.Contains(w) => Relation.Same,
        _ => null,
    };

    private static Grain? UnitGrain(string unit) => unit switch
    {
        "D" or "DAY24" => Grain.Day,
        "W" => Grain.Week,
        "M" => Grain.Month,
        "Y" => Grain.Year,
        "Q" => Grain.Quarter,
        "HALF" => Grain.Half,
        "DECADE" => Grain.Decade,
        "CENTURY" => Grain.Century,
        _ => null,
    };

    /// <summary>
    /// `šią savaitę`, `praėjusį mėnesį`, `kitais metais`, `ateinančiais metais`, `tą pačią dieną`, `kitą dieną`,
    /// `šį rudenį`, `praėjusį penktadienį`, `šį savaitgalį`, `tų metų rudenį`, `šios savaitės pradžioje`,
    /// `šių metų kovo 3 d.`: a period relative to the DCT, or (`tas`, `kita diena`) to the date last mentioned.
    /// </summary>
    private Found? RelativePeriod(Words s, int i, Context c)
    {
        // `artimiausią pirmadienį`: the next Monday (`artimiausiu metu` is vague, not next year).
        var nearest = s.Lower[i].StartsWith("artimiausi", StringComparison.Ordinal) && s[i + 1] is { } day1 && words.Get(day1, "weekday") is not null;
        if ((RelationOf(s.Lower[i]) ?? (nearest ? Relation.Next : null)) is not { } relation) return null;
        var j = i + 1;
        if (relation == Relation.Same && s[j] is { } same && (same.StartsWith("pat", StringComparison.Ordinal) || same.StartsWith("pač", StringComparison.Ordinal))) j++;
        if (j >= s.Count) return null;
        var w = s.Lower[j];
        var tense = s.TenseAt(i);

        if (s.Get(j, "weekday") is { } weekday && relation != Relation.Same)
        {
            // `Kitas penktadienio vakare …` is another one (a subject), not next Friday: the words do not agree in case.
            if (s.Token(i).Morph.Case is var c1 and not Case.None && s.Token(j).Morph.Case is var c2 and not Case.None && c1 != c2) return null;
            var day = WeekdayDate(c.Dct, int.Parse(weekday, CultureInfo.InvariantCulture), tense, relation);
            return WithTime(s, j + 1, day, new Found(j + 1 - i, "DATE", day.Value, Reference: day));
        }
        if (s.Get(j, "season") is { } season)
        {
            var p = RelativeSeason(c, season, relation);
            return new Found(j + 1 - i, "DATE", p.Value, Reference: p);
        }
        if (s.Get(j, "daypart") is { } part && relation is Relation.This or Relation.Same)
        {
            var day = relation == Relation.This ? c.Dct : c.ReferenceOr(Grain.Day).Start;
            return new Found(j + 1 - i, "TIME", Period.Of(Grain.Day, day).Value + "T" + part);
        }
        if (s.Get(j, "unit") is not { } unit) return null;
        // `kitomis dienomis`, `kitais mėnesiais`: on other days, no one period (`kitais metais` is next year).
        if (relation == Relation.Next && w is "dienomis" or "savaitėmis" or "mėnesiais") return null;
        if (unit == "WE")
        {
            var week = RelativeTo(c, Grain.Week, relation);
            // `šį savaitgalį vykusio` in a Monday's article: the weekend just gone.
            if (relation == Relation.This && tense == Tense.Past && c.Dct.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday) week = week.Shift(-1);
            return new Found(j + 1 - i, "DATE", week.Value + "-WE", Reference: week);
        }
        if (UnitGrain(unit) is not { } grain) return null;
        if (grain == Grain.Day && relation == Relation.This)
        {
            // `šiomis dienomis` is these days; `šias dienas`, `abi šios dienos` are several days, no one.
            if (w == "dienomis") return new Found(j + 1 - i, "DATE", "PRESENT_REF");
            if (w is "dienas" or "dienose" or "dienoms" or "dienų" || s[i - 1] is "abi" or "abidvi" or "visos" or "kelios" or "tos"
                || w == "dienos" && s.Token(j).Morph.IsPlural && s.Token(i).Morph.Case == Case.Nom) return null;
            // `Liepos 6 d. minima Valstybės diena. … kad ši diena būtų įprasminta`: the day the text named; when it named
            // several, which one is unknown.
            var named = c.DaysNamed();
            if (named.Count > 1) return null;
            if (named.Count == 1) return WithTime(s, j + 1, named[0], new Found(j + 1 - i, "DATE", named[0].Value, Reference: named[0]));
        }
        // `kita diena` is the day after the one last mentioned; `kitą savaitę` the week after the DCT's.
        var period = relation == Relation.Next && grain == Grain.Day
            ? c.ReferenceOr(Grain.Day).As(Grain.Day).Shift(1)
            : RelativeTo(c, grain, relation);
        var length = j + 1 - i;
        var found = new Found(length, "DATE", period.Value, Reference: period);
        if (grain == Grain.Day) return WithTime(s, j + 1, period, found);
        if (period.Unresolved) return found;
        // A genitive unit opens a longer expression: `tų metų rudenį`, `šių metų kovo 3 d.`, `šios savaitės pradžioje`.
        if (grain == Grain.Year && WithinYear(s, j + 1, c, period.Start.Year) is { } inner) return inner with { Length = inner.Length + length };
        if (grain == Grain.Month && Day(s, j + 1) is { } d && s.IsAbbreviation(j + 2, "d") && SafeDate(period.Start.Year, period.Start.Month, d.Day) is { } date)
            return new Found(length + d.Length, "DATE", Period.Of(Grain.Day, date).Value, Reference: Period.Of(Grain.Day, date));
        return WithPart(s, j + 1, found);
    }

    private static Period RelativeTo(Context c, Grain grain, Relation relation) => relation switch
    {
        Relation.This => Period.Of(grain, c.Dct),
        Relation.Past => Period.Of(grain, c.Dct).Shift(-1),
        Relation.Next => Period.Of(grain, c.Dct).Shift(1),
        _ => c.ReferenceOr(grain).As(grain),
    };

    /// <summary>`šį rudenį` = the autumn of the DCT's year; `praėjusį rudenį` the last autumn before the DCT's season; `kitą` the next.</summary>
    private static Period RelativeSeason(Context c, string season, Relation relation)
    {
        var current = Period.Of(Grain.Season, c.Dct);
        var thisYear = Period.Season(relation == Relation.Same ? c.ReferenceOr(Grain.Year).Start.Year : c.Dct.Year, season);
        if (relation == Relation.Same) return thisYear;
        if (relation == Relation.This) return season == "WI" && c.Dct.Month <= 2 ? Period.Season(c.Dct.Year - 1, season) : thisYear;
        var p = thisYear;
        if (relation == Relation.Past) while (!p.Unresolved && p.Start >= current.Start) p = p.Shift(-4);
        else while (!p.Unresolved && p.Start <= current.Start) p = p.Shift(4);
        return p;
    }

    /// <summary>`rudenį`, `pavasarį` alone: the nearest such season in the direction of the tense (the current one if it is that season).</summary>
    private Found? SeasonAlone(Words s, int i, Context c)
    {
        var w = s.Lower[i];
        if (s.Get(i, "season") is not { } season || !(w.EndsWith('į') || w.EndsWith('ą') || w.EndsWith("je"))) return null;
        if (s.TenseAt(i) == Tense.Present && Habitual(s, i)) return new Found(1, "DATE", $"XXXX-{season}");
        var current = Period.Of(Grain.Season, c.Dct);
        var p = Period.Season(c.Dct.Year, season);
        if (season == "WI" && c.Dct.Month <= 2) p = Period.Season(c.Dct.Year - 1, season);
        var tense = s.TenseAt(i);
        if (tense == Tense.Past && !p.Unresolved && p.Start > current.Start) p = p.Shift(-4);
        if (tense == Tense.Future && !p.Unresolved && p.Start < current.Start) p = p.Shift(4);
        return new Found(1, "DATE", p.Value, Reference: p);
    }

    // ---- Quarters, halves, centuries, decades ---------------------------------------------------------------

    /// <summary>`pirmąjį ketvirtį` → Q1, `antrajame pusmetyje` → H2, `I ketv.`: of the given year, else of the DCT's.</summary>
    private Found? OrdinalPeriod(Words s, int i, Context c) => OrdinalPeriod(s, i, c, c.Dct.Year, yearGiven: false);

    /// <remarks>A year may stand between the ordinal and the unit: `pirmąjį 2014 m. ketvirtį`, `antrą 2002-ųjų pusmetį`,
    /// `trečią praėjusių metų ketvirtį`.</remarks>
    private Found? OrdinalPeriod(Words s, int i, Context c, int year, bool yearGiven = true)
    {
        if (i + 1 >= s.Count) return null;
        var last = s.Lower[i].StartsWith("paskutin", StringComparison.Ordinal); // `paskutinį ketvirtį`: the fourth
        var n = numbers.Ordinal(s.Lower[i]) ?? RomanNumeral(s.Token(i).Span) ?? (last ? 0 : null);
        if (n is not { } k) return null;
        var u = i + 1;
        if (Year(s, u) is { } inner)
        {
            year = inner.Year;
            u += inner.Length;
            yearGiven = true;
        }
        else if (RelationOf(s[u]) is { } relation && relation != Relation.Same && s[u + 1] is "metų")
        {
            var relative = RelativeTo(c, Grain.Year, relation);
            if (relative.Unresolved) return null;
            year = relative.Start.Year;
            u += 2;
            yearGiven = true;
        }
        if (u >= s.Count) return null;
        var unitLength = s.IsAbbreviation(u, "ketv") ? 2 : 1;
        var unit = unitLength == 2 ? "Q" : s.Get(u, "unit");
        if (last) k = unit == "Q" ? 4 : 2;
        // `po pirmojo ketvirčio atsiliko 18:20`: a quarter of a game, not of the year.
        if (unit == "Q" && !yearGiven && InGame(s)) return null;
        Period p;
        if (unit == "Q" && k is >= 1 and <= 4) p = new Period(Grain.Quarter, new DateOnly(year, 3 * k - 2, 1));
        else if (unit == "HALF" && k is 1 or 2) p = new Period(Grain.Half, new DateOnly(year, 6 * k - 5, 1));
        else return null;
        return WithPart(s, u + unitLength, new Found(u - i + unitLength, "DATE", p.Value, Reference: p));
    }

    /// <summary>
    /// `paskutinį vasaros šeštadienį`, `pirmąjį rugsėjo sekmadienį`, `antrąjį gegužės sekmadienį`: the first (second, …)
    /// or last such weekday of a season or month of the DCT's year (a month the tense puts in the next or last year).
    /// </summary>
    private Found? NthWeekday(Words s, int i, Context c)
    {
        if (i + 2 >= s.Count || s.Get(i + 2, "weekday") is not { } weekday || s.Lower[i + 2].EndsWith("is")) return null;
        var last = s.Lower[i].StartsWith("paskutin", StringComparison.Ordinal);
        if (!last && numbers.Ordinal(s.Lower[i]) is not (>= 1 and <= 5)) return null;
        var iso = int.Parse(weekday, CultureInfo.InvariantCulture);
        DateOnly from, to;
        if (s.Get(i + 1, "season") is { } season && s.Lower[i + 1].EndsWith('s'))
        {
            var p = Period.Season(season == "WI" && c.Dct.Month <= 2 ? c.Dct.Year - 1 : c.Dct.Year, season);
            if (p.Unresolved) return null;
            from = p.Start;
            to = p.Start.AddMonths(3).AddDays(-1);
        }
        else if (s.Lower[i + 1] == "mėnesio" && c.ReferenceOr(Grain.Month) is { Unresolved: false } named)
        {
            // `paskutinį mėnesio šeštadienį`: of the month the text speaks of (the DCT's when it named none).
            from = new DateOnly(named.Start.Year, named.Start.Month, 1);
            to = from.AddMonths(1).AddDays(-1);
        }
        else if (Month(s, i + 1, strict: false) is { Length: 1 } month && (s.Lower[i + 1].EndsWith('o') || s.Lower[i + 1].EndsWith("ės")))
        {
            var year = YearFor(c.Dct, s.TenseAt(i), month.Month, 1, monthOnly: true);
            if (!Period.InRange(year)) return null;
            from = new DateOnly(year, month.Month, 1);
            to = from.AddMonths(1).AddDays(-1);
        }
        else return null;
        static int Iso(DateOnly d) => ((int)d.DayOfWeek + 6) % 7 + 1;
        DateOnly day;
        if (last) day = to.AddDays(-((Iso(to) - iso + 7) % 7));
        else
        {
            day = from.AddDays((iso - Iso(from) + 7) % 7 + 7 * (numbers.Ordinal(s.Lower[i])!.Value - 1));
            if (day > to) return null;
        }
        var found = new Period(Grain.Day, day);
        return WithTime(s, i + 3, found, new Found(3, "DATE", found.Value, Reference: found));
    }

    /// <summary>
    /// Whether the sentence tells of a game: a word of one (Data/time-words.txt, game: `kėlinys`, `rungtynės`,
    /// `komanda`, `varžovas`, …) is in it. There a `ketvirtis` is a quarter of the game.
    /// </summary>
    private bool InGame(Words s)
    {
        bool colon = false, scoreWord = false;
        for (var k = 0; k < s.Count; k++)
        {
            if (Has(s, k, "game") || Score(s, k)) return true;
            // `pirmąjį ketvirtį lietuviai pralaimėjo – 16:21`: a score by a word of one, with a pair of numbers.
            colon |= s.IsNumber(k) && s.Lower[k].Contains(':');
            scoreWord |= LemmaHas(s, k, "score");
        }
        return colon && scoreWord;
    }

    /// <summary>`45:39`: two numbers with a colon that no clock reads (hours past 24 or minutes past 59), a score.</summary>
    private static bool Score(Words s, int k)
    {
        if (!s.IsNumber(k)) return false;
        var form = s.Lower[k].AsSpan();
        var colon = form.IndexOf(':');
        return colon > 0 && int.TryParse(form[..colon], out var a) && int.TryParse(form[(colon + 1)..], out var b) && (a > 24 || b > 59);
    }

    private static bool AllUpper(ReadOnlySpan<char> form)
    {
        foreach (var ch in form)
            if (!char.IsUpper(ch)) return false;
        return true;
    }

    private static int? RomanNumeral(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 6 || s.IndexOfAnyExcept("IVXLC") >= 0) return null;
        int total = 0, previous = 0;
        for (var i = s.Length - 1; i >= 0; i--)
        {
            var v = s[i] switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, _ => 100 };
            total += v < previous ? -v : v;
            previous = Math.Max(previous, v);
        }
        return total;
    }

    /// <summary>
    /// `XX a.`, `XXI amžiaus pradžioje`, `praėjusio amžiaus pabaigoje`, `9-ajame dešimtmetyje` (the 1980s unless a
    /// century is named), `XX a. 9-ajame dešimtmetyje`.
    /// </summary>
    private Found? CenturyOrDecade(Words s, int i, Context c)
    {
        Period? century = null;
        var length = 0;
        if (RomanNumeral(s.Token(i).Span) is { } roman && roman is >= 1 and <= 30)
        {
            if (s.IsAbbreviation(i + 1, "a")) length = 3;
            else if (s[i + 1] is { } u && words.Get(u, "unit") == "CENTURY" && u != "a") length = 2;
            if (length > 0) century = new Period(Grain.Century, new DateOnly(Math.Max(1, (roman - 1) * 100), 1, 1));
        }
        else if (RelationOf(s.Lower[i]) is Relation.Past or Relation.This && s[i + 1] is "amžiaus" or "amžiuje" or "amžiaus")
        {
            century = Period.Of(Grain.Century, c.Dct).Shift(RelationOf(s.Lower[i]) == Relation.Past ? -1 : 0);
            length = 2;
        }
        if (century is { } cent)
        {
            if (Decade(s, i + length, cent) is { } decade) return decade with { Length = decade.Length + length };
            return WithPart(s, i + length, new Found(length, "DATE", cent.Value, Reference: cent));
        }
        return Decade(s, i, new Period(Grain.Century, new DateOnly(1900, 1, 1)));
    }

    private Found? Decade(Words s, int i, Period century)
    {
        if (i + 1 >= s.Count || numbers.Ordinal(s.Lower[i]) is not { } n || n is < 1 or > 10) return null;
        if (s.Get(i + 1, "unit") != "DECADE") return null;
        var decade = century.Unresolved ? Period.Unknown(Grain.Decade) : new Period(Grain.Decade, century.Start.AddYears(10 * (n - 1)));
        return WithPart(s, i + 2, new Found(2, "DATE", decade.Value, Reference: decade));
    }

    // ---- Offsets, durations, frequencies ----------------------------------------------------------------------

    /// <summary>An amount: digits, number words (`trejus`, `dvidešimt penkerius`), `kelias` (X), `pusę` (½).</summary>
    private (string Value, double? Number, int Length)? Amount(Words s, int i)
    {
        if (i >= s.Count) return null;
        var t = s.Lower[i];
        if (s.IsNumber(i) && double.TryParse(t.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var digits))
            return (digits.ToString(CultureInfo.InvariantCulture), digits, 1);
        if (words.Get(t, "amount") is { } couple) return (couple, double.Parse(couple, CultureInfo.InvariantCulture), 1);
        if (!numbers.TryGet(t, out var word)) return null;
        if (word.Indefinite) return ("X", null, 1);
        var value = word.Value!.Value;
        var length = 1;
        // Tens followed by units: `dvidešimt penkerius`.
        if (value is >= 20 and < 100 && value % 10 == 0 && i + 1 < s.Count && numbers.TryGet(s.Lower[i + 1], out var unitWord) && unitWord.Value is >= 1 and < 10)
        {
            value += unitWord.Value.Value;
            length = 2;
        }
        return (value.ToString(CultureInfo.InvariantCulture), value, length);
    }

    /// <summary>
    /// `prieš dvejus metus` → the year two before the DCT's; `prieš 10 dienų` → that day; `prieš savaitę`; `po trijų
    /// savaičių` → that week; `prieš kelerius metus` → PAST_REF.
    /// </summary>
    private Found? Offset(Words s, int i, Context c)
    {
        var sign = s.Lower[i] == "prieš" ? -1 : 1;
        var j = i + 1;
        var amount = Amount(s, j);
        var k = amount is { } a ? j + a.Length : j;
        if (Unit(s, k, abbreviated: amount is not null) is not { } unit) return null;
        var end = k + unit.Length;
        // `prieš penkias minutes`, `po dviejų valandų`: within the day of the DCT (or of the day last mentioned).
        if (unit.Unit is "H" or "MIN" && amount is { Number: { } small } && small < 24 * 60 / (unit.Unit == "H" ? 60 : 1))
        {
            // `dar po dešimties minučių įvartį pelnė`: minutes of a game's clock, no day.
            if (unit.Unit == "MIN" && InGame(s)) return null;
            var today = sign < 0 || s.TenseAt(i) != Tense.Past ? Period.Of(Grain.Day, c.Dct) : c.ReferenceOr(Grain.Day);
            return new Found(end - i, "DATE", today.Value, Reference: today);
        }
        if (UnitGrain(unit.Unit) is not { } grain || grain > Grain.Decade) return null;
        // `prieš tris dešimtmečius`: thirty years ago, a year.
        var perUnit = 1;
        if (grain == Grain.Decade) (grain, perUnit) = (Grain.Year, 10);
        // `po trijų mėnesių pertraukos`, `po dviejų savaičių atostogų`: `po` governs the noun; the amount is its length. (A
        // genitive whose lemma is its own form is an unknown word the tagger guessed, often a verb: `po trijų savaičių prasidės`.)
        if (sign > 0 && end < s.Count && s.Pos(end) == Upos.NOUN && s.Token(end).Morph.Case == Case.Gen && !words.Has(s.Lower[end])
            && s.Lemma(end) is { } lemma && lemma != s.Lower[end]) return null;
        if (amount is { Value: "X" }) return new Found(end - i, "DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF");
        var count = (amount is { Number: { } n } ? n : 1) * perUnit;
        // `prieš 2008 metų` is before the year 2008, not 2008 years ago.
        if (count >= 1000) return null;
        // `prieš pustrečių metų`: two and a half years, counted in months.
        if (count != Math.Floor(count))
        {
            if (grain != Grain.Year || count * 12 != Math.Floor(count * 12)) return null;
            var months = Period.Of(Grain.Month, c.Dct).Shift(sign * (int)(count * 12)).As(Grain.Year);
            return new Found(end - i, "DATE", months.Value, Reference: months);
        }
        Period from;
        if (sign < 0 || s.TenseAt(i) != Tense.Past) from = Period.Of(grain, c.Dct);
        // `po trijų dienų mirė` counts from a day the text told before; when it told none at that grain, the day is
        // unknown: three days after the publication would be a day to come in a story already over.
        else if (c.ReferenceAt(grain) is { } told) from = told;
        else return new Found(end - i, "DATE", Period.Unknown(grain).Value);
        var p = from.Shift(sign * (int)count);
        return new Found(end - i, "DATE", p.Value, Reference: p);
    }

    /// <summary>A unit word at k (`dienas`, `metų`), or, after a number, an abbreviated one with its period (`d.`, `sav.`, `m.`).</summary>
    private (string Unit, int Length)? Unit(Words s, int k, bool abbreviated)
    {
        if (k >= s.Count) return null;
        if (abbreviated && s[k + 1] == "." && s.Get(k, "unit-abbr") is { } abbr) return (abbr, 2);
        return s.Get(k, "unit") is { } unit ? (unit, 1) : null;
    }

    /// <summary>
    /// `1 sav. prieš`, `2 d. prieš` (date lines), `trejus metus prieš tai` (before the date last mentioned): an offset
    /// with `prieš` after it. Before a noun (`dvi dienas prieš rinkimus`) it counts from an event, not taken here.
    /// </summary>
    private Found? PostposedOffset(Words s, int i, Context c)
    {
        if (Amount(s, i) is not { Number: { } n } amount || n != Math.Floor(n) || n >= 1000) return null;
        var k = i + amount.Length;
        if (Unit(s, k, abbreviated: true) is not { } unit || UnitGrain(unit.Unit) is not { } grain || grain > Grain.Year) return null;
        var p = k + unit.Length;
        if (s[p] != "prieš") return null;
        var that = s[p + 1] is "tai" or "tą";
        if (!that && p + 1 < s.Count && s.IsWordOrNumber(p + 1)) return null;
        var from = that ? c.ReferenceOr(grain).As(grain) : Period.Of(grain, c.Dct);
        var period = from.Shift(-(int)n);
        return new Found(p + 1 - i + (that ? 1 : 0), "DATE", period.Value, Reference: period);
    }

    /// <summary>
    /// `metų pabaigoje`, `mėnesio pradžioje`, `savaitės viduryje`: a part of the current year, month or week, or of the
    /// period mentioned earlier in the same sentence (`2019 m. kovą …, o metų pabaigoje` is the end of 2019).
    /// </summary>
    private Found? UnitPart(Words s, int i, Context c)
    {
        if (s.Lower[i] is not ("metų" or "mėnesio" or "savaitės") || PartOf(s, i + 1) is not { } part) return null;
        // `mokslo metų pradžia`, `finansinių metų pabaigoje`: a school or fiscal year, not the calendar's.
        if (i > 0 && s.Pos(i - 1) is Upos.NOUN or Upos.ADJ) return null;
        var grain = s.Get(i, "unit") switch { "Y" => Grain.Year, "M" => Grain.Month, _ => Grain.Week };
        var period = c.ReferenceInSentence && c.Reference is { } r && r.Grain <= grain && r.Grain != Grain.Season ? r.As(grain) : Period.Of(grain, c.Dct);
        return new Found(2, "DATE", period.Value, part, period);
    }

    /// <summary>`likus trims dienoms iki susitikimo`: an offset from an event, resolved later if the text dates the event.</summary>
    private Found? Countdown(Words s, int i, Context c)
    {
        var j = i + 1;
        if (s[j] is "vos" or "tik" or "dar" or "vienai") j += s[j] == "vienai" ? 0 : 1;
        var amount = Amount(s, j);
        var k = amount is { } a ? j + a.Length : j;
        if (k >= s.Count || s.Get(k, "unit") is not { } unit || UnitGrain(unit) is null) return null;
        // The event: the head noun of the genitive phrase after `iki`, up to the next punctuation.
        string? eventLemma = null;
        if (s[k + 1] == "iki")
            for (var e = k + 2; e < s.Count && (s.IsWordOrNumber(e) || s.Has(e, TokenFlags.AbbreviationPeriod)); e++)
                if (s.Pos(e) == Upos.NOUN) eventLemma = s.Lemma(e);
        return new Found(k + 1 - i, "DATE", "XXXX-XX-XX", Anchor: eventLemma ?? "?");
    }

    private (Grain Grain, int Count)? AnchorOffset(Words s, int i, int length)
    {
        for (var k = i + length - 1; k > i; k--)
            if (s.Get(k, "unit") is { } unit && UnitGrain(unit) is { } grain)
            {
                var amount = Amount(s, k - 1);
                return (grain, amount is { Number: { } n } ? (int)n : 1);
            }
        return null;
    }

    /// <summary>
    /// `trejus metus` → P3Y, `dvi valandas` → PT2H, `kelias savaites` → PXW, `pusmetį` → P6M, `parą` → P1D,
    /// `pusę metų` → P6M. An age (`20 metų vyras`, `20 metų amžiaus`) is not a duration.
    /// </summary>
    private Found? Duration(Words s, int i)
    {
        var w = s.Lower[i];
        // `tamsiuoju paros metu`: a time of day, no length.
        if (w is "parą" or "paros") return s[i + 1] is "metu" or "laiku" ? null : new Found(1, "DURATION", "P1D");
        if (w is "pusmetį" or "pusmečio") return new Found(1, "DURATION", "P6M");
        if (w is "pusvalandį" or "pusvalandžio" or "pusvalandis") return new Found(1, "DURATION", "PT30M");
        if (w is "visą" or "visus" or "ištisus" or "ištisą" && s[i + 1] is { } whole && words.Get(whole, "unit") is { } u1 && DurationValue("1", u1) is { } v1)
            return new Found(2, "DURATION", v1);
        if (Amount(s, i) is not { } amount) return null;
        var k = i + amount.Length;
        if (k >= s.Count) return null;
        var unitToken = s.IsAbbreviation(k, "val") || s.IsAbbreviation(k, "min") || s.IsAbbreviation(k, "mėn") ? 2 : 1;
        if (s.Get(k, "unit") is not { } unit || unit == "WE" || s.Lower[k] == "a") return null;
        if (unit == "Q" && InGame(s)) return null; // `per tris ketvirčius` of a game
        // `suimti 1–2 mėnesiams`: the upper end of a range of lengths is no length of its own.
        if (i > 1 && Dashes.Contains(s[i - 1]!) && s.IsNumber(i - 2)) return null;
        if (unit == "Y" && (IsAge(s, k + unitToken) || IsAgeLimit(s, i, k + unitToken) || IsAgeByWords(s, i, k, k + unitToken))) return null;
        // `23 metų ir 152 dienų amžiaus`, `3 mėnesių amžiaus`: days and months of an age.
        if (unit is "M" or "W" or "D" && AgeList(s, k + unitToken)) return null;
        // `56 minutę`, `5 dieną`, `iki 27 minutės`: a singular unit after a number not ending in 1 counts the minute or day,
        // it is no length (after `iki`, `nuo` a length is plural: `iki 27 minučių`).
        var singular = s.Lower[k] is "minutę" or "valandą" or "dieną" or "savaitę" or "mėnesį"
            || s[i - 1] is "iki" or "nuo" && s.Lower[k] is "minutės" or "dienos" or "savaitės" or "mėnesio";
        if (unitToken == 1 && singular && amount.Number is { } count && count == Math.Floor(count) && (count % 10 != 1 || count % 100 == 11)) return null;
        // `Įvarčiai: 18 min. Grigoris Kastanos, 63 min. …`, `(77 min. Dominykas Taučas)`: the minute of a game, before a name
        // (often cut off by the sentence splitter at `min.`), in a list, not in a clause.
        if (unit == "MIN" && unitToken == 2 && i > 0 && s[i - 1] is ":" or "," or ";" or "("
            && (k + 2 >= s.Count || s.IsCapitalised(k + 2) && s.IsCapitalised(k + 3))) return null;
        var value = amount.Number is 0.5 ? HalfOf(unit) : DurationValue(amount.Value, unit);
        // `15 min. intervalu`, `2 val. periodiškumu`: how often, a SET.
        if (value is not null && Has(s, k + unitToken, "interval")) return new Found(amount.Length + unitToken + 1, "SET", value);
        return value is null ? null : new Found(amount.Length + unitToken, "DURATION", value);
    }

    /// <summary>`1 val.`, `30 min.` after `per`: a length of hours or minutes (`per 2 val.` is within two hours).</summary>
    private Found? HoursOrMinutes(Words s, int i)
    {
        if (Amount(s, i) is not { Number: > 0 } amount || Unit(s, i + amount.Length, abbreviated: true) is not { Unit: "H" or "MIN" } unit) return null;
        return DurationValue(amount.Value, unit.Unit) is { } value ? new Found(amount.Length + unit.Length, "DURATION", value) : null;
    }

    /// <summary>`dvi su puse valandos` → PT2H30M, `dveji su puse metų` → P2Y6M: an amount, `su puse`, a unit.</summary>
    private Found? AndAHalf(Words s, int i)
    {
        if (Amount(s, i) is not { Number: { } n } amount || n != Math.Floor(n)) return null;
        var k = i + amount.Length;
        if (s[k] != "su" || s[k + 1] != "puse" || Unit(s, k + 2, abbreviated: true) is not { } unit) return null;
        var whole = amount.Value;
        string? value = unit.Unit switch
        {
            "Y" => $"P{whole}Y6M",
            "M" => $"P{whole}M15D",
            "D" or "DAY24" => $"P{whole}DT12H",
            "H" => $"PT{whole}H30M",
            "MIN" => $"PT{whole}M30S",
            "W" => $"P{7 * n + 3}DT12H",
            _ => null,
        };
        return value is null ? null : new Found(k + 2 + unit.Length - i, "DURATION", value);
    }

    /// <summary>
    /// `vaikinų iki 16 metų rinktinė`, `iki 18 metų vaikams`: an age limit of a group, not a length of time.
    /// </summary>
    private bool IsAgeLimit(Words s, int amount, int next) =>
        amount > 0 && s[amount - 1] is "iki" or "nuo" or "virš" or "jaunesni" or "vyresni"
        && (amount > 1 && (IsPerson(s, amount - 2) || LemmaIn(s, amount - 2, "group"))
            || next < s.Count && (IsPerson(s, next) || LemmaIn(s, next, "group")));

    /// <summary>Whether token i's lemma is a noun of a person (Data/person-nouns.txt).</summary>
    private bool IsPerson(Words s, int i) => LemmaIn(s, i, "person");

    /// <summary>Whether token i's lemma is a noun of <paramref name="kind"/> (`person`, `group`) in Data/person-nouns.txt.</summary>
    private bool LemmaIn(Words s, int i, string kind) => i >= 0 && i < s.Count && s.Lemma(i) is { } lemma && words.IsNoun(lemma, kind);

    /// <summary>A unit alone after `per`, `beveik`, `ilgiau nei` (`per savaitę`, `beveik valandą`): one of it.</summary>
    private Found? BareUnit(Words s, int i) =>
        s[i] is { } w && s.Get(i, "unit") is { } unit && unit is not ("WE" or "CENTURY") && DurationValue("1", unit) is { } value
            ? new Found(1, "DURATION", value)
            : null;

    /// <summary>
    /// `sukako 80 metų`, `būdamas 20 metų`, `80 metų jubiliejų`, `18 metų ir vyresni`, `vyresni nei 65 metų`, `vyrui 70
    /// metų.`, `Jam buvo 45 metai,`: an age by the words around it (Data/time-words.txt, age-*), or a dative owner
    /// with nothing after the years.
    /// </summary>
    private bool IsAgeByWords(Words s, int amount, int unit, int next)
    {
        var before = amount - 1;
        if (s[before] is "jau" or "tik" or "vos" or "net" or "dar") before--;
        if (Has(s, before, "age-before")) return true;
        if (Has(s, next, "age-after") || s[next] is "ir" or "ar" && Has(s, next + 1, "age-compare")) return true;
        if (s[amount - 1] is "nei" or "negu" or "kaip" && Has(s, amount - 2, "age-compare")) return true;
        if (AgeList(s, next)) return true;
        // A dative owner (`vyrui 70 metų.`, `Jam buvo 45 metai,`) with the clause ending after the years.
        if (s.Lower[unit] is not ("metų" or "metai") || next < s.Count && s.IsWordOrNumber(next)) return false;
        bool Dative(int k) => s.Pos(k) is Upos.NOUN or Upos.PRON or Upos.PROPN or Upos.DET && s.Token(k).Morph.Case == Case.Dat; // `kuriam galėtų būti 40 metų`
        if (amount > 0 && Dative(amount - 1)) return true;
        // `Jam buvo 45 metai`, `D. Bardadimui nusikaltimo metu buvo 17 metų.`: `būti` with a dative owner in the clause.
        // (`paauglėms yra 12 ir 16 metų`: the verb before a list of ages.)
        var verb = amount - 1;
        while (verb > 0 && (s.IsNumber(verb) || s[verb] is "ir" or "ar" or "," or "–" or "-" or "apie" or "maždaug" or "beveik" or "bent")) verb--;
        if (amount == 0 || s.Lemma(verb) != "būti") return false;
        for (var k = verb - 1; k >= 0 && k >= verb - 7; k--)
        {
            if (s[k] == ".") continue; // an initial's period: `D. Bardadimui`
            if (!s.IsWordOrNumber(k)) break;
            if (Dative(k)) return true;
        }
        return false;
    }

    /// <summary>
    /// `20–29 metų ir 50–56 m. amžiaus grupėms`, `23 metų ir 152 dienų amžiaus`: a list of ages ending in `amžiaus`,
    /// from token <paramref name="next"/> on.
    /// </summary>
    private static bool AgeList(Words s, int next)
    {
        for (var k = next; k < s.Count && k < next + 8; k++)
        {
            if (s[k] == "amžiaus") return true;
            if (!s.IsNumber(k) && s[k] is not ("ir" or "ar" or "–" or "-" or "m" or "." or "metų" or "," or "mėnesių" or "mėn" or "savaičių" or "dienų" or "d")) break;
        }
        return false;
    }

    /// <summary>Whether token i's form or lemma is in the time table's <paramref name="category"/>.</summary>
    private bool Has(Words s, int i, string category) =>
        i >= 0 && i < s.Count && (s.Get(i, category) is not null || s.Lemma(i) is { } lemma && words.Get(lemma, category) is not null);

    private bool IsAge(Words s, int next) =>
        next < s.Count && (s[next] == "amžiaus" || IsPerson(s, next) || PersonAfterPlace(s, next)
            || s.Form(next) is { Length: 1 } initial && char.IsUpper(initial[0]) && s[next + 1] == "." // `42 metų A. D.`
            || next + 1 < s.Count && s.Pos(next) == Upos.ADJ && IsPerson(s, next + 1));

    /// <summary>`22 metų Kauno rajono gyventojas`: a person noun after the genitive of a place.</summary>
    private bool PersonAfterPlace(Words s, int next)
    {
        for (var k = next; k < s.Count && k < next + 4; k++)
        {
            // (`gyventojas` only after the place: `10 metų gyventojų sumažėjo` counts residents.)
            if (IsPerson(s, k) || s.Lemma(k) is "gyventojas" or "gyventoja") return k > next;
            if (!(s.Pos(k) == Upos.PROPN && s.IsCapitalised(k)) && s[k] is not ("rajono" or "miesto" or "apskrities" or "savivaldybės" or "kaimo")) return false;
        }
        return false;
    }

    private static string? DurationValue(string n, string unit) => unit switch
    {
        "D" or "DAY24" => $"P{n}D",
        "W" => $"P{n}W",
        "M" => $"P{n}M",
        "Y" => $"P{n}Y",
        "H" => $"PT{n}H",
        "MIN" => $"PT{n}M",
        "Q" => n == "X" ? "PXM" : $"P{3 * double.Parse(n, CultureInfo.InvariantCulture)}M",
        "HALF" => n == "X" ? "PXM" : $"P{6 * double.Parse(n, CultureInfo.InvariantCulture)}M",
        "DECADE" => n == "X" ? "PXY" : $"P{10 * double.Parse(n, CultureInfo.InvariantCulture)}Y",
        "CENTURY" => n == "X" ? "PXY" : $"P{100 * double.Parse(n, CultureInfo.InvariantCulture)}Y",
        _ => null,
    };

    private static string? HalfOf(string unit) => unit switch
    {
        "Y" => "P6M",
        "M" => "P15D",
        "D" or "DAY24" => "PT12H",
        "H" => "PT30M",
        _ => null,
    };

    /// <summary>`kasmet` P1Y, `kasdien` P1D, `kas savaitę` P1W, `kiekvieną pirmadienį` XXXX-WXX-1, `savaitgaliais`.</summary>
    private Found? Frequency(Words s, int i)
    {
        var w = s.Lower[i];
        if (s.Get(i, "set") is { } set) return new Found(1, "SET", set.StartsWith('T') ? "XXXX-XX-XX" + set : set);
        if (w == "savaitgaliais") return new Found(1, "SET", "XXXX-WXX-WE");
        if (w is not "kas" && w is not "kiekvienų" && !EveryForms.Contains(w) || i + 1 >= s.Count) return null;
        var next = s.Lower[i + 1];
        // `kiekvienų metų rudenį`: every autumn.
        if (w == "kiekvienų" && next == "metų" && s[i + 2] is { } every && words.Get(every, "season") is { } everySeason) return new Found(3, "SET", $"XXXX-{everySeason}");
        if (words.Get(next, "weekday") is { } day) return new Found(2, "SET", $"XXXX-WXX-{day}");
        // `kiekvieną paskutinį mėnesio sekmadienį`, `kiekvieno mėnesio paskutinį sekmadienį`: a weekday once a month.
        if (NthOfMonth(s, i + 1) is { } nth) return new Found(1 + nth, "SET", "P1M");
        // `kiekvieną savaitgalį`: every weekend; `kas pusvalandį`: every half hour.
        if (words.Get(next, "unit") == "WE") return new Found(2, "SET", "XXXX-WXX-WE");
        if (next is "pusvalandį") return new Found(2, "SET", "PT30M");
        // `kiekvieną metų ketvirtį`: every quarter of the year, not every year.
        if (next == "metų" && s[i + 2] is { } yearPart && words.Get(yearPart, "unit") is { } inner && inner != "Y"
            && (inner == "Q" ? "P3M" : DurationValue("1", inner)) is { } partValue)
            return new Found(3, "SET", partValue);
        if (words.Get(next, "unit") is { } unit && DurationValue("1", unit) is { } value) return new Found(2, "SET", value);
        // `kas dvejus metus`, `kas tris mėnesius`: every so many.
        if (w == "kas" && Amount(s, i + 1) is { Number: > 1 } amount && s[i + 1 + amount.Length] is { } many
            && words.Get(many, "unit") is { } manyUnit && DurationValue(amount.Value, manyUnit) is { } everyValue)
            return new Found(2 + amount.Length, "SET", everyValue);
        if (words.Get(next, "daypart") is { } part) return new Found(2, "SET", "XXXX-XX-XXT" + part);
        // `kiekvieną rugsėjį`: every September.
        if (words.Get(next, "month") is { } month) return new Found(2, "SET", $"XXXX-{int.Parse(month, CultureInfo.InvariantCulture):D2}");
        return null;
    }

    /// <summary>
    /// `paskutinį mėnesio sekmadienį`, `mėnesio paskutinį sekmadienį`, `pirmąjį mėnesio antradienį` from token k: its
    /// length, or null.
    /// </summary>
    private int? NthOfMonth(Words s, int k)
    {
        bool Nth(int x) => s[x] is "paskutinį" or "paskutinįjį" || numbers.Ordinal(s[x] ?? "") is > 0 and < 6;
        bool Weekday(int x) => s[x] is { } w && s.Get(x, "weekday") is not null;
        if (Nth(k) && s[k + 1] == "mėnesio" && Weekday(k + 2)) return 3;
        if (s[k] == "mėnesio" && Nth(k + 1) && Weekday(k + 2)) return 3;
        return null;
    }

    /// <summary>`neseniai`, `pastaruoju metu`, `pastaraisiais metais` PAST_REF; `ateityje`, `artimiausiu metu` FUTURE_REF; `dabar`, `šiuo metu` PRESENT_REF.</summary>
    private Found? Vague(Words s, int i)
    {
        var w = s.Lower[i];
        var next = s[i + 1];
        // `netrukus` in a past narrative is "soon after" something told, not a future reference.
        // `važiuoja greitai`, `greitai plinta`: beside a verb of motion or growth (Data/time-words.txt, speed) it is fast, not soon.
        if (s.Get(i, "speed") is not null && (LemmaHas(s, i - 1, "speed") || LemmaHas(s, i + 1, "speed"))) return null;
        if (s.Get(i, "vague") is { } value) return value == "FUTURE_REF" && s.TenseAt(i) == Tense.Past ? null : new Found(1, "DATE", value);
        if (w is "ankstesniais" or "ankstesniems" or "ankstesnių" && next is "metais" or "metams" or "metų") return new Found(2, "DATE", "PAST_REF");
        if (w is "pastaruoju" or "pastaraisiais" or "pastarąjį" or "pastarąsias" or "pastaruosius" && next is "metu" or "metais" or "laiku" or "mėnesiais" or "dešimtmečiais")
            return new Found(2, "DATE", "PAST_REF");
        if (w is "artimiausiu" or "artimiausiais" or "artimiausiomis" && next is "metu" or "metais" or "mėnesiais" or "savaitėmis" or "dienomis")
            return new Found(2, "DATE", "FUTURE_REF");
        if (w is "ateityje") return new Found(1, "DATE", "FUTURE_REF");
        if (w is "šiuo" && next is "metu") return new Found(2, "DATE", "PRESENT_REF");
        if (w is "šiais" && next is "laikais") return new Found(2, "DATE", "PRESENT_REF");
        return null;
    }
}
