using System.Globalization;
using System.Text;
using Kronika.Core.Model;

namespace Kronika.Ingest;

/// <summary>
/// Synthetic articles for benchmarks that read like news, built from analyzed sample articles: sentences drawn from all
/// samples; each person keeps the samples' name in half of the articles (so `Putino` and `Nausėdos` are as common as in
/// news) and in the rest gets another surname in the same case form (`V. Putinu` → `V. Kazlausku`); numbers and years
/// change, and a day of the month (a number the time step read as the day of a calendar date) becomes another day of
/// that month, never past its end; publication dates spread over 2022–2026. The same index and seed always give the
/// same article.
/// </summary>
public sealed class SyntheticCorpus
{
    /// <summary>One sentence of a sample, with the places where a surname or a number can change.</summary>
    private sealed record Template(string Text, List<Slot> Slots, int Words);

    /// <summary>
    /// A surname (its stem ends at Start + Stem, <see cref="Ending"/> follows in the canonical form), a day of month
    /// <see cref="Month"/> (1–12), or another number.
    /// </summary>
    private sealed record Slot(int Start, int End, string? Canonical, string? Ending, int Stem, int Month = 0);

    private static readonly string[] Surnames = ReadSurnames();

    private static string[] ReadSurnames()
    {
        using var stream = typeof(SyntheticCorpus).Assembly.GetManifestResourceStream("Data/surnames.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(l => l[0] != '#').ToArray();
    }

    private readonly List<Template> _templates = [];

    public SyntheticCorpus(IEnumerable<Document> samples)
    {
        foreach (var doc in samples)
            foreach (var sentence in doc.Sentences())
                _templates.Add(TemplateOf(doc, sentence));
        if (_templates.Count == 0) throw new ArgumentException("no sample sentences to build articles from");
    }

    private static Template TemplateOf(Document doc, Sentence sentence)
    {
        var slots = new List<Slot>();
        foreach (var m in doc.Entities)
        {
            if (m.Type != "PER" || m.Start < sentence.Start || m.End > sentence.End) continue;
            var surface = doc.Text[m.Start..m.End];
            var surname = surface[(surface.LastIndexOf(' ') + 1)..];
            var canonical = m.Canonical[(m.Canonical.LastIndexOf(' ') + 1)..];
            // The stem keeps at least two letters of the canonical form out, so a nominative has an ending too.
            var stem = 0;
            while (stem < surname.Length && stem < canonical.Length - 2 && surname[stem] == canonical[stem]) stem++;
            var ending = canonical[stem..];
            if (stem < 3 || ending.Length > 3 || !Surnames.Any(s => s.EndsWith(ending, StringComparison.Ordinal) && s.Length > ending.Length + 2)) continue;
            slots.Add(new Slot(m.End - surname.Length - sentence.Start, m.End - sentence.Start, canonical, ending, stem));
        }
        var words = 0;
        foreach (var t in sentence.Tokens.Tokens())
        {
            if (t.Kind == TokenKind.Word) words++;
            if (t.Kind != TokenKind.Number || t.Span.ContainsAnyExcept("0123456789")) continue;
            // A number inside a date expression: the day of a calendar date varies within its month; any other number in
            // a date (a day of a range, an hour) stays, so the date stays a date.
            var time = doc.Times.FirstOrDefault(x => x.Start <= t.Start && t.End <= x.End);
            var month = 0;
            if (time is not null && time.Value.Length == 10 && DateOnly.TryParseExact(time.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && int.TryParse(t.Span, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n == day.Day && t.Span.Length <= 2)
                month = day.Month;
            else if (time is not null && !(t.Span.Length == 4 && t.Span[0] is '1' or '2'))
                continue;
            slots.Add(new Slot(t.Start - sentence.Start, t.End - sentence.Start, null, null, 0, month));
        }
        slots.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Template(sentence.Text, slots, words);
    }

    /// <summary>Article number <paramref name="index"/> in the seed format, about <paramref name="words"/> words long.</summary>
    public string Article(int index, int seed = 1, int words = 400)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var date = new DateOnly(2022, 1, 1).AddDays(random.Next(0, 1765));
        var people = new Dictionary<string, string>();
        var text = new StringBuilder(" date ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(' ');
        var count = 0;
        var inParagraph = 0;
        var used = new HashSet<int>();
        while (count < words && used.Count < _templates.Count)
        {
            var pick = random.Next(_templates.Count);
            if (!used.Add(pick)) continue;
            var template = _templates[pick];
            if (inParagraph > 0) text.Append(inParagraph >= 3 && random.Next(2) == 0 ? '\n' : ' ');
            inParagraph = text[^1] == '\n' ? 1 : inParagraph + 1;
            Fill(text, template, random, people);
            count += template.Words;
        }
        return text.ToString();
    }

    private static void Fill(StringBuilder text, Template template, Random random, Dictionary<string, string> people)
    {
        var at = 0;
        foreach (var slot in template.Slots)
        {
            if (slot.Start < at) continue;
            text.Append(template.Text, at, slot.Start - at);
            var original = template.Text[slot.Start..slot.End];
            if (slot.Canonical is { } canonical)
            {
                if (!people.TryGetValue(canonical, out var replacement))
                {
                    var fits = Surnames.Where(s => s.EndsWith(slot.Ending!, StringComparison.Ordinal) && s.Length > slot.Ending!.Length + 2).ToArray();
                    // Half the time the person is the samples' own (no replacement), as news keeps naming the same people.
                    people[canonical] = replacement = random.Next(2) == 0 ? "" : fits[random.Next(fits.Length)];
                }
                if (replacement.Length == 0)
                    text.Append(original);
                else
                    text.Append(replacement, 0, replacement.Length - slot.Ending!.Length).Append(original, slot.Stem, original.Length - slot.Stem);
            }
            else if (slot.Month > 0)
                // February has 28 days here: the year beside the day may change too.
                text.Append(random.Next(1, (slot.Month == 2 ? 28 : DateTime.DaysInMonth(2023, slot.Month)) + 1));
            else if (original.Length == 4 && original[0] is '1' or '2')
                text.Append(random.Next(2015, 2027));
            else
                text.Append(random.Next(original.Length == 1 ? 1 : (int)Math.Pow(10, original.Length - 1), (int)Math.Min(int.MaxValue, Math.Pow(10, original.Length))));
            at = slot.End;
        }
        text.Append(template.Text, at, template.Text.Length - at);
    }
}
