using Kronika.Core.Model;

namespace Kronika.Lithuanian.Entities;

public sealed partial class EntityRecognizer
{
    /// <summary>
    /// The nominative of the whole name, inflecting only what inflects: every word of a person's name
    /// (`Sergejumi Lavrovu` → `Sergejus Lavrovas`; initials and undeclined foreign words as written); in an organization
    /// or place, the head and the adjectives agreeing with it (`Jungtinėse … Valstijose` → `Jungtinės … Valstijos`),
    /// while genitives stay (`Kursko srityje` → `Kursko sritis`).
    /// </summary>
    private string Canonical(Sentence s, int i, int end, string type, bool hasHead)
    {
        var words = new List<string>();
        if (type == "PER")
        {
            // A foreign name whose surname does not end as Lithuanian names do (`Karoline Leavitt`, `Maodo Lo`, `Paula
            // Pinho`) is left as written.
            // (A double surname by its first part: `Naujanytę-Bjelle` declines.)
            var foreign = end - i > 1 && UndeclinedSurname(s.Display(end - 1).Split('-')[0]);
            // The surname tells the gender (`-ienė`, `-aitė` are women's), which picks the first name (`Joną` → `Jonas`, not `Jonė`).
            var surname = s.Lower(end - 1).Split('-')[0];
            var personGender = FemaleSurnameEndings.Any(e => surname.EndsWith(e, StringComparison.Ordinal)) ? Gender.Fem
                : end - i > 1 && EndsLithuanian(surname) ? Gender.Masc
                : Gender.None;
            // A woman's given name before a surname that is no Lithuanian woman's (`Monika Liu`, `Monikai Liu`): the surname
            // is foreign and written as it is in every case, however Lithuanian its ending looks (`Liu` is no `Lis`).
            var womanForeign = false;
            if (end - i > 1 && personGender != Gender.Fem && !s.Has(i, TokenFlags.Initial) && !s.Display(end - 1).Contains('-') && WomansGivenName(s, i))
            {
                personGender = Gender.Fem;
                foreign = womanForeign = true;
            }
            // A surname in the nominative (`Aleknavičius`, `Jennings`) puts the given names before it in the nominative too, as
            // written (`Brūno Aleknavičius` is Brūno, not the genitive of Brūnas).
            var nominativeSurname = end - i > 1 && !s.Headline && s.Morph(end - 1).Case == Case.Nom && !s.Morph(end - 1).IsPlural
                && (foreign || NominativeEndings.Any(e => surname.EndsWith(e, StringComparison.Ordinal)));
            var joins = new List<int>();
            for (var k = i; k < end; k++)
            {
                if (s[k] == "." && k > i && s.Has(k - 1, TokenFlags.Initial)) continue;
                // A foreign name's Lithuanian ending after an apostrophe (`Maurice’o`, `Chase‘as`): the nominative's `-as`.
                if (s[k] is "’" or "'" or "‘" && k > i && k + 1 < end && words.Count > 0)
                {
                    words[^1] += s[k] + (s.Lower(k + 1) is "as" or "is" or "us" ? s.Lower(k + 1) : "as");
                    k++;
                    continue;
                }
                // A double surname's dash (`Galeckaitė–Dabkienė`) is written as a hyphen joining the two.
                if (s[k] is "–" or "-" && k > i) { joins.Add(words.Count); continue; }
                if (s.Has(k, TokenFlags.Initial)) words.Add(s.Display(k) + ".");
                else if (s.IsAcronym(k) && s.Form(k).Length >= 3) words.Add(Cased(s.Lower(k), true)); // `GLAVECKAS` in a byline
                // A Lithuanian given name in a case no name's nominative has (`Mantu Ben` → `Mantas Ben`) declines, foreign surname or not.
                else if (k < end - 1 && foreign && ObliqueGiven(s.Lower(k)) && lists.FirstName(s.Display(k), personGender) is { } given0 && given0 != s.Display(k) && CanBeCaseOf(s.Display(k), given0)) words.Add(given0);
                // A woman's name the list lacks, in an oblique case, by the feminine endings (`Jessicai` → `Jessica`, `Sofią` →
                // `Sofia`); her surname in `-ą`, `-ai` declines as `-a` (`Jeleną Rybakiną` → `Jelena Rybakina`), else stays.
                else if (womanForeign && (k < end - 1 || !s.Morph(k).IsPlural && (s.Lower(k).EndsWith('ą') || s.Lower(k).EndsWith("ai", StringComparison.Ordinal)
                                                                                || s.Lower(k).EndsWith('ę') || s.Lower(k).EndsWith("ei", StringComparison.Ordinal)))
                         && FeminineNominative(s.Display(k)) is { } woman)
                    words.Add(woman);
                else if (Particles.Contains(s.Form(k)) || foreign || IsForeign(s.Display(k).Split('-')[0])) words.Add(s.Display(k));
                else if (k < end - 1 && nominativeSurname && !ObliqueGiven(s.Lower(k))) words.Add(s.Display(k));
                else if (end - i == 1 && s.Morph(k).IsPlural) words.Add(FamilyName(s, k));
                // A woman's double surname declines by its endings, whatever case the tagger read (`Čmilytei-Nielsen`).
                else if (s.Display(k).Contains('-') && s.Display(k).Split('-').Any(p => WomansSurname(p) is { } w && w != p)) words.Add(NameLemma(s, k, personGender));
                // A given name the tagger reads in the nominative before a surname in another case is in that case too
                // (`Romano Gumeniuko` → `Romanas`), unless the form is itself a name of the list.
                else if (k < end - 1 && !s.Headline && personGender != Gender.None && s.Morph(end - 1).Case is Case.Gen or Case.Dat or Case.Acc or Case.Ins or Case.Loc
                         && GivenNominative(s, k, personGender) is { } given && given != s.Display(k))
                    words.Add(given);
                // A name the tagger reads in the nominative stays as written (`Paula`, `Giedrė`), and so does one ending
                // in `-a`, which only the nominative (and instrumental) of a name has (`Velička`, `Jogaila`).
                // (A woman's surname in plain `-e` is the instrumental, whatever the tagger read: `su Renata Saulyte`.)
                else if (!s.Headline && !s.Morph(k).IsPlural && (s.Morph(k).Case == Case.Nom || s.Lower(k).EndsWith('a')))
                    words.Add(FemaleInstrumental.Any(e => s.Lower(k).EndsWith(e, StringComparison.Ordinal)) ? s.Display(k)[..^1] + "ė" : s.Display(k));
                else if (k < end - 1 && lists.FirstName(s.Display(k), personGender != Gender.None ? personGender : s.Morph(k).Gender) is { } first) words.Add(Checked(s.Display(k), first));
                else words.Add(Checked(s.Display(k), NameLemma(s, k, personGender)));
            }
            for (var n = joins.Count - 1; n >= 0; n--)
                if (joins[n] > 0 && joins[n] < words.Count)
                {
                    words[joins[n] - 1] += "-" + words[joins[n]];
                    words.RemoveAt(joins[n]);
                }
            // A man's surname in `-a` takes `-ai` in the dative beside a dative given name (`Dariui Būtai` → `Darius Būta`).
            // (Beside initials alone too: no one man's nominative ends in `-ai`, so `D. Šalengai` is the dative of `D. Šalenga`.)
            if (personGender == Gender.Masc && end - i > 1 && s.Lower(end - 1) is var last && last.EndsWith("ai", StringComparison.Ordinal) && !last.EndsWith("iai", StringComparison.Ordinal)
                && (Enumerable.Range(i, end - i - 1).Any(k => s.Lower(k).EndsWith("ui", StringComparison.Ordinal))
                    || !s.Morph(end - 1).IsPlural && Enumerable.Range(i, end - i - 1).All(k => s.Has(k, TokenFlags.Initial) || s[k] == ".")))
                words[^1] = s.Display(end - 1)[..^1];
            return string.Join(' ', words);
        }
        var head = end - 1;
        var headCase = s.Morph(head).Case;
        var plural = Plural(s, head);
        var gender = s.Morph(head).Gender;
        for (var k = i; k < end; k++)
        {
            // An initial keeps its period (`K. Kalinausko gatvė`).
            if (s[k] == "." && k > i && s.Has(k - 1, TokenFlags.Initial) && words.Count > 0) { words[^1] += "."; continue; }
            if (s[k] == "," && words.Count > 0) { words[^1] += ","; continue; }
            if (k == head) words.Add(HeadNominative(s, k, plural, hasHead));
            else if (s.Token(k).Upos == Upos.ADJ && s.Morph(k).Case == headCase && headCase != Case.None && s.Morph(k).IsPlural == plural
                     // it agrees with the head only when nothing but adjectives stands between (`strateginės komunikacijos
                     // departamentas`: `strateginės` belongs to the genitive)
                     && Enumerable.Range(k + 1, head - k - 1).All(j => s.Token(j).Upos == Upos.ADJ))
                words.Add(Cased(AdjectiveNominative(s.Token(k).Lemma ?? s.Lower(k), gender, plural, s.Morph(k).Definite), s.IsCapitalised(k)));
            else words.Add(s.Display(k));
        }
        return string.Join(' ', words);
    }

    /// <summary>The nominative of a given name before a surname in an oblique case: the tagger's lemma when the list has it
    /// (`Romano` → `Romanas`, though `Romano` is a name too), else the list's name the form is a case of.</summary>
    private string? GivenNominative(Sentence s, int k, Gender gender)
    {
        if (s.Token(k).Lemma is { Length: > 0 } lemma && Cased(lemma, true) is var cased && lists.IsFirstNameOf(cased, gender)) return cased;
        return s.Morph(k).Case == Case.Nom ? lists.FirstName(s.Display(k), gender) : null;
    }

    private string HeadNominative(Sentence s, int k, bool plural, bool commonHead)
    {
        var lemma = commonHead && !s.IsCapitalised(k) ? s.Token(k).Lemma ?? s.Lower(k) : NameLemma(s, k);
        if (plural && s.Morph(k).Case != Case.Nom) lemma = PluralNominative(lemma, s.Morph(k).Gender);
        else if (plural) lemma = s.Display(k);
        return Cased(lemma, s.IsCapitalised(k));
    }

    /// <summary>
    /// A family named in the plural (`Sabonių šeima`, `Landsbergiai`, `Turkevičiai`) is named by the singular masculine
    /// surname: the one the knowledge base has, else by its ending (`-aičių` → `-aitis`, `-čiai` → `-čius`, `-iai` →
    /// `-is`, `-ai` → `-as`).
    /// </summary>
    private string FamilyName(Sentence s, int k)
    {
        var form = s.Display(k);
        if (kb.Surname(NameKey.Word(form)) is { } known) return known;
        var stem = NameKey.Word(form);
        var original = form.ToLowerInvariant();
        // -aičiai/-aičių come from -aitis (Petraitis), other -čiai/-čių from -čius (Turkevičius).
        var singular = original.EndsWith("aičiai") || original.EndsWith("aičių") ? stem + "is"
            : original.EndsWith("čiai") || original.EndsWith("čių") ? stem.TrimEnd('t') + "čius"
            : original.EndsWith("iai") || original.EndsWith("ių") ? stem + "is"
            : stem + "as";
        return Cased(singular, true);
    }

    /// <summary>
    /// A nominative that the form it comes from cannot have: a genitive in `-o` is a man's (`Aleno` → `Alenas`, never
    /// `Alena`, whose genitive is `Alenos`), and `dž`, `č` before an ending are `d`, `t` in the nominative (`Sirvydžio` →
    /// `Sirvydis`, `Radavičiui` → `Radavičius`).
    /// </summary>
    private static string Checked(string form, string nominative)
    {
        // (`Jankausko` → `Jankauskas`, never `Jankauskis`, whose genitive is `Jankauskio`.)
        // (`-enko`, `-čko` are Ukrainian and Russian nominatives that do not decline: `Ševčenko`.)
        if (form.Length > 2 && form.EndsWith('o') && !"aeiouyąęėįųū".Contains(form[^2]) && nominative != form && !nominative.EndsWith("as", StringComparison.Ordinal)
            && !form.EndsWith("enko", StringComparison.Ordinal) && !form.EndsWith("čko", StringComparison.Ordinal))
            return form[..^1] + "as";
        // A genitive `-džio`, `-čio` comes from `-dis`, `-tis` (`Sirvydžio` → `Sirvydis`); the other cases in `-čiui`,
        // `-čiumi`, `-čių` are those of `-čius` (`Radavičiui` → `Radavičius`).
        // `-vičius` names in any case keep `-vičius` whatever a lemmatizer guesses (`Radavičiui` is not `Radavitis`).
        if (form.LastIndexOf("vič", StringComparison.Ordinal) is var v and > 0 && form[(v + 3)..] is "ius" or "iaus" or "iui" or "iumi" or "iu" or "ių"
            && !nominative.EndsWith("vičius", StringComparison.Ordinal))
            return form[..(v + 3)] + "ius";
        // `-iečio` is the genitive of `-ietis` (`Asyžiečio` → `Asyžietis`), never of `-ietys`.
        if (nominative.EndsWith("ietys", StringComparison.Ordinal)) return nominative[..^2] + "is";
        var genitive = form.EndsWith("io", StringComparison.Ordinal);
        if (nominative.EndsWith("džis", StringComparison.Ordinal)) return nominative[..^4] + (genitive ? "dis" : "džius");
        if (nominative.EndsWith("čis", StringComparison.Ordinal)) return nominative[..^3] + (genitive ? "tis" : "čius");
        return nominative;
    }

    /// <summary>A word no Lithuanian case ending can end (`Kim`, `Leavitt`, `Lo`, `Scottie`, `Tänak`): a foreign name
    /// written as it is in every case.</summary>
    private static bool IsForeign(string form) =>
        !EndsLithuanian(form) || form.Length <= 2
        // `Tänak` is written so in every case, but `Günteriu` is the instrumental of `Günteris`.
        || form.Any(c => c is 'ä' or 'ö' or 'ü' or 'ß' or 'é' or 'á' or 'ó' or 'ł' or 'ñ' or 'ø' or 'å') && !ObliqueEndings.Any(e => form.EndsWith(e, StringComparison.Ordinal))
        // No case of a Lithuanian name ends in a plain `-e` (`Roe`, `Pierre`) but a woman's surname's (`Šimonyte`).
        || form.EndsWith('e') && !FemaleSurnameEndings.Any(e => form.EndsWith(e, StringComparison.Ordinal))
        || form.EndsWith("ie", StringComparison.OrdinalIgnoreCase) || form.EndsWith("ee", StringComparison.OrdinalIgnoreCase)
        || form.EndsWith("oo", StringComparison.OrdinalIgnoreCase) || form.EndsWith("ou", StringComparison.OrdinalIgnoreCase)
        || form.EndsWith("ao", StringComparison.OrdinalIgnoreCase) || form.EndsWith("eo", StringComparison.OrdinalIgnoreCase)
        || form.EndsWith("nho", StringComparison.OrdinalIgnoreCase) || form.EndsWith("y", StringComparison.Ordinal) && form.Length > 1 && "aeiou".Contains(form[^2])
        // A consonant before a final `-i` ends no case of a Lithuanian name but the instrumental's `-mi` (`Tserediani`,
        // `Salvini`; not `Dariumi`).
        || form.Length > 3 && form[^1] == 'i' && !"aeiouyąęėįųūm".Contains(char.ToLowerInvariant(form[^2]));

    private static readonly string[] FemaleInstrumental = ["iene", "aite", "yte", "ute", "ūte"];

    /// <summary>A woman's given name at i, by the list (a name only a woman has, of which the form is a case), by an ending
    /// only a woman's name has in an oblique case (`Jessicai`, `Simonos`, `Elysę`), by a nominative in `-a` the list does not
    /// give a man (`Bianca`), or by a feminine noun in the same case right before it (`kroatę Petrą`).</summary>
    private bool WomansGivenName(Sentence s, int i)
    {
        var form = s.Display(i);
        var lower = s.Lower(i);
        var man = lists.FirstName(form, Gender.Masc) is { } m && lists.IsFirstNameOf(m, Gender.Masc) && CanBeCaseOf(form, m);
        if (lists.FirstName(form, Gender.Fem) is { } woman && lists.IsFirstNameOf(woman, Gender.Fem) && CanBeCaseOf(form, woman) && !man) return true;
        // (Not a genitive before it, which owns the name rather than names her: `savivaldybės Juozo Paukštelio biblioteka`.)
        if (man) return i > 0 && s.Token(i - 1).Upos == Upos.NOUN && !s.IsCapitalised(i - 1) && s.Morph(i - 1).Gender == Gender.Fem && s.Morph(i - 1).Case == s.Morph(i).Case && s.Morph(i).Case is not (Case.None or Case.Gen);
        if (lower.EndsWith("ai", StringComparison.Ordinal) && !lower.EndsWith("iai", StringComparison.Ordinal) || lower.EndsWith("os", StringComparison.Ordinal)
            || lower.EndsWith('ę') || lower.EndsWith("ei", StringComparison.Ordinal) || lower.EndsWith("ės", StringComparison.Ordinal) || lower.EndsWith('a') && lower.Length > 2)
            return true;
        return i > 0 && s.Token(i - 1).Upos == Upos.NOUN && !s.IsCapitalised(i - 1) && s.Morph(i - 1).Gender == Gender.Fem && s.Morph(i - 1).Case == s.Morph(i).Case && s.Morph(i).Case is not (Case.None or Case.Gen);
    }

    /// <summary>The nominative of a woman's name word in an oblique case by its ending (`-ą`, `-os`, `-ai`, `-oje` → `-a`;
    /// `-ę`, `-ės`, `-ei` → `-ė`); null for a form in no such case.</summary>
    private static string? FeminineNominative(string form)
    {
        if (form.Length < 3) return null;
        if (form.EndsWith('ą')) return form[..^1] + "a";
        if (form.EndsWith("ai", StringComparison.Ordinal) && !form.EndsWith("iai", StringComparison.Ordinal)) return form[..^2] + "a";
        if (form.EndsWith("os", StringComparison.Ordinal)) return form[..^2] + "a";
        if (form.EndsWith('ę')) return form[..^1] + "ė";
        if (form.EndsWith("ės", StringComparison.Ordinal) || form.EndsWith("ei", StringComparison.Ordinal)) return form[..^2] + "ė";
        return null;
    }

    /// <summary>The nominative endings of a person's surname (`Aleknavičius`, `Budrys`, `Šimonytė`).</summary>
    private static readonly string[] NominativeEndings = ["as", "is", "ys", "us", "ė"];

    /// <summary>Endings only oblique cases of a given name have (`Mantu`, `Mantui`, `Mantą`, `Monikai`, `Monikos`, `Gretę`).</summary>
    private static bool ObliqueGiven(string lower) =>
        lower.EndsWith('u') || lower.EndsWith("ui", StringComparison.Ordinal) || lower.EndsWith('ą') || lower.EndsWith('ę') || lower.EndsWith('į') || lower.EndsWith('ų')
        || lower.EndsWith("ai", StringComparison.Ordinal) || lower.EndsWith("ei", StringComparison.Ordinal) || lower.EndsWith("os", StringComparison.Ordinal)
        || lower.EndsWith("ės", StringComparison.Ordinal);

    /// <summary>A surname that does not decline: a foreign word (<see cref="IsForeign"/>), or one ending as no singular case of a
    /// Lithuanian name does: a consonant before `-s` (`Jennings`, `Adams`) or a plain `-es` (`Vikernes`, `Jones`).</summary>
    private static bool UndeclinedSurname(string form) =>
        IsForeign(form)
        || form.Length > 2 && form[^1] == 's' && !"aeiouyąęėįųūAEIOUY".Contains(form[^2])
        || form.Length > 3 && form.EndsWith("es", StringComparison.Ordinal) && !form.EndsWith("ies", StringComparison.Ordinal)
        // Ukrainian `-enko` surnames are written undeclined (`Ševčenko`, `Tymošenko`).
        || form.EndsWith("enko", StringComparison.Ordinal);

    private static readonly string[] ObliqueEndings = ["iu", "ui", "ą", "į", "ų", "ams"];

    /// <summary>The singular case endings of each nominative ending of Lithuanian names, longest nominative first
    /// (`Budrys`: `Budrio`, `Budriui`, `Budrį`, not the plural `Budrių`; `Vilnius`: `Vilniaus`, `Vilniuje`, not `Vilnios`).
    /// Plural place names (`Trakai`, `Telšiai`, `Grigiškės`) take the plural cases.</summary>
    private static readonly (string Nominative, string[] Cases)[] Declensions =
    [
        ("ius", ["ius", "iaus", "iui", "ių", "iumi", "iu", "iuje", "iau"]),
        // definite adjectives as names (`Šventoji`, `Naujasis`)
        ("oji", ["oji", "osios", "ajai", "ąją", "ąja", "ojoje"]),
        ("asis", ["asis", "ojo", "ajam", "ąjį", "uoju", "ajame"]),
        ("ysis", ["ysis", "iojo", "iajam", "įjį", "iuoju", "iajame"]),
        ("iai", ["iai", "ių", "iams", "ius", "iais", "iuose"]),
        ("as", ["as", "o", "ui", "ą", "u", "e", "ai"]),
        ("is", ["is", "io", "iui", "į", "iu", "yje", "i"]),
        ("ys", ["ys", "io", "iui", "į", "iu", "yje", "y"]),
        ("us", ["us", "aus", "ui", "ų", "umi", "uje", "au"]),
        ("ai", ["ai", "ų", "ams", "us", "ais", "uose"]),
        ("os", ["os", "ų", "oms", "as", "omis", "ose"]),
        ("ės", ["ės", "ių", "ėms", "es", "ėmis", "ėse"]),
        ("a", ["a", "os", "ai", "ą", "oje", "a"]),
        ("ė", ["ė", "ės", "ei", "ę", "e", "ėje"]),
    ];

    /// <summary>
    /// Whether a word can be a case of a one-word name (`Seimo` of `Seimas`, `Kęstučio` of `Kęstutis`): the stems
    /// agree and the ending is one of the name's own declension. A name that does not decline (`Modi`, `ELTA`,
    /// `Toronto`) is only itself. Two names sharing a key are told apart so: `Modus` is not `Modi`, `Vilnios` not
    /// `Vilnius`, the plural `Budrių` not `Budrys`.
    /// </summary>
    internal static bool CanBeCaseOf(string form, string name)
    {
        if (name.Contains(' ') || name.Contains('-') || form.Contains('-')) return true;
        var f = form.ToLowerInvariant();
        var n = name.ToLowerInvariant();
        if (f == n || name.All(c => !char.IsLower(c))) return true;
        foreach (var (nominative, cases) in Declensions)
        {
            if (!n.EndsWith(nominative, StringComparison.Ordinal)) continue;
            var stem = Alternated(n[..^nominative.Length]);
            return cases.Any(c => f.EndsWith(c, StringComparison.Ordinal) && Alternated(f[..^c.Length]) == stem);
        }
        return false;

        // `dž` and `č` before `i` are `d` and `t` of the nominative (`Sirvydžio`, `Kęstučio`).
        static string Alternated(string stem) =>
            stem.EndsWith("dž", StringComparison.Ordinal) ? stem[..^2] + "d" : stem.EndsWith('č') ? stem[..^1] + "t" : stem;
    }

    /// <summary>Inflected Lithuanian names end in a vowel, s or š; `Kim`, `Leavitt`, `Jong` do not decline.</summary>
    private static bool EndsLithuanian(string form) => form.Length > 0 && "aąeęėiįyouųūsšAĄEĘĖIĮYOUŲŪSŠ".Contains(form[^1]);

    private static string Cased(string word, bool capital) =>
        word.Length == 0 ? word : capital ? char.ToUpperInvariant(word[0]) + word[1..] : char.ToLowerInvariant(word[0]) + word[1..];

    /// <summary>
    /// The nominative of a name word: the tagger's lemma when it read a proper noun; otherwise the lemmatizer asked for
    /// a proper noun of the word's gender, number and case (`Trumpo` → `Trumpas`, not the adjective `trumpas`). A word
    /// ending in a consonant other than s or š is a foreign name that does not decline (`Kim`, `Jong`).
    /// </summary>
    private string NameLemma(Sentence s, int k, Gender gender = Gender.None)
    {
        var form = s.Display(k);
        if (form.Length == 0 || s.IsAcronym(k) || InnerCapital(form)) return form;
        // A double surname declines in both parts (`Liaudanską-Svarą` → `Liaudanskas-Svaras`), a foreign part as written
        // (`Čmilytei-Nielsen` → `Čmilytė-Nielsen`).
        var hyphen = form.IndexOf('-');
        var womans = hyphen > 0 && form.Split('-').Any(p => WomansSurname(p) is not null);
        // (`Šiaulių-7bet`, `Nevėžiui-Optibet`: a Lithuanian name before a sponsor's declines, the sponsor's does not.)
        var sponsored = hyphen > 0 && !IsForeign(form[..hyphen]) && IsForeign(form[(hyphen + 1)..]);
        if (!EndsLithuanian(form) && !womans && !sponsored) return form;
        if (hyphen > 0 && hyphen < form.Length - 1 && (ProperTag(s.Morph(k), gender) is { } both ? both : null) is var tag && (tag is not null || womans))
            return string.Join('-', form.Split('-').Select(part => WomansSurname(part) ?? (IsForeign(part) || tag is null ? part : Cased(morphology.Lemmatizer.Lemmatize(part, tag, lexicon), true))));
        var token = s.Token(k);
        // The tagger's lemma, unless the name's gender (from the surname) says it read the other gender.
        if (token.Xpos is { } xpos && xpos.StartsWith("dkt.tikr", StringComparison.Ordinal) && token.Lemma is { } lemma && !s.Headline
            && (gender == Gender.None || s.Morph(k).Gender == gender))
            return Cased(lemma, true);
        var proper = ProperTag(s.Morph(k), gender);
        if (proper is null) return Cased(token.Lemma ?? form, true);
        return Cased(morphology.Lemmatizer.Lemmatize(form, proper, lexicon), true);
    }

    /// <summary>A woman's surname in any case, by its ending alone (`Naujanytę` → `Naujanytė`, `Petraitienei` →
    /// `Petraitienė`); null for any other word.</summary>
    private static string? WomansSurname(string part)
    {
        foreach (var stem in WomansStems)
            foreach (var ending in new[] { "ė", "ės", "ei", "ę", "e", "ėje" })
                if (part.EndsWith(stem + ending, StringComparison.Ordinal) && part.Length > stem.Length + ending.Length + 1)
                    return part[..^ending.Length] + "ė";
        return null;
    }

    private static readonly string[] WomansStems = ["ien", "ait", "yt", "ut", "iūt", "ūt"];

    /// <summary>A capital inside a word, not after a hyphen (`REPowerEU`, `iPhone`, `McDonald`): a brand written so in
    /// every case.</summary>
    private static bool InnerCapital(string form)
    {
        for (var k = 1; k < form.Length; k++)
            if (char.IsUpper(form[k]) && form[k - 1] != '-' && form.Any(char.IsLower)) return true;
        return false;
    }

    /// <summary>A Jablonskis proper-noun tag (`dkt.tikr.vyr.vns.K.`) from UD gender, number and case.</summary>
    private static string? ProperTag(Morph m, Gender gender = Gender.None)
    {
        var g = (gender != Gender.None ? gender : m.Gender) switch { Gender.Masc => "vyr", Gender.Fem => "mot", _ => null };
        var n = m.Number switch { Number.Sing => "vns", Number.Plur => "dgs", _ => null };
        var c = m.Case switch { Case.Nom => "V", Case.Gen => "K", Case.Dat => "N", Case.Acc => "G", Case.Ins => "Įn", Case.Loc => "Vt", Case.Voc => "Š", _ => null };
        return g is null || n is null || c is null ? null : $"dkt.tikr.{g}.{n}.{c}.";
    }

    /// <summary>`tauta` → `tautos`, `rūmas` → `rūmai`: the plural nominative of a singular noun lemma (plural lemmas stay).</summary>
    private static string PluralNominative(string lemma, Gender gender = Gender.None)
    {
        // `vanduo` → `vandenys`, `akmuo` → `akmenys`; a feminine `-is` → `-ys` (`pilis` → `pilys`).
        if (lemma.EndsWith("uo")) return lemma[..^2] + "enys";
        if (gender == Gender.Fem && lemma.EndsWith("is")) return lemma[..^2] + "ys";
        if (lemma.EndsWith("ai") || lemma.EndsWith("os") || lemma.EndsWith("ės") || lemma.EndsWith("ys") || lemma.EndsWith("ūs")) return lemma;
        if (lemma.EndsWith("ias")) return lemma[..^3] + "iai";
        if (lemma.EndsWith("as")) return lemma[..^2] + "ai";
        // `t`, `d` before `iai` are `č`, `dž` (`pilietis` → `piliečiai`, `briedis` → `briedžiai`).
        if (lemma.EndsWith("tis")) return lemma[..^3] + "čiai";
        if (lemma.EndsWith("dis")) return lemma[..^3] + "džiai";
        if (lemma.EndsWith("is")) return lemma[..^2] + "iai";
        if (lemma.EndsWith("us")) return lemma[..^2] + "ūs";
        if (lemma.EndsWith('a')) return lemma[..^1] + "os";
        if (lemma.EndsWith('ė')) return lemma[..^1] + "ės";
        return lemma;
    }

    /// <summary>The nominative of an adjective agreeing with its head: `jungtinis` feminine plural → `jungtinės`,
    /// definite `baltas` masculine plural → `baltieji`.</summary>
    private static string AdjectiveNominative(string lemma, Gender gender, bool plural, bool definite)
    {
        var feminine = gender == Gender.Fem;
        string stem, type;
        if (lemma.EndsWith("ias")) (stem, type) = (lemma[..^3], "ias");
        else if (lemma.EndsWith("as")) (stem, type) = (lemma[..^2], "as");
        else if (lemma.EndsWith("is")) (stem, type) = (lemma[..^2], "is");
        else if (lemma.EndsWith("us")) (stem, type) = (lemma[..^2], "us");
        else return lemma;
        var ending = (type, definite, feminine, plural) switch
        {
            ("as", false, false, false) => "as",
            ("as", false, false, true) => "i",
            ("as", false, true, false) => "a",
            ("as", false, true, true) => "os",
            ("as", true, false, false) => "asis",
            ("as", true, false, true) => "ieji",
            ("as", true, true, false) => "oji",
            ("as", true, true, true) => "osios",
            ("ias", false, false, false) => "ias",
            ("ias", false, false, true) => "i",
            ("ias", false, true, false) => "ia",
            ("ias", false, true, true) => "ios",
            ("ias", true, false, false) => "iasis",
            ("ias", true, false, true) => "ieji",
            ("ias", true, true, false) => "ioji",
            ("ias", true, true, true) => "iosios",
            ("is", false, false, false) => "is",
            ("is", false, false, true) => "iai",
            ("is", false, true, false) => "ė",
            ("is", false, true, true) => "ės",
            ("is", true, false, false) => "ysis",
            ("is", true, false, true) => "ieji",
            ("is", true, true, false) => "ioji",
            ("is", true, true, true) => "iosios",
            ("us", false, false, false) => "us",
            ("us", false, false, true) => "ūs",
            ("us", false, true, false) => "i",
            ("us", false, true, true) => "ios",
            ("us", true, false, false) => "usis",
            ("us", true, false, true) => "ieji",
            ("us", true, true, false) => "ioji",
            _ => "iosios",
        };
        return stem + ending;
    }
}
