using Kronika.Core.Model;
using Kronika.Lithuanian.References;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.References;

/// <summary>
/// The References layer: role nouns, titles, pronouns, bare names and defined acronyms pointed at entity ids; the
/// office-holder table. Every sentence is the team's own.
/// </summary>
public class ReferenceResolverTests
{
    private static Document Run(string date, string text) =>
        Analyze.Full.Process(new Document(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), paragraphs: Document.Lines(text)));

    private static string Describe(Document doc) =>
        string.Join("; ", doc.References.Select(r => $"{doc.Text[r.Start..r.End]} -> {doc.Entities.First(e => e.Id == r.Entity).Canonical}"));

    [Theory]
    // A role noun: the person the article names with it.
    [InlineData("2025-11-20", "Prezidentas Gitanas Nausėda lankėsi Vilniuje. Prezidentas susitiko su mokiniais.", "Prezidentas", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Gitanas Nausėda susitiko su Inga Ruginiene. Šalies vadovas pabrėžė gynybos svarbą.", "Šalies vadovas", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Teisėja Aistė Jankauskaitė paskelbė nuosprendį. Teisėjos teigimu, kaltė įrodyta.", "Teisėjos", "Aistė Jankauskaitė")]
    [InlineData("2025-11-20", "Bendrovės vadovas Tomas Vaitkus pristatė rezultatus. Vadovas sakė, kad pelnas išaugo.", "Vadovas", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "Kauno meras Visvaldas Matijošaitis pristatė planą. Meras žadėjo baigti tiltą.", "Meras", "Visvaldas Matijošaitis")]
    [InlineData("2008-06-15", "Premjeras Gediminas Kirkilas lankėsi Kaune. Premjeras pažadėjo paramą.", "Premjeras", "Gediminas Kirkilas")]
    // A person the office-holder table puts in that office on the publication date, named later in the article.
    [InlineData("2025-11-20", "Premjerė teigė, kad biudžetas bus priimtas. Tai žurnalistams sakė Inga Ruginienė.", "Premjerė", "Inga Ruginienė")]
    // The office holder on the publication date when the article names nobody.
    [InlineData("2025-11-20", "Premjerė pasirašė nutarimą.", "Premjerė", "Inga Ruginienė")]
    [InlineData("2021-03-01", "Premjerė pasirašė nutarimą.", "Premjerė", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "Lietuvos prezidentas pasveikino sportininkus.", "Lietuvos prezidentas", "Gitanas Nausėda")]
    [InlineData("2017-11-20", "Lietuvos prezidentė pasveikino sportininkus.", "Lietuvos prezidentė", "Dalia Grybauskaitė")]
    [InlineData("2025-11-20", "Rusijos prezidentas grasino Vakarams.", "Rusijos prezidentas", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Užsienio reikalų ministras pabrėžė sankcijų svarbą.", "Užsienio reikalų ministras", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Vokietijos kancleris atvyko į Vilnių.", "Vokietijos kancleris", "Friedrichas Merzas")]
    [InlineData("2025-11-20", "Vyriausybės vadovė susitiko su profsąjungomis.", "Vyriausybės vadovė", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Seimo pirmininkas pradėjo posėdį.", "Seimo pirmininkas", "Juozas Olekas")]
    [InlineData("2019-03-01", "Seimo pirmininkas pradėjo posėdį.", "Seimo pirmininkas", "Viktoras Pranckietis")]
    // Pronouns and nouns for the last person spoken of: gender, number, a subject preferred.
    [InlineData("2025-11-20", "Inga Ruginienė atvyko į Seimą. Ji pristatė programą.", "Ji", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Jonas Petraitis ir Rasa Kazlauskienė pasirašė sutartį. Ji sakė, kad darbai prasidės pavasarį.", "Ji", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "Gitanas Nausėda susitiko su Inga Ruginiene. Jis sakė, kad susitikimas buvo naudingas.", "Jis", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Inga Ruginienė susitiko su Gitanu Nausėda. Ji sakė, kad susitikimas buvo naudingas.", "Ji", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Policijos departamentas paskelbė duomenis. Jie rodo, kad avarijų mažėja.", "Jie", "Policijos departamentas")]
    [InlineData("2025-11-20", "Dovilė Šakalienė lankėsi pasienyje. Jos teigimu, tvora bus sustiprinta.", "Jos", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Markas Rutte kalbėjo Hagoje. Pašnekovas pabrėžė, kad aljansas vieningas.", "Pašnekovas", "Markas Rutte")]
    // A bare name for one body.
    [InlineData("2025-11-20", "Europos Komisija paskelbė planą. Komisija tikisi pritarimo.", "Komisija", "Europos Komisija")]
    [InlineData("2025-11-20", "Europos Sąjunga svarsto sankcijas. Komisija pasiūlė naują paketą.", "Komisija", "Europos Komisija")]
    public void Reference_PointsAtTheEntity(string date, string text, string reference, string canonical)
    {
        var doc = Run(date, text);
        var found = doc.References.Where(r => doc.Text[r.Start..r.End] == reference).ToList();
        // A word the entity step already links (`Komisija` in an EU article) is a mention of the entity itself.
        var mention = doc.Entities.Where(e => doc.Text[e.Start..e.End] == reference).ToList();
        Assert.True(found.Count == 1 || found.Count == 0 && mention.Count == 1, $"'{reference}' in '{text}': {Describe(doc)}");
        Assert.Equal(canonical, found.Count == 1 ? doc.Entities.First(e => e.Id == found[0].Entity).Canonical : mention[0].Canonical);
    }

    [Theory]
    // Nothing to refer to: no person of that role, no antecedent, a minister without a ministry, a pronoun in a quote.
    [InlineData("Ministras pabrėžė sankcijų svarbą.")]
    [InlineData("Jis sakė, kad derybos vyks.")]
    [InlineData("Gitanas Nausėda susitiko su ūkininkais. Ji sakė, kad derybos vyks.")]
    [InlineData("Teisėjas paskelbė nuosprendį.")]
    [InlineData("Jonas Petraitis kalbėjo: „Jis niekada nesutiks.“")]
    [InlineData("Komisija posėdžiavo vakar.")]
    public void Reference_IsLeftOutWhenNothingFits(string text)
    {
        var doc = Run("2025-11-20", text);
        Assert.True(doc.References.Count == 0, $"'{text}': {Describe(doc)}");
    }

    [Fact]
    public void Reference_ToAnUnnamedOfficeHolder_AddsOneMentionOnTheRoleNoun()
    {
        var doc = Run("2025-11-20", "Premjerė pasirašė nutarimą. Vėliau premjerė išvyko į Rygą.");
        var holder = Assert.Single(doc.Entities, e => e.Type == "PER");
        Assert.Equal(("Inga Ruginienė", "PER", "premjerė"), (holder.Canonical, holder.Type, doc.Text[holder.Start..holder.End].ToLowerInvariant()));
        Assert.Equal(2, doc.References.Count);
        Assert.All(doc.References, r => Assert.Equal(holder.Id, r.Entity));
    }

    [Fact]
    public void Reference_WithoutAPublicationDate_UsesNoOfficeHolder()
    {
        var doc = LithuanianPipeline.Create().Process(new Document("Premjerė pasirašė nutarimą."));
        Assert.Empty(doc.References);
        Assert.Empty(doc.Entities);
    }

    [Fact]
    public void OfficeHolders_OneHolderPerOfficeAtATime()
    {
        var words = ReferenceWords.Load();
        foreach (var office in words.Offices.GroupBy(o => (o.Role, o.Country)))
        {
            var holders = office.OrderBy(o => o.Start).ToList();
            for (var i = 1; i < holders.Count; i++)
                Assert.True(holders[i - 1].End is { } end && end <= holders[i].Start,
                    $"{office.Key}: {holders[i - 1].Name} and {holders[i].Name} overlap");
            Assert.All(holders, h => Assert.True(h.End is null || h.Start < h.End, $"{h.Name}: ends before it starts"));
        }
    }

    [Fact]
    public void OfficeHolders_CoverLithuaniasOfficesSince2016()
    {
        var words = ReferenceWords.Load();
        string[] roles = ["president", "prime-minister", "seimas-speaker", "minister-foreign", "minister-defence", "minister-finance",
            "minister-interior", "minister-health", "minister-education", "minister-economy", "minister-energy", "minister-environment",
            "minister-culture", "minister-social", "minister-transport", "minister-agriculture", "minister-justice"];
        for (var day = new DateOnly(2017, 1, 1); day < new DateOnly(2025, 9, 1); day = day.AddDays(30))
            foreach (var role in roles)
                Assert.True(words.Offices.Any(o => o.Role == role && o.Country == "Lietuva" && o.HeldOn(day)), $"{role} on {day}: nobody");
    }

    [Theory]
    [InlineData("Lietuva"), InlineData("Latvija"), InlineData("Estija"), InlineData("Lenkija"), InlineData("Baltarusija"), InlineData("Rusija")]
    [InlineData("Ukraina"), InlineData("Vokietija"), InlineData("Prancūzija"), InlineData("Didžioji Britanija"), InlineData("Italija")]
    [InlineData("Kanada"), InlineData("Jungtinės Amerikos Valstijos"), InlineData("Japonija"), InlineData("Kinija")]
    [InlineData("Europos Komisija"), InlineData("Europos Vadovų Taryba"), InlineData("Europos Parlamentas"), InlineData("Šiaurės Atlanto sutarties organizacija")]
    public void OfficeHolders_NameTheHeadOn2025(string country)
    {
        var words = ReferenceWords.Load();
        Assert.Contains(words.Offices, o => o.Country == country && o.HeldOn(new DateOnly(2025, 6, 1)));
    }

    /// <summary>
    /// Issue 21 item 4: a bare role looked for its person among every mention of the article (quadratic in a long one);
    /// now among the people fitting that kind of role, found once, by binary search. In a long article two ministers
    /// named in turn: each bare `Ministras` is the one named nearest before it.
    /// </summary>
    [Fact]
    public void Reference_InALongArticle_IsThePersonNamedWithTheRoleNearestBefore()
    {
        var paragraphs = Enumerable.Range(0, 400).Select(i => i % 2 == 0
            ? "Ministras Jonas Petraitis lankėsi Kaune. Ministras pažadėjo paramą ūkininkams."
            : "Ministras Tomas Vaitkus lankėsi Klaipėdoje. Ministras pažadėjo naują uostą.");
        var text = string.Join("\n", paragraphs);

        var doc = Run("2025-11-20", text);

        var bare = doc.References.Where(r => doc.Text[r.Start..r.End] == "Ministras").ToList();
        Assert.Equal(400, bare.Count);
        foreach (var r in bare)
        {
            var paragraph = text.LastIndexOf('\n', r.Start) + 1;
            var named = text.AsSpan(paragraph).StartsWith("Ministras Jonas") ? "Jonas Petraitis" : "Tomas Vaitkus";
            Assert.Equal(named, doc.Entities.First(e => e.Id == r.Entity).Canonical);
        }
    }

    [Fact]
    public void References_MatchGoldenFile()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var sample in new[] { "2023-07-12-nato-vilniuje.txt", "2025-05-22-vokietijos-brigada.txt", "2024-01-28-gripo-epidemija.txt", "2025-08-13-putinas-kim.txt" })
        {
            var read = Kronika.Ingest.ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single();
            var doc = LithuanianPipeline.Create().Process(read.Document!);
            sb.Append("# ").Append(sample).Append('\n');
            foreach (var r in doc.References)
                sb.Append(doc.Text[r.Start..r.End]).Append('\t').Append(doc.Entities.First(e => e.Id == r.Entity).Canonical).Append('\n');
        }
        Golden.Check("Kronika.Lithuanian.Tests", "References", "samples.references.tsv", sb.ToString());
    }
}
