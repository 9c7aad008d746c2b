using System.Globalization;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Events;

/// <summary>Events from Lithuanian sentences (DCT Wednesday 2025-08-13): type, roles from case, date, place, modality, source, counts.</summary>
public class EventExtractorTests
{
    /// <summary>`TYPE/mode actors → targets date @place MODALITY «source» [quantities]`, one line per event; a date bounded
    /// by the DCT only is `<DCT` (before) or `>DCT` (after).</summary>
    public static string Render(Document doc, Event e)
    {
        string Name(int id) => doc.Entities.First(m => m.Id == id).Canonical;
        var parts = new List<string>
        {
            e.Type + (e.Mode is { } m ? "/" + m : ""),
            (string.Join(" + ", e.Actors.Select(Name)) + " → " + string.Join(" + ", e.Targets.Select(Name))).Trim(),
            e.DateMod switch { "BEFORE" => "<", "AFTER" => ">", _ => "" } + (e.Date ?? "no-date"),
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
    [InlineData("Lenkija pagrasino Baltarusijai.", "THREATEN Lenkija → Baltarusija <2025-08-13 ASSERTED")]
    [InlineData("Kyjivas apkaltino Maskvą karo nusikaltimais.", "ACCUSE Kyjivas → Maskva <2025-08-13 ASSERTED")]
    [InlineData("Europos Sąjunga pirmadienį įvedė naujas sankcijas Rusijai.", "SANCTION Europos Sąjunga → Rusija 2025-08-11 ASSERTED")]
    [InlineData("Vokietija pernai dislokavo brigadą Lietuvoje.", "MOBILIZE/troops Vokietija → 2024 @Lietuva ASSERTED")]
    [InlineData("Lenkija paragino Vokietiją skubiau perduoti ginklų Ukrainai.", "REQUEST Lenkija → Vokietija <2025-08-13 ASSERTED")]
    [InlineData("Prancūzija atmetė Vengrijos pasiūlymą.", "REJECT Prancūzija → Vengrija <2025-08-13 ASSERTED")]
    public void EventExtractor_TakesActorFromNominativeAndTargetFromObject(string text, string expected) =>
        Assert.Contains(expected, Events(text));

    [Theory]
    [InlineData("Izraelis neatakavo Irano.", "ASSAULT Izraelis → Iranas <2025-08-13 NEGATED")]
    [InlineData("Kinija nesusitiks su Japonija.", "CONSULT/meeting Kinija → Japonija >2025-08-13 NEGATED")]
    [InlineData("Vokietija penktadienį susitiks su Prancūzija.", "CONSULT/meeting Vokietija → Prancūzija 2025-08-15 FUTURE")]
    [InlineData("Estija galėtų pasiųsti karių į Latviją.", "MOBILIZE/troops Estija → Latvija no-date @Latvija HYPOTHETICAL")]
    [InlineData("Japonija planuoja įvesti sankcijas Rusijai.", "SANCTION Japonija → Rusija >2025-08-13 FUTURE")]
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
        Assert.Equal(["ASSAULT Rusija → <2025-08-13 @Charkivas ASSERTED [5 žmogus]"], events);
    }

    [Fact]
    public void EventExtractor_EventNounWithoutParticipantsRefersToTheLastEventOfItsType()
    {
        var doc = Analyze.Fully("Antradienį Lietuvos ir Lenkijos prezidentai kalbėjosi telefonu. Pokalbis truko valandą.");
        var e = Assert.Single(doc.Events);
        Assert.StartsWith("CONSULT/phone Lietuva + Lenkija → 2025-08-12", Render(doc, e));
        Assert.Equal(["Pokalbis"], e.Mentions!.Select(m => doc.Text[m.Start..m.End]));
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

    /// <summary>Thousands of mentions in one text (a hostile input): every one is found, and as they tell one attack, they are one event.</summary>
    [Fact]
    public void EventExtractor_HandlesThousandsOfEventsInOneText()
    {
        var doc = Analyze.Fully(string.Join(' ', Enumerable.Repeat("Pasak Kyjivo, per Rusijos ataką Charkive antradienį žuvo penki žmonės.", 3000)));
        var e = Assert.Single(doc.Events);
        Assert.True(e.Type == "ASSAULT" && e.Attribution is not null && e.Mentions!.Count == 2999);
    }

    private static readonly HashSet<string> Symmetric = ["AGREE", "CONSULT", "COOPERATE"];

    /// <summary>`TYPE actors → targets date MODALITY` (symmetric types: `TYPE A + B date MODALITY`, sorted), as Data/event-cases.tsv writes it.</summary>
    internal static string Core(Document doc, Event e)
    {
        string Name(int id) => doc.Entities.First(m => m.Id == id).Canonical;
        var date = e.DateMod switch { "BEFORE" => "<", "AFTER" => ">", _ => "" } + (e.Date ?? "no-date");
        var roles = Symmetric.Contains(e.Type)
            ? string.Join(" + ", e.Actors.Concat(e.Targets).Select(Name).Distinct().Order(StringComparer.Ordinal))
            : $"{string.Join(" + ", e.Actors.Select(Name))} → {string.Join(" + ", e.Targets.Select(Name))}".Trim();
        return $"{e.Type} {roles} {date} {e.Modality}".Replace("  ", " ");
    }

    /// <summary>The team's cases (Data/event-cases.tsv) the engine gets right; those marked `known` are scored by the gold set only.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var parts in TestPaths.CaseRows("tests/Kronika.Lithuanian.Tests/Events/Data/event-cases.tsv", 2))
            data.Add(parts[0], parts[1]);
        return data;
    }

    /// <summary>
    /// Real PLOVER events only, one per real event: arrests, sentences, charges, investigations, protests, sanctions,
    /// invasions, ceasefires and the rest with their participants, and no event in sport, accidents, fires, weather,
    /// markets, discussions of a topic or reports by an outlet.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void EventExtractor_FindsTheRealEventsOfATeamCase(string text, string expected)
    {
        var doc = Analyze.Fully(text);
        var actual = doc.Events.Count == 0 ? "-" : string.Join(" | ", doc.Events.Select(e => Core(doc, e)));
        Assert.Equal(expected, actual);
    }

    /// <summary>A past event the text dates only by tense is bounded by the publication date; a birth year is not its date.</summary>
    [Theory]
    [InlineData("Lietuva išsiuntė Rusijos diplomatą.", "2025-08-13", "BEFORE")]
    [InlineData("Lietuva išsiųs Rusijos diplomatą.", "2025-08-13", "AFTER")]
    [InlineData("1985 metais gimęs Lenkijos pilietis buvo sulaikytas.", "2025-08-13", "BEFORE")]
    [InlineData("Lietuva 2024 metais išsiuntė Rusijos diplomatą.", "2024", null)]
    public void EventExtractor_BoundsATenseOnlyDateByTheDct(string text, string date, string? mod)
    {
        var e = Assert.Single(Analyze.Fully(text).Events);
        Assert.Equal(date, e.Date);
        Assert.Equal(mod, e.DateMod);
    }

    /// <summary>The mentions of one meeting are one event whose further triggers are kept.</summary>
    /// <summary>
    /// The title and the first sentences tell one piece of news: the title's arrest (`STT sulaikė Alytaus merą`) and the
    /// body's (`… pareigūnai antradienį sulaikė Alytaus merą Joną Petraitį`) are one event with two triggers, dated by the
    /// body; so are a title's coming meeting and the body's.
    /// </summary>
    [Theory]
    [InlineData("STT sulaikė Alytaus merą\nSpecialiųjų tyrimų tarnybos pareigūnai antradienį sulaikė Alytaus merą Joną Petraitį.", "COERCE Specialiųjų tyrimų tarnyba → Alytus + Jonas Petraitis 2025-08-12 ASSERTED")]
    [InlineData("Nausėda susitiks su Zelenskiu\nGitanas Nausėda penktadienį Vilniuje susitiks su Volodymyru Zelenskiu.", "CONSULT Gitanas Nausėda + Volodymyras Zelenskis 2025-08-15 FUTURE")]
    public void EventExtractor_FoldsTheTitleIntoTheEventOfTheFirstSentences(string text, string expected)
    {
        var doc = Analyze.Full.Process(new Document(text, new DateOnly(2025, 8, 13), paragraphs: Document.Lines(text)));
        Assert.Equal(expected, string.Join(" | ", doc.Events.Select(e => Core(doc, e))));
        Assert.Equal(2, doc.Events[0].Mentions?.Count + 1);
    }

    /// <summary>The body's figures belong to the event the title told first (`… sulaikė … du skyrių vedėjus`).</summary>
    [Fact]
    public void EventExtractor_GivesTheTitledEventTheBodysFigures()
    {
        const string text = "STT sulaikė Mažeikių tarybos narį\nSpecialiųjų tyrimų tarnyba antradienį sulaikė Mažeikių rajono tarybos narį Joną Petraitį ir du skyrių vedėjus.";
        var doc = Analyze.Full.Process(new Document(text, new DateOnly(2025, 8, 13), paragraphs: Document.Lines(text)));
        var e = Assert.Single(doc.Events);
        Assert.Contains(e.Quantities, q => doc.Quantities[q].Value == 2);
    }

    [Fact]
    public void EventExtractor_FoldsTheMentionsOfOneMeetingIntoOneEvent()
    {
        var doc = Analyze.Fully("Gitanas Nausėda antradienį susitiko su Andrzejumi Duda. Per susitikimą prezidentai aptarė saugumą. Susitikimas truko dvi valandas.");
        var e = Assert.Single(doc.Events);
        Assert.Equal(["susitikimą", "Susitikimas"], e.Mentions!.Select(m => doc.Text[m.Start..m.End]));
    }

    public static TheoryData<string> Samples() => [.. Directory.GetFiles(TestPaths.Samples, "*.txt").Select(f => Path.GetFileName(f)).Order()];

    /// <summary>Every sample article's events, one per line after its trigger in brackets (and its further mentions after `+`), against a reviewed golden file.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void EventExtractor_SampleEventsMatchGoldenFile(string sample)
    {
        var doc = LithuanianPipeline.Create().Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        var lines = doc.Events.Select(e => $"[{doc.Text[e.TriggerStart..e.TriggerEnd]}]{string.Concat((e.Mentions ?? []).Select(m => $" +[{doc.Text[m.Start..m.End]}]"))} {Render(doc, e)}\n");
        Golden.Check("Kronika.Lithuanian.Tests", "Events", Path.ChangeExtension(sample, ".events.txt"), string.Concat(lines));
    }

    /// <summary>The same with the dependency parse, as `analyze` runs it: participants read off the tree (Events/TreeRoles.cs).</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void EventExtractor_SampleEventsFromTheParseMatchGoldenFile(string sample)
    {
        var doc = Analyze.WithSyntax.Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        var lines = doc.Events.Select(e => $"[{doc.Text[e.TriggerStart..e.TriggerEnd]}]{string.Concat((e.Mentions ?? []).Select(m => $" +[{doc.Text[m.Start..m.End]}]"))} {Render(doc, e)}\n");
        Golden.Check("Kronika.Lithuanian.Tests", Path.Combine("Events", "Parsed"), Path.ChangeExtension(sample, ".events.txt"), string.Concat(lines));
    }

    /// <summary>The main facts of the example article hold with the parse too.</summary>
    [Fact]
    public void EventExtractor_GetsTheMainFactsOfTheExampleArticleFromTheParse()
    {
        var path = Path.Combine(TestPaths.SharedData, "articles");
        if (!Directory.Exists(path)) Assert.Skip($"{path} is absent");
        var doc = Analyze.WithSyntax.Process(ArticleReader.Read([path]).Single().Document!);
        var events = doc.Events.Select(e => Render(doc, e)).ToList();
        Assert.Contains("CONSULT/phone Vladimiras Putinas + Kim Jong Unas → 2025-08-12 REPORTED «Korėjos centrinė telegramų agentūra»", events);
        Assert.Contains(events, e => e.StartsWith("CONSULT/meeting Vladimiras Putinas + Donaldas Trumpas → 2025-08-15 @Aliaska FUTURE", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("AGREE Rusija + Šiaurės Korėja → 2024 ", StringComparison.Ordinal));
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
        Assert.Contains(events, e => e.StartsWith("ASSAULT → Šiaurės Korėja <2025-08-13 REPORTED «Seulas» [600 kariškis", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("AGREE Rusija + Šiaurės Korėja → 2024 ", StringComparison.Ordinal));
    }
}
