using System.Globalization;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Events;

/// <summary>Events from Lithuanian sentences (DCT Wednesday 2025-08-13): type, roles from case, date, place, modality, source, counts.</summary>
public class EventExtractorTests
{
    /// <summary>`TYPE/mode actors → targets date @place MODALITY «source» [quantities]`, one line per event.</summary>
    public static string Render(Document doc, Event e)
    {
        string Name(int id) => doc.Entities.First(m => m.Id == id).Canonical;
        var parts = new List<string>
        {
            e.Type + (e.Mode is { } m ? "/" + m : ""),
            (string.Join(" + ", e.Actors.Select(Name)) + " → " + string.Join(" + ", e.Targets.Select(Name))).Trim(),
            e.Date ?? "no-date",
        };
        if (e.Location is { } l) parts.Add("@" + Name(l));
        parts.Add(e.Modality);
        if (e.Attribution is { } a)
            parts.Add("«" + (doc.Attributions[a].Source is { } s ? Name(s) : doc.Attributions[a].SourceText ?? "hedge") + "»");
        if (e.Quantities.Count > 0)
            parts.Add("[" + string.Join("; ", e.Quantities.Select(q => doc.Quantities[q]).Select(q => $"{q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit}".Trim())) + "]");
        return string.Join(' ', parts);
    }

    private static List<string> Events(string text) => Analyze.Fully(text) is var doc ? doc.Events.Select(e => Render(doc, e)).ToList() : [];

    [Theory]
    [InlineData("Lenkija pagrasino Baltarusijai.", "THREATEN Lenkija → Baltarusija PAST_REF ASSERTED")]
    [InlineData("Kyjivas apkaltino Maskvą karo nusikaltimais.", "ACCUSE Kyjivas → Maskva PAST_REF ASSERTED")]
    [InlineData("Europos Sąjunga pirmadienį įvedė naujas sankcijas Rusijai.", "SANCTION Europos Sąjunga → Rusija 2025-08-11 ASSERTED")]
    [InlineData("Vokietija pernai dislokavo brigadą Lietuvoje.", "MOBILIZE/troops Vokietija → 2024 @Lietuva ASSERTED")]
    [InlineData("Lenkija paragino Vokietiją skubiau perduoti ginklų Ukrainai.", "REQUEST Lenkija → Vokietija PAST_REF ASSERTED")]
    [InlineData("Prancūzija atmetė Vengrijos pasiūlymą.", "REJECT Prancūzija → Vengrija PAST_REF ASSERTED")]
    public void EventExtractor_TakesActorFromNominativeAndTargetFromObject(string text, string expected) =>
        Assert.Contains(expected, Events(text));

    [Theory]
    [InlineData("Izraelis neatakavo Irano.", "ASSAULT Izraelis → Iranas PAST_REF NEGATED")]
    [InlineData("Kinija nesusitiks su Japonija.", "CONSULT/meeting Kinija → Japonija FUTURE_REF NEGATED")]
    [InlineData("Vokietija penktadienį susitiks su Prancūzija.", "CONSULT/meeting Vokietija → Prancūzija 2025-08-15 FUTURE")]
    [InlineData("Estija galėtų pasiųsti karių į Latviją.", "MOBILIZE/troops Estija → Latvija no-date @Latvija HYPOTHETICAL")]
    [InlineData("Japonija planuoja įvesti sankcijas Rusijai.", "SANCTION Japonija → Rusija FUTURE_REF FUTURE")]
    public void EventExtractor_ReadsModalityFromNegationMoodAndTense(string text, string expected) =>
        Assert.Contains(expected, Events(text));

    [Fact]
    public void EventExtractor_DatesByWeekdayAndPlacesByLocative()
    {
        var events = Events("V. Putinas ir D. Trumpas penktadienį susitiks Aliaskoje.");
        Assert.Contains("CONSULT/meeting Vladimiras Putinas + Donaldas Trumpas → 2025-08-15 @Aliaska FUTURE", events);
    }

    [Fact]
    public void EventExtractor_CountsTheDeadOfAnAttack()
    {
        var events = Events("Per Rusijos ataką Charkive žuvo penki žmonės.");
        Assert.Equal(["ASSAULT Rusija → PAST_REF @Charkivas ASSERTED [5 žmogus]"], events);
    }

    [Fact]
    public void EventExtractor_EventNounWithoutParticipantsRefersToTheLastEventOfItsType()
    {
        var events = Events("Antradienį Lietuvos ir Lenkijos prezidentai kalbėjosi telefonu. Pokalbis truko valandą.");
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.StartsWith("CONSULT/phone Lietuva + Lenkija → 2025-08-12", e));
    }

    [Fact]
    public void EventExtractor_MarksAttributedClaimsAsReported()
    {
        var events = Events("Pasak Kyjivo, Rusija antradienį atakavo Odesą.");
        Assert.Contains("ASSAULT Rusija → Odesa 2025-08-12 REPORTED «Kyjivas»", events);
    }

    [Theory]
    [InlineData("Vilniuje vyko koncertas.")]
    [InlineData("Ministras sakė, kad sutartis bus svarbi.")]
    [InlineData("Jis padėkojo visiems.")]
    public void EventExtractor_FindsNoEventWithoutANamedParticipant(string text) => Assert.Empty(Events(text));

    /// <summary>Thousands of events in one text (a hostile input): every one is found, each with its own attribution.</summary>
    [Fact]
    public void EventExtractor_HandlesThousandsOfEventsInOneText()
    {
        var doc = Analyze.Fully(string.Join(' ', Enumerable.Repeat("Pasak Kyjivo, per Rusijos ataką Charkive antradienį žuvo penki žmonės.", 3000)));
        Assert.Equal(3000, doc.Events.Count(e => e.Type == "ASSAULT" && e.Attribution is not null && e.Quantities.Count == 1));
    }

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(TestPaths.Samples, "*.txt").Select(f => Path.GetFileName(f)).Order()];

    /// <summary>Every sample article's events, one per line after its trigger in brackets, against a reviewed golden file.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void EventExtractor_SampleEventsMatchGoldenFile(string sample)
    {
        var doc = LithuanianPipeline.Create().Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        var lines = doc.Events.Select(e => $"[{doc.Text[e.TriggerStart..e.TriggerEnd]}] {Render(doc, e)}\n");
        Golden.Check("Kronika.Lithuanian.Tests", "Events", Path.ChangeExtension(sample, ".events.txt"), string.Concat(lines));
    }

    /// <summary>The main facts of ../shared/data/articles (the issue's check).</summary>
    [Fact]
    public void EventExtractor_GetsTheMainFactsOfTheExampleArticle()
    {
        var path = Path.Combine(TestPaths.SharedData, "articles");
        if (!Directory.Exists(path)) Assert.Skip($"{path} is absent");
        var doc = LithuanianPipeline.Create().Process(ArticleReader.Read([path]).Single().Document!);
        var events = doc.Events.Select(e => Render(doc, e)).ToList();
        Assert.Contains("CONSULT/phone Vladimiras Putinas + Kim Jong Unas → 2025-08-12 REPORTED «Korėjos centrinė telegramų agentūra»", events);
        Assert.Contains(events, e => e.StartsWith("CONSULT/meeting Vladimiras Putinas + Donaldas Trumpas → 2025-08-15 @Aliaska FUTURE", StringComparison.Ordinal));
        Assert.Contains("MOBILIZE/troops Pchenjanas → Kursko sritis 2024 @Kursko sritis REPORTED «Pietų Korėja» [10000 karys]", events);
        Assert.Contains(events, e => e.StartsWith("ASSAULT → Šiaurės Korėja PAST_REF REPORTED «Seulas» [600 kariškis", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("AGREE Rusija + Šiaurės Korėja → 2024 ", StringComparison.Ordinal));
    }
}
