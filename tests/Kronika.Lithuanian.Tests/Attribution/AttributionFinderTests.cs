using System.Text;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Tests;
using AttributionRecord = Kronika.Core.Model.Attribution;

namespace Kronika.Lithuanian.Tests.Attribution;

/// <summary>
/// Quotes and attributions (docs/events.md, "Quotes" and "Attribution"): every cue and hedge form, the quote forms,
/// when the speaker is null, the example article of ../shared/data, golden files over samples/ and hostile text.
/// </summary>
public class AttributionFinderTests
{
    private static string? Name(Document doc, int? id) => id is { } i ? doc.Entities.First(e => e.Id == i).Canonical : null;

    private static string Describe(Document doc)
    {
        var sb = new StringBuilder();
        foreach (var a in doc.Attributions)
            sb.Append($"\n  A {doc.Text[a.CueStart..a.CueEnd]} -> {Name(doc, a.Source) ?? a.SourceText ?? "-"}{(a.Hedged ? " hedged" : "")} | {doc.Text[a.Start..a.End]}");
        foreach (var q in doc.Quotes)
            sb.Append($"\n  Q {(q.Direct ? "direct" : "indirect")} {doc.Text[q.Start..q.End]} -> {Name(doc, q.Speaker) ?? "-"}");
        return sb.ToString();
    }

    private static AttributionRecord Cue(Document doc, string cue)
    {
        var found = doc.Attributions.Where(a => doc.Text[a.CueStart..a.CueEnd] == cue).ToList();
        Assert.True(found.Count == 1, $"cue '{cue}' in '{doc.Text}':{Describe(doc)}");
        return found[0];
    }

    private static Quote QuoteOf(Document doc, string text, bool direct)
    {
        var found = doc.Quotes.Where(q => q.Direct == direct && doc.Text[q.Start..q.End] == text).ToList();
        Assert.True(found.Count == 1, $"{(direct ? "direct" : "indirect")} quote '{text}' in '{doc.Text}':{Describe(doc)}");
        return found[0];
    }

    [Theory]
    // Reporting verbs with their subject before or after them, a role before the name, apposition and the compound past.
    [InlineData("V. Putinas ir Kim Jong Unas kalbėjosi telefonu, informavo oficialioji naujienų agentūra KCNA.", "informavo", "Korėjos centrinė telegramų agentūra", null)]
    [InlineData("Susitikimas įvyko, skelbė KCNA.", "skelbė", "Korėjos centrinė telegramų agentūra", null)]
    [InlineData("Kremlius pareiškime patvirtino žinią apie pokalbį.", "patvirtino", "Kremlius", null)]
    [InlineData("Pietų Korėjos ir Vakarų žvalgybos agentūros yra pranešusios, kad Pchenjanas pasiuntė karių.", "yra pranešusios", "Pietų Korėja", null)]
    [InlineData("Rusijos prezidentas Vladimiras Putinas pareiškė, kad karas tęsis.", "pareiškė", "Vladimiras Putinas", null)]
    [InlineData("Lietuvos užsienio reikalų ministras Kęstutis Budrys sakė, kad grėsmė auga.", "sakė", "Kęstutis Budrys", null)]
    [InlineData("Apie tai pranešė Krašto apsaugos ministerija.", "pranešė", "Krašto apsaugos ministerija", null)]
    [InlineData("„Tai svarbu“, – BNS teigė K. Budrys.", "teigė", "Kęstutis Budrys", null)]
    [InlineData("Kim Jong Unas, kaip skelbia KCNA, pažadėjo paramą.", "pažadėjo", "Kim Jong Unas", null)]
    [InlineData("Kim Jong Unas, kaip skelbia KCNA, pažadėjo paramą.", "skelbia", "Korėjos centrinė telegramų agentūra", null)]
    [InlineData("Kaip skelbia Reuters, derybos tęsiasi.", "skelbia", "Reuters", null)]
    [InlineData("Kaip pranešė BNS, posėdis atidėtas.", "pranešė", "BNS", null)]
    [InlineData("Kremliaus atstovas sakė, kad pokalbis įvyko.", "sakė", "Kremlius", null)]
    [InlineData("Gitanas Nausėda, Lietuvos prezidentas, sakė, kad pelnas augo.", "sakė", "Gitanas Nausėda", null)]
    [InlineData("Markas Rutte, perėmęs pareigas, teigė, kad aljansas stiprus.", "teigė", "Markas Rutte", null)]
    [InlineData("Didžiojo septyneto (G7) šalys paskelbė bendrą deklaraciją.", "paskelbė", "G7", null)]
    [InlineData("Bendrovės „Ignitis“ atstovai neigia kaltinimus.", "neigia", "Ignitis", null)]
    [InlineData("„Sergančiųjų daugėja“, – sakė infektologė doc. Rūta Jakštienė.", "sakė", "Rūta Jakštienė", null)]
    [InlineData("Ministerija nepatvirtino, kad sutartis pasirašyta.", "nepatvirtino", null, null)]
    [InlineData("Jis buvo sakęs, kad grįš.", "buvo sakęs", null, null)]
    // A source that is not a named entity: its words as written, or nothing for a pronoun or a bare role.
    [InlineData("Paskelbė oficialioji naujienų agentūra, kad derybos vyks.", "Paskelbė", null, "oficialioji naujienų agentūra")]
    [InlineData("Jis sakė, kad derybos vyks.", "sakė", null, null)]
    [InlineData("Pareigūnai teigė, kad padėtis stabili.", "teigė", null, null)]
    [InlineData("Ekspertai mano, kad infliacija mažės.", "mano", null, null)]
    // Source markers: `pasak`, `anot`, `remiantis` before the source, `duomenimis`, `teigimu`, `vertinimu`, `žodžiais` after it.
    [InlineData("Pasak BNS, sprendimas priimtas.", "Pasak", "BNS", null)]
    [InlineData("Anot Kremliaus, pokalbis buvo dalykiškas.", "Anot", "Kremlius", null)]
    [InlineData("Pasak Lietuvos banko ekonomistų, kainos kils.", "Pasak", "Lietuvos bankas", null)]
    [InlineData("Pasak ministro, reforma vyksta.", "Pasak", null, null)]
    [InlineData("Remiantis Seulo duomenimis, karių skaičius išaugo.", "Remiantis", "Seulas", null)]
    [InlineData("Remiantis Reuters, sandoris įvyko.", "Remiantis", "Reuters", null)]
    [InlineData("Seulo duomenimis, žuvo apie 600 karių.", "duomenimis", "Seulas", null)]
    [InlineData("Žvalgybos agentūrų duomenimis, karių skaičius išaugo.", "duomenimis", null, "Žvalgybos agentūrų")]
    [InlineData("Oficialiais duomenimis, nedarbas mažėja.", "duomenimis", null, null)]
    [InlineData("Vokietijos kanclerio Olafo Scholzo teigimu, brigada bus dislokuota.", "teigimu", "Olafas Scholzas", null)]
    [InlineData("Ministro teigimu, padėtis gerėja.", "teigimu", null, null)]
    [InlineData("Lietuvos banko vertinimu, infliacija mažės.", "vertinimu", "Lietuvos bankas", null)]
    [InlineData("Karo ekspertų vertinimu, operacija turi politinį tikslą.", "vertinimu", null, "Karo ekspertų")]
    [InlineData("Jo žodžiais, viskas gerai.", "žodžiais", null, null)]
    [InlineData("Finansų ministerijos skaičiavimais, skolintis reikės daugiau.", "skaičiavimais", "Finansų ministerija", null)]
    public void AttributionFinder_FindsTheCueAndItsSource(string text, string cue, string? source, string? sourceText)
    {
        var doc = Analyze.Fully(text);
        var a = Cue(doc, cue);
        Assert.True(source == Name(doc, a.Source) && sourceText == a.SourceText,
            $"'{cue}' in '{text}': source {Name(doc, a.Source) ?? "-"}, text {a.SourceText ?? "-"}:{Describe(doc)}");
        Assert.False(a.Hedged);
    }

    [Theory]
    [InlineData("Kitais žodžiais, nieko nepasikeitė.")]
    [InlineData("Jis susitiko su ministerijos pranešimu rankoje.")]
    [InlineData("Vadovai kalbėjosi telefonu.")]
    [InlineData("Jis pažadėjo atvykti.")]
    public void AttributionFinder_FindsNoCueWhereNoSourceIsNamed(string text)
    {
        var doc = Analyze.Fully(text);
        Assert.True(doc.Attributions.Count(a => a.Source is not null || a.SourceText is not null) == 0, Describe(doc));
        if (text.StartsWith("Kitais") || text.Contains("pranešimu")) Assert.Empty(doc.Attributions);
    }

    [Theory]
    [InlineData("Manoma, kad D. Trumpas spaus Rusiją.", "Manoma", "D. Trumpas spaus Rusiją")]
    [InlineData("Teigiama, kad kariai jau išvyko.", "Teigiama", "kariai jau išvyko")]
    [InlineData("Skelbiama, kad rinkimai vyks rudenį.", "Skelbiama", "rinkimai vyks rudenį")]
    [InlineData("Tikėtina, kad palūkanos mažės.", "Tikėtina", "palūkanos mažės")]
    [InlineData("Spėjama, kad gaisrą sukėlė žaibas.", "Spėjama", "gaisrą sukėlė žaibas")]
    [InlineData("Įtariama, kad jis šnipinėjo.", "Įtariama", "jis šnipinėjo")]
    [InlineData("Pranešama apie gaisrą sostinėje.", "Pranešama", "Pranešama apie gaisrą sostinėje.")]
    [InlineData("Abu vadovai esą sutarė plėtoti santykius.", "esą", "Abu vadovai esą sutarė plėtoti santykius.")]
    [InlineData("Jis neva sirgo.", "neva", "Jis neva sirgo.")]
    [InlineData("Galbūt derybos atsinaujins.", "Galbūt", "Galbūt derybos atsinaujins.")]
    [InlineData("Kariai, kaip manoma, jau pasiekė frontą.", "manoma", "Kariai, kaip manoma, jau pasiekė frontą.")]
    [InlineData("Jie tariamai pabėgo.", "tariamai", "Jie tariamai pabėgo.")]
    [InlineData("Turbūt lis.", "Turbūt", "Turbūt lis.")]
    public void AttributionFinder_MarksHedgedClaimsWithoutASource(string text, string cue, string claim)
    {
        var doc = Analyze.Fully(text);
        var a = Cue(doc, cue);
        Assert.True(a.Hedged, Describe(doc));
        Assert.Null(a.Source);
        Assert.Null(a.SourceText);
        Assert.Equal(claim, text[a.Start..a.End]);
        Assert.Empty(doc.Quotes);
    }

    [Theory]
    [InlineData("Tai teigiama žinia rinkai.")]
    [InlineData("Skelbiama informacija buvo klaidinga.")]
    public void AttributionFinder_TellsAHedgeFromTheAdjective(string text)
    {
        Assert.Empty(Analyze.Fully(text).Attributions);
    }

    [Fact]
    public void AttributionFinder_HedgesTheClaimOfACueAndGivesTheHedgeItsSource()
    {
        var doc = Analyze.Fully("Pasak BNS, abu vadovai esą sutarė plėtoti santykius.");
        Assert.True(Cue(doc, "Pasak").Hedged);
        var hedge = Cue(doc, "esą");
        Assert.True(hedge.Hedged);
        Assert.Equal("BNS", Name(doc, hedge.Source));
    }

    [Fact]
    public void AttributionFinder_KeepsAParentheticalHedgeLocal()
    {
        // `, manoma,` before a part with no verb hedges that part, not the intelligence's whole claim.
        var doc = Analyze.Fully("Pietų Korėjos žvalgyba teigia, kad Pchenjanas gavo naftos ir, manoma, technologijų.");
        Assert.False(Cue(doc, "teigia").Hedged);
        var hedge = Cue(doc, "manoma");
        Assert.True(hedge.Hedged);
        Assert.Equal("Pietų Korėja", Name(doc, hedge.Source));
    }

    [Theory]
    [InlineData("Kremlius patvirtino, kad pokalbis įvyko.", "patvirtino", "pokalbis įvyko")]
    [InlineData("Jis teigė, kad derybos vyks, skelbė BNS.", "teigė", "derybos vyks")]
    [InlineData("Jis teigė, kad derybos vyks, skelbė BNS.", "skelbė", "Jis teigė, kad derybos vyks, skelbė BNS.")]
    [InlineData("Seulo duomenimis, žuvo 600 karių.", "duomenimis", "Seulo duomenimis, žuvo 600 karių.")]
    [InlineData("Ministras sakė, jog sprendimas (jau priimtas) galioja; diskusijos baigtos.", "sakė", "sprendimas (jau priimtas) galioja")]
    public void AttributionFinder_ClaimIsTheKadClauseOrTheSentence(string text, string cue, string claim)
    {
        var doc = Analyze.Fully(text);
        var a = Cue(doc, cue);
        Assert.Equal(claim, text[a.Start..a.End]);
    }

    [Theory]
    // Direct speech before a reporting tail, after a colon, as the verb's object, in every kind of quote mark.
    [InlineData("„Mes laimėsime“, – sakė Jonas Petraitis.", "Mes laimėsime", "Jonas Petraitis")]
    [InlineData("„Mes laimėsime“ – sakė Jonas Petraitis.", "Mes laimėsime", "Jonas Petraitis")]
    [InlineData("Prezidentas Gitanas Nausėda pridūrė: „Mes niekada nepasiduosime.“", "Mes niekada nepasiduosime.", "Gitanas Nausėda")]
    [InlineData("Prezidentas Gitanas Nausėda pridūrė: \"Mes niekada nepasiduosime\".", "Mes niekada nepasiduosime", "Gitanas Nausėda")]
    [InlineData("Prezidentas Gitanas Nausėda sakė: «Mes niekada nepasiduosime».", "Mes niekada nepasiduosime", "Gitanas Nausėda")]
    [InlineData("Prezidentas Gitanas Nausėda sakė: “Mes niekada nepasiduosime”.", "Mes niekada nepasiduosime", "Gitanas Nausėda")]
    [InlineData("„Ukraina įrodė, kad gali. Kiek ilgai ji išlaikys?“ – LRT radijui sakė pulkininkas Darius Antanaitis.", "Ukraina įrodė, kad gali. Kiek ilgai ji išlaikys?", "Darius Antanaitis")]
    [InlineData("„Mes laimėsime. Tai aišku“, – sakė Jonas Petraitis.", "Mes laimėsime. Tai aišku", "Jonas Petraitis")]
    [InlineData("Dmitrijus Peskovas juos pavadino „dar viena antimi“.", "dar viena antimi", "Dmitrijus Peskovas")]
    // Inside a reported clause the reporting verb's subject speaks, not the clause's own subject.
    [InlineData("Kremlius pridūrė, kad V. Putinas „pasidalino informacija su Kim Jong Unu“.", "pasidalino informacija su Kim Jong Unu", "Kremlius")]
    [InlineData("Kim Jong Unas pažadėjo, kad Šiaurės Korėja „visada palaikys Rusiją“.", "visada palaikys Rusiją", "Kim Jong Unas")]
    // Only a reporting source is named: it is the speaker.
    [InlineData("Vadovai kalbėjosi „šiltoje, draugiškoje atmosferoje“, informavo KCNA.", "šiltoje, draugiškoje atmosferoje", "Korėjos centrinė telegramų agentūra")]
    [InlineData("Pasak Kremliaus, pokalbis vyko „dalykiškoje ir atviroje atmosferoje“.", "dalykiškoje ir atviroje atmosferoje", "Kremlius")]
    // The innermost cue, and on a tie the verb over the marker.
    [InlineData("„Rusija niekada nepamirš draugų“, – anot Kremliaus, pareiškė V. Putinas.", "Rusija niekada nepamirš draugų", "Vladimiras Putinas")]
    [InlineData("Pasak BNS, V. Putinas pareiškė, kad Rusija „niekada nepasiduos“.", "niekada nepasiduos", "Vladimiras Putinas")]
    [InlineData("V. Putinas ir Kim Jong Unas patvirtino „savo norą stiprinti bendradarbiavimą“, skelbė KCNA.", "savo norą stiprinti bendradarbiavimą", "Vladimiras Putinas")]
    public void AttributionFinder_GivesADirectQuoteItsSpeaker(string text, string quote, string speaker)
    {
        var doc = Analyze.Fully(text);
        var q = QuoteOf(doc, quote, direct: true);
        Assert.True(speaker == Name(doc, q.Speaker), $"speaker {Name(doc, q.Speaker) ?? "-"}:{Describe(doc)}");
        Assert.True(q.CueStart >= 0 && q.CueEnd > q.CueStart);
    }

    [Theory]
    [InlineData("Kim Jong Unas pažadėjo, kad Šiaurės Korėja „visada palaikys Rusiją“.", "Šiaurės Korėja „visada palaikys Rusiją“", "Kim Jong Unas")]
    [InlineData("Kremlius tą pačią dieną patvirtino, kad pokalbis įvyko.", "pokalbis įvyko", "Kremlius")]
    [InlineData("Ministras sakė žurnalistams, jog reforma vyks.", "reforma vyks", null)]
    [InlineData("Pietų Korėjos ir Vakarų žvalgybos agentūros yra pranešusios, kad Pchenjanas pasiuntė karių.", "Pchenjanas pasiuntė karių", "Pietų Korėja")]
    [InlineData("Kim Jong Unas, kaip skelbia KCNA, pažadėjo, kad Pchenjanas stovės Maskvos pusėje.", "Pchenjanas stovės Maskvos pusėje", "Kim Jong Unas")]
    public void AttributionFinder_MakesTheKadClauseOfASpeechVerbAnIndirectQuote(string text, string quote, string? speaker)
    {
        var doc = Analyze.Fully(text);
        var q = QuoteOf(doc, quote, direct: false);
        Assert.True(speaker == Name(doc, q.Speaker), $"speaker {Name(doc, q.Speaker) ?? "-"}:{Describe(doc)}");
    }

    [Theory]
    [InlineData("„Mes laimėsime“, – sakė jis.", "Mes laimėsime")]
    [InlineData("„Mes laimėsime“, – teigė pareigūnas.", "Mes laimėsime")]
    [InlineData("Jonas Petraitis atvyko. „Mes laimėsime kartu“.", "Mes laimėsime kartu")]
    [InlineData("„Mes laimėsime kartu“. Jonas Petraitis sakė tai vakar.", "Mes laimėsime kartu")]
    [InlineData("„Tai buvo sunkūs metai“.", "Tai buvo sunkūs metai")]
    [InlineData("Jis pažadėjo, kad „viskas bus gerai“.", "viskas bus gerai")]
    [InlineData("Pasak ministro, reforma „jau duoda vaisių“.", "jau duoda vaisių")]
    public void AttributionFinder_LeavesTheSpeakerNullWhenTheSentenceNamesNoEntity(string text, string quote)
    {
        var doc = Analyze.Fully(text);
        Assert.Null(QuoteOf(doc, quote, direct: true).Speaker);
    }

    [Theory]
    [InlineData("Sutartį pasirašė bendrovė „Ignitis“.")]
    [InlineData("Vyksta pratybos „Geležinis vilkas“.")]
    [InlineData("Jis vilkėjo „madingą“ švarką.")]
    [InlineData("Straipsnį paskelbė „The New York Times“.")]
    [InlineData("Jis pasakė „taip“ ir išėjo.")]
    [InlineData("Ji pradėjo „ilgą kelionę ir niekada")]
    [InlineData("Ekspertai mano, kad infliacija mažės.")]
    [InlineData("Manoma, kad jis grįš.")]
    [InlineData("Jis pažadėjo atvykti, kad padėtų.")]
    public void AttributionFinder_FindsNoQuoteInNamesShortWordsOrThoughts(string text)
    {
        var doc = Analyze.Fully(text);
        Assert.True(doc.Quotes.Count == 0, Describe(doc));
    }

    [Fact]
    public void AttributionFinder_ReadsTheExampleArticle()
    {
        var path = TestPaths.RequireSharedFile(Path.Combine("articles", "000_be63aa25a97852a0.txt"));
        var read = ArticleReader.Read([path]).Single();
        Assert.Null(read.Error);
        var doc = Analyze.Full.Process(read.Document!);
        string Source(string cue) => Name(doc, Cue(doc, cue).Source) ?? "-";
        AttributionRecord At(string context, string cue)
        {
            var at = doc.Text.IndexOf(context, StringComparison.Ordinal) + context.IndexOf(cue, StringComparison.Ordinal);
            return doc.Attributions.Single(a => a.CueStart == at);
        }

        Assert.Equal("Korėjos centrinė telegramų agentūra", Source("informavo"));
        Assert.Equal("Korėjos centrinė telegramų agentūra", Source("skelbė"));
        Assert.Equal("Kremlius", Name(doc, At("Kremlius pareiškime patvirtino", "patvirtino").Source));
        Assert.Equal("Pietų Korėja", Source("yra pranešusios"));
        Assert.Equal("Seulas", Source("duomenimis"));
        var manoma = Cue(doc, "Manoma");
        Assert.True(manoma.Hedged);
        Assert.Null(manoma.Source);
        Assert.StartsWith("D. Trumpas penktadienį", doc.Text[manoma.Start..manoma.End]);

        Assert.Equal("Korėjos centrinė telegramų agentūra", Name(doc, QuoteOf(doc, "šiltoje, draugiškoje atmosferoje", direct: true).Speaker));
        var promise = QuoteOf(doc, "Šiaurės Korėja „ir ateityje visapusiškai palaikys visas Rusijos vadovybės priemones“", direct: false);
        Assert.Equal("Kim Jong Unas", Name(doc, promise.Speaker));
        Assert.Equal("Kim Jong Unas", Name(doc, QuoteOf(doc, "ir ateityje visapusiškai palaikys visas Rusijos vadovybės priemones", direct: true).Speaker));
        var shared = doc.Quotes.Single(q => q.Direct && doc.Text[q.Start..q.End].StartsWith("pasidalino informacija", StringComparison.Ordinal));
        Assert.Equal("Kremlius", Name(doc, shared.Speaker));
    }

    [Theory]
    [InlineData("2025-08-13-putinas-kim.txt")]
    [InlineData("2024-10-23-siaures-korejos-kariai.txt")]
    [InlineData("2023-07-12-nato-vilniuje.txt")]
    [InlineData("2024-01-28-gripo-epidemija.txt")]
    [InlineData("2025-05-22-vokietijos-brigada.txt")]
    public void Attribution_MatchesGoldenFile(string sample)
    {
        var doc = Analyze.Full.Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        Golden.Check("Kronika.Lithuanian.Tests", "Attribution", Path.ChangeExtension(sample, ".attribution.tsv"), Render(doc));
    }

    /// <summary>
    /// One line per quote (`Q`, direct or indirect, its text, speaker, cue) and per attribution (`A`, cue, source — an
    /// entity's canonical name, or words in quotes —, hedged, claim).
    /// </summary>
    private static string Render(Document doc)
    {
        var sb = new StringBuilder();
        foreach (var q in doc.Quotes)
            sb.Append($"Q\t{(q.Direct ? "direct" : "indirect")}\t{doc.Text[q.Start..q.End]}\t{Name(doc, q.Speaker) ?? "-"}\t{(q.CueStart < 0 ? "-" : doc.Text[q.CueStart..q.CueEnd])}\n");
        foreach (var a in doc.Attributions)
            sb.Append($"A\t{doc.Text[a.CueStart..a.CueEnd]}\t{Name(doc, a.Source) ?? (a.SourceText is { } t ? $"\"{t}\"" : "-")}\t{(a.Hedged ? "hedged" : "-")}\t{doc.Text[a.Start..a.End]}\n");
        return sb.ToString();
    }

    private static void AssertWellFormed(Document doc)
    {
        var n = doc.Text.Length;
        var previous = -1;
        foreach (var q in doc.Quotes)
        {
            Assert.True(q.Start >= 0 && q.End > q.Start && q.End <= n, $"quote {q.Start}..{q.End} outside {n}");
            Assert.True(q.Start >= previous);
            previous = q.Start;
            Assert.True(q.CueStart == -1 && q.CueEnd == -1 || q.CueStart >= 0 && q.CueEnd > q.CueStart && q.CueEnd <= n);
            if (q.Speaker is { } id) Assert.Contains(doc.Entities, e => e.Id == id);
        }
        previous = -1;
        foreach (var a in doc.Attributions)
        {
            Assert.True(a.Start >= 0 && a.End > a.Start && a.End <= n, $"claim {a.Start}..{a.End} outside {n}");
            Assert.True(a.CueStart >= 0 && a.CueEnd > a.CueStart && a.CueEnd <= n);
            Assert.True(a.CueStart >= previous);
            previous = a.CueStart;
            Assert.False(a.Source is not null && a.SourceText is not null);
            if (a.SourceText is { } text) Assert.Contains(text, doc.Text);
        }
    }

    private static async Task<Document> WithinSeconds(string text, int seconds) =>
        await Task.Run(() => Analyze.Fully(text)).WaitAsync(TimeSpan.FromSeconds(seconds), TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("„“\"«»”")]
    [InlineData("„")]
    [InlineData("“")]
    [InlineData("\"")]
    [InlineData("„a b c“ ")]
    [InlineData("„sakė, kad „")]
    [InlineData("sakė kad ")]
    [InlineData("Jonas sakė, kad ")]
    [InlineData("pasak BNS duomenimis manoma ")]
    public async Task AttributionFinder_Handles100KilobytesOfOneThing(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 100_000 / unit.Length));
        AssertWellFormed(await WithinSeconds(text, 60));
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 10));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task AttributionFinder_KeepsSpansInsideTheTextOnHostileText(int seed)
    {
        var random = new Random(seed);
        string[] pieces =
        [
            "„", "“", "”", "\"", "«", "»", "sakė", "teigė", "pareiškė", "yra", "pranešusios", ",", "kad", "jog", "–", ":", ".", "(", ")",
            "pasak", "anot", "BNS", "V.", "Putinas", "Seulo", "duomenimis", "teigimu", "manoma", "esą", "Kremlius", "KCNA", "kaip", "skelbia",
            "ir", "agentūra", "Lietuvos", "bankas", "mes", "laimėsime", "remiantis", "doc.", "Rūta", "Jakštienė", "\n",
        ];
        var text = string.Join(' ', Enumerable.Range(0, 4000).Select(_ => pieces[random.Next(pieces.Length)]));
        var doc = await WithinSeconds(text, 60);
        AssertWellFormed(doc);
        Assert.NotEmpty(doc.Attributions);
    }

    [Fact]
    public void AttributionFinder_GivesTheSameAnswerOnManyThreads()
    {
        var texts = Directory.GetFiles(TestPaths.Samples, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => ArticleReader.Read([f]).Single().Document!.Text).ToArray();
        string Run(string text) => Render(Analyze.Fully(text));
        var sequential = texts.Select(Run).ToArray();
        var parallel = new string[texts.Length * 4];
        Parallel.For(0, parallel.Length, i => parallel[i] = Run(texts[i % texts.Length]));
        for (var i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % texts.Length], parallel[i]);
    }
}
