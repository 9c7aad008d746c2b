using System.Globalization;
using System.Text;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Quantities;

/// <summary>
/// The Quantities layer (docs/events.md, Quantities): every form of number, multiplier, unit and approximation, what
/// is never a quantity, golden files over samples/, the shared example article, and hostile input.
/// </summary>
public class QuantityRecognizerTests
{
    private static Document Quantities(string text) => Analyze.Full.Process(new Document(text, new DateOnly(2025, 8, 13)));

    private static string Describe(Document doc) =>
        string.Join("; ", doc.Quantities.Select(q => $"'{doc.Text[q.Start..q.End]}'={q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit ?? "-"} {q.Approx ?? "-"}"));

    [Theory]
    // Digits: thousand groups with a space or a dot, decimal comma, multipliers written short and in words.
    [InlineData("Į Kursko sritį pasiųsta 10 000 karių.", "10 000 karių", 10000, "karys", null)]
    [InlineData("Fondui skirta 10.000 eurų.", "10.000 eurų", 10000, "euras", null)]
    [InlineData("Paramai skirta 1 000 000 eurų.", "1 000 000 eurų", 1000000, "euras", null)]
    [InlineData("Infliacija siekė 3,5 proc. per metus.", "3,5 proc.", 3.5, "procentas", null)]
    [InlineData("Projektas kainuos 3,5 mln. eurų.", "3,5 mln. eurų", 3500000, "euras", null)]
    [InlineData("Skola išaugo iki 1,2 mlrd. eurų.", "iki 1,2 mlrd. eurų", 1200000000, "euras", null)]
    [InlineData("Rusijoje jau yra 3 tūkst. Šiaurės Korėjos karių.", "3 tūkst. Šiaurės Korėjos karių", 3000, "karys", null)]
    [InlineData("Kainavo 2 tūkstančiai eurų.", "2 tūkstančiai eurų", 2000, "euras", null)]
    [InlineData("Jis sumokėjo 2 tūkstančius eurų.", "2 tūkstančius eurų", 2000, "euras", null)]
    [InlineData("Šalyje gyvena 40 milijonų žmonių.", "40 milijonų žmonių", 40000000, "žmogus", null)]
    [InlineData("Sandoris vertas 1,5 milijardo eurų.", "1,5 milijardo eurų", 1500000000, "euras", null)]
    [InlineData("Ekonomika išaugo 1,5 karto.", "1,5 karto", 1.5, "kartas", null)]
    [InlineData("Pelnas išaugo 3 kartus.", "3 kartus", 3, "kartas", null)]
    [InlineData("Kainos kils 5–7 proc. per metus.", "5–7 proc.", 5, "procentas", null)]
    [InlineData("Temperatūra pakils iki 15–18 laipsnių.", "iki 15–18 laipsnių", 15, "laipsnis", null)]
    [InlineData("Naktį bus -5 °C šalčio.", "-5 °C šalčio", -5, "laipsnis", null)]
    [InlineData("Jų skaičius išaugo iki 10.", "iki 10", 10, null, null)]
    [InlineData("Pirmąjį kėlinį laimėjo 21 tašku.", "21 tašku", 21, "taškas", null)]
    [InlineData("Bankas padidino palūkanas 3 procentiniais punktais.", "3 procentiniais punktais", 3, "procentinis punktas", null)]
    [InlineData("Jis didins palūkanas dar 0,5 punkto.", "0,5 punkto", 0.5, "punktas", null)]
    [InlineData("Seimas pakeitė 5 įstatymo straipsnius.", "5 įstatymo straipsnius", 5, "straipsnis", null)]
    // Multiplier words in every case.
    [InlineData("Renginyje dalyvavo tūkstantis žmonių.", "tūkstantis žmonių", 1000, "žmogus", null)]
    [InlineData("Jam trūksta tūkstančio eurų.", "tūkstančio eurų", 1000, "euras", null)]
    [InlineData("Jis paaukojo tūkstantį eurų.", "tūkstantį eurų", 1000, "euras", null)]
    [InlineData("Savivaldybė skyrė milijoną eurų.", "milijoną eurų", 1000000, "euras", null)]
    [InlineData("Sutartis verta milijono eurų.", "milijono eurų", 1000000, "euras", null)]
    [InlineData("Projektas kainavo milijardą eurų.", "milijardą eurų", 1000000000, "euras", null)]
    [InlineData("Šalis gavo du milijonus eurų.", "du milijonus eurų", 2000000, "euras", null)]
    // Number words in every case and gender, compounds.
    [InlineData("Sumų srityje žuvo trys žmonės.", "trys žmonės", 3, "žmogus", null)]
    [InlineData("Laiškai išsiųsti trims ministrams.", "trims ministrams", 3, "ministras", null)]
    [InlineData("Policija sulaikė du vyrus.", "du vyrus", 2, "vyras", null)]
    [InlineData("Pagalba skirta dviem šeimoms.", "dviem šeimoms", 2, "šeima", null)]
    [InlineData("Nuteisti keturi kariai.", "keturi kariai", 4, "karys", null)]
    [InlineData("Teismas apklausė keturių liudininkų parodymus.", "keturių liudininkų", 4, "liudininkas", null)]
    [InlineData("Ministerija nupirko septynis lėktuvus.", "septynis lėktuvus", 7, "lėktuvas", null)]
    [InlineData("Jis susitiko su trimis partneriais.", "trimis partneriais", 3, "partneris", null)]
    [InlineData("Komanda iškovojo penkias pergales.", "penkias pergales", 5, "pergalė", null)]
    [InlineData("Įsigyta penkiasdešimt tankų.", "penkiasdešimt tankų", 50, "tankas", null)]
    [InlineData("Pastatyta penkiolika namų.", "penkiolika namų", 15, "namai", null)]
    [InlineData("Susirinko šimtas dvidešimt penki žmonės.", "šimtas dvidešimt penki žmonės", 125, "žmogus", null)]
    [InlineData("Įdarbinta du tūkstančiai trys šimtai žmonių.", "du tūkstančiai trys šimtai žmonių", 2300, "žmogus", null)]
    [InlineData("Arenoje buvo dvidešimt vienas tūkstantis žiūrovų.", "dvidešimt vienas tūkstantis žiūrovų", 21000, "žiūrovas", null)]
    [InlineData("Susitikime dalyvavo trisdešimt vienos valstybės vadovai.", "trisdešimt vienos valstybės", 31, "valstybė", null)]
    [InlineData("Skirta pusantro milijono eurų.", "pusantro milijono eurų", 1500000, "euras", null)]
    // Indefinite amounts.
    [InlineData("Šiaurės Korėja pasiuntė tūkstančius karių.", "tūkstančius karių", 1000, "karys", "MORE_THAN")]
    [InlineData("O dar tūkstančiai buvo sužeisti.", "tūkstančiai", 1000, null, "MORE_THAN")]
    [InlineData("Protestavo šimtai žmonių.", "šimtai žmonių", 100, "žmogus", "MORE_THAN")]
    [InlineData("Audra išvartė šimtus medžių.", "šimtus medžių", 100, "medis", "MORE_THAN")]
    [InlineData("Atvyko keli šimtai karių.", "keli šimtai karių", 300, "karys", "APPROX")]
    [InlineData("Įmonėje dirba keletas šimtų žmonių.", "keletas šimtų žmonių", 300, "žmogus", "APPROX")]
    [InlineData("Sulaikyti keli žmonės.", "keli žmonės", 3, "žmogus", "APPROX")]
    [InlineData("Atvyko keletas ekspertų.", "keletas ekspertų", 3, "ekspertas", "APPROX")]
    [InlineData("Nukentėjo dešimtys žmonių.", "dešimtys žmonių", 10, "žmogus", "MORE_THAN")]
    [InlineData("Dalyvavo keliasdešimt savanorių.", "keliasdešimt savanorių", 30, "savanoris", "APPROX")]
    [InlineData("Dirbo keliolika specialistų.", "keliolika specialistų", 13, "specialistas", "APPROX")]
    [InlineData("Atvyko keli tūkstančiai turistų.", "keli tūkstančiai turistų", 3000, "turistas", "APPROX")]
    [InlineData("Renginys sutraukė kelis tūkstančius žiūrovų.", "kelis tūkstančius žiūrovų", 3000, "žiūrovas", "APPROX")]
    [InlineData("Pabėgo dešimtys tūkstančių gyventojų.", "dešimtys tūkstančių gyventojų", 10000, "gyventojas", "MORE_THAN")]
    [InlineData("Nukentėjo šimtai tūkstančių žmonių.", "šimtai tūkstančių žmonių", 100000, "žmogus", "MORE_THAN")]
    [InlineData("Rusija paleido milijonus sviedinių.", "milijonus sviedinių", 1000000, "sviedinys", "MORE_THAN")]
    // Fractions: the unit is what they are a part of.
    [InlineData("Pusė gyventojų balsavo.", "Pusė gyventojų", 0.5, "gyventojas", null)]
    [InlineData("Trečdalis rinkėjų neapsisprendė.", "Trečdalis rinkėjų", 1.0 / 3, "rinkėjas", null)]
    [InlineData("Ketvirtis biudžeto skiriama gynybai.", "Ketvirtis biudžeto", 0.25, "biudžetas", null)]
    [InlineData("Ketvirtadalis mokinių sirgo.", "Ketvirtadalis mokinių", 0.25, "mokinys", null)]
    [InlineData("Du trečdaliai gyventojų pritaria.", "Du trečdaliai gyventojų", 2.0 / 3, "gyventojas", null)]
    [InlineData("Skirta pusė milijono eurų.", "pusė milijono eurų", 500000, "euras", null)]
    [InlineData("Tam pritaria daugiau nei pusė gyventojų.", "daugiau nei pusė gyventojų", 0.5, "gyventojas", "MORE_THAN")]
    [InlineData("Išlaidos sudarė beveik trečdalį šios sumos.", "beveik trečdalį šios sumos", 1.0 / 3, "suma", "LESS_THAN")]
    // Percentages.
    [InlineData("Kainos išaugo 15 proc.", "15 proc.", 15, "procentas", null)]
    [InlineData("Nedarbas siekia 7,5 %.", "7,5 %", 7.5, "procentas", null)]
    [InlineData("Nedarbas siekia 7%.", "7%", 7, "procentas", null)]
    [InlineData("Parama sudaro 15 procentų biudžeto.", "15 procentų", 15, "procentas", null)]
    [InlineData("Partija surinko penkiolika procentų balsų.", "penkiolika procentų", 15, "procentas", null)]
    // Currencies.
    [InlineData("Bilietas kainuoja 12 eurų.", "12 eurų", 12, "euras", null)]
    [InlineData("Kaina – 100 € už vietą.", "100 €", 100, "euras", null)]
    [InlineData("Fondas gavo 5 mln. EUR paramos.", "5 mln. EUR", 5000000, "euras", null)]
    [InlineData("Sandoris vertas 120 JAV dolerių.", "120 JAV dolerių", 120, "doleris", null)]
    [InlineData("Sandoris vertas $5 mln.", "$5 mln.", 5000000, "doleris", null)]
    [InlineData("Knyga kainuoja 30 $.", "30 $", 30, "doleris", null)]
    [InlineData("Kava pabrango 40 euro centų.", "40 euro centų", 40, "centas", null)]
    // Measures.
    [InlineData("Kolona nuvažiavo 12 km.", "12 km", 12, "kilometras", null)]
    [InlineData("Gaisras išplito 500 kv. km plote.", "500 kv. km", 500, "kvadratinis kilometras", null)]
    [InlineData("Gaisras išplito 500 km² plote.", "500 km²", 500, "kvadratinis kilometras", null)]
    [InlineData("Kariai užėmė apie 1 000 kvadratinių kilometrų.", "apie 1 000 kvadratinių kilometrų", 1000, "kvadratinis kilometras", "APPROX")]
    [InlineData("Laivu atplukdyta 20 t grūdų.", "20 t", 20, "tona", null)]
    [InlineData("Vėjo gūsiai siekė 31 m/s.", "31 m/s", 31, "metras per sekundę", null)]
    [InlineData("Pėsčiomis jie įveikė penkiasdešimt kilometrų.", "penkiasdešimt kilometrų", 50, "kilometras", null)]
    // Counted nouns after a genitive chain, adjectives or participles.
    [InlineData("Žuvo apie 600 Šiaurės Korėjos kariškių.", "apie 600 Šiaurės Korėjos kariškių", 600, "kariškis", "APPROX")]
    [InlineData("Pchenjanas pasiuntė daugiau nei 10 000 karių.", "daugiau nei 10 000 karių", 10000, "karys", "MORE_THAN")]
    [InlineData("Iš miesto evakuota 200 gyventojų.", "200 gyventojų", 200, "gyventojas", null)]
    [InlineData("Už įstatymą balsavo 82 Seimo nariai.", "82 Seimo nariai", 82, "narys", null)]
    [InlineData("Sukurta 600 naujų darbo vietų.", "600 naujų darbo vietų", 600, "vieta", null)]
    [InlineData("Jis atliko 6 rezultatyvius perdavimus.", "6 rezultatyvius perdavimus", 6, "perdavimas", null)]
    [InlineData("Parodoje – daugiau nei 200 tapybos ir grafikos darbų.", "daugiau nei 200 tapybos ir grafikos darbų", 200, "darbas", "MORE_THAN")]
    // Approximations.
    [InlineData("Susirinko apie 300 žmonių.", "apie 300 žmonių", 300, "žmogus", "APPROX")]
    [InlineData("Susirinko maždaug 300 žmonių.", "maždaug 300 žmonių", 300, "žmogus", "APPROX")]
    [InlineData("Susirinko kone 300 žmonių.", "kone 300 žmonių", 300, "žmogus", "APPROX")]
    [InlineData("Šalyje gyvena apytiksliai 40 milijonų žmonių.", "apytiksliai 40 milijonų žmonių", 40000000, "žmogus", "APPROX")]
    [InlineData("Žuvo daugiau kaip 100 žmonių.", "daugiau kaip 100 žmonių", 100, "žmogus", "MORE_THAN")]
    [InlineData("Žuvo daugiau negu 100 žmonių.", "daugiau negu 100 žmonių", 100, "žmogus", "MORE_THAN")]
    [InlineData("Žuvo per 100 žmonių.", "per 100 žmonių", 100, "žmogus", "MORE_THAN")]
    [InlineData("Sugriauta virš 50 namų.", "virš 50 namų", 50, "namai", "MORE_THAN")]
    [InlineData("Atvyko mažiau nei 20 delegacijų.", "mažiau nei 20 delegacijų", 20, "delegacija", "LESS_THAN")]
    [InlineData("Liko mažiau kaip 3 km.", "mažiau kaip 3 km", 3, "kilometras", "LESS_THAN")]
    [InlineData("Kreipėsi beveik 31 tūkst. žmonių.", "beveik 31 tūkst. žmonių", 31000, "žmogus", "LESS_THAN")]
    [InlineData("Kaina išaugo vos ne 30 kartų.", "vos ne 30 kartų", 30, "kartas", "LESS_THAN")]
    [InlineData("Iki kranto liko nepilni 20 metrų.", "nepilni 20 metrų", 20, "metras", "LESS_THAN")]
    [InlineData("Sužeisti mažiausiai 5 žmonės.", "mažiausiai 5 žmonės", 5, "žmogus", "AT_LEAST")]
    [InlineData("Uždarytos bent keturios mokyklos.", "bent keturios mokyklos", 4, "mokykla", "AT_LEAST")]
    [InlineData("Gynybai skirta ne mažiau kaip 5 proc.", "ne mažiau kaip 5 proc.", 5, "procentas", "AT_LEAST")]
    [InlineData("Bauda – ne daugiau kaip 10 mln. eurų.", "ne daugiau kaip 10 mln. eurų", 10000000, "euras", "AT_MOST")]
    [InlineData("Šeimoje gali būti daugiausiai 3 vaikai.", "daugiausiai 3 vaikai", 3, "vaikas", "AT_MOST")]
    [InlineData("Jų skaičius gali išaugti iki 10 tūkst.", "iki 10 tūkst.", 10000, null, "AT_MOST")]
    public void QuantityRecognizer_ReadsValueUnitAndApproximation(string text, string span, double value, string? unit, string? approx)
    {
        var doc = Quantities(text);
        var found = doc.Quantities.Where(q => doc.Text[q.Start..q.End] == span).ToList();
        Assert.True(found.Count == 1, $"'{span}' in '{text}': found {Describe(doc)}");
        Assert.Equal(value, found[0].Value, 1e-12);
        Assert.Equal(unit, found[0].Unit);
        Assert.Equal(approx, found[0].Approx);
    }

    /// <summary>Ranges keep both ends, temperatures their sign, vague words are marked, and a change reaches an exact value.</summary>
    [Theory]
    [InlineData("Į mitingą susirinko 5–10 tūkstančių žmonių.", "5–10 tūkstančių žmonių", 5000, 10000.0, null, false)]
    [InlineData("Kainos kils 5–7 proc. per metus.", "5–7 proc.", 5, 7.0, null, false)]
    [InlineData("Ant kelio stovėjo 4 – 8 sunkvežimiai.", "4 – 8 sunkvežimiai", 4, 8.0, null, false)]
    [InlineData("Naktį bus 3 laipsnių šalčio.", "3 laipsnių šalčio", -3, null, null, false)]
    [InlineData("Temperatūra nukris iki 15–18 laipsnių šalčio.", "iki 15–18 laipsnių šalčio", -18, -15.0, null, false)]
    [InlineData("Dieną bus 5 laipsnių šilumos.", "5 laipsnių šilumos", 5, null, null, false)]
    [InlineData("Sulaikyti keli protestuotojai.", "keli protestuotojai", 3, null, "APPROX", true)]
    [InlineData("Policija sulaikė kelis aktyvistus.", "kelis aktyvistus", 3, null, "APPROX", true)]
    [InlineData("Žuvo keliasdešimt žmonių.", "keliasdešimt žmonių", 30, null, "APPROX", true)]
    [InlineData("Infliacija padidės iki 3,5 proc.", "iki 3,5 proc.", 3.5, null, null, false)]
    [InlineData("Nedarbas sumažėjo iki 6 proc.", "iki 6 proc.", 6, null, null, false)]
    [InlineData("Į renginį gali atvykti iki 500 žmonių.", "iki 500 žmonių", 500, null, "AT_MOST", false)]
    [InlineData("Jų skaičius gali išaugti iki 10 tūkst.", "iki 10 tūkst.", 10000, null, "AT_MOST", false)]
    public void QuantityRecognizer_KeepsRangeSignVaguenessAndTarget(string text, string span, double value, double? high, string? approx, bool vague)
    {
        var doc = Quantities(text);
        var found = doc.Quantities.Where(q => doc.Text[q.Start..q.End] == span).ToList();
        Assert.True(found.Count == 1, $"'{span}' in '{text}': found {Describe(doc)}");
        Assert.Equal(value, found[0].Value, 1e-12);
        Assert.Equal(high, found[0].High);
        Assert.Equal(approx, found[0].Approx);
        Assert.Equal(vague, found[0].Vague);
    }

    [Theory]
    // Dates, times and durations belong to the Times layer.
    [InlineData("2024 m. rugpjūčio 13 d. įvyko susitikimas.", "2024")]
    [InlineData("2024 m. rugpjūčio 13 d. įvyko susitikimas.", "13")]
    [InlineData("Susitikimas prasidės 15 val.", "15")]
    [InlineData("Karas vyksta jau daugiau nei trejus metus.", "trejus")]
    [InlineData("Jis ten dirbo trejus metus.", "trejus")]
    [InlineData("Pokalbis įvyko likus vos trims dienoms iki susitikimo.", "trims")]
    [InlineData("Paroda atvira nuo 10 iki 18 val.", "10")]
    [InlineData("Gydymas trunka dviejų ar trijų savaičių.", "dviejų")]
    [InlineData("Nuteistajam skirta 5 mėn. laisvės atėmimo.", "5")]
    [InlineData("Pastatas baigtas 1995.", "1995")]
    // Ordinals.
    [InlineData("ES priėmė 15-ąjį sankcijų paketą.", "15-ąjį")]
    [InlineData("Tai 15-asis sankcijų paketas.", "15-asis")]
    [InlineData("Šiaurės Korėja pirmą kartą patvirtino dislokavimą.", "pirmą")]
    // Ages.
    [InlineData("Policija sulaikė 42 metų vyrą.", "42")]
    // Identifiers and legal articles.
    [InlineData("Ukraina gavo naikintuvus F-16.", "F-16")]
    [InlineData("Įsakymas Nr. 5 įsigalioja rytoj.", "5")]
    [InlineData("Jis nuteistas pagal kodekso 5 straipsnio 2 dalį.", "5")]
    [InlineData("Jis nuteistas pagal kodekso 5 straipsnio 2 dalį.", "2")]
    [InlineData("Taikomas įstatymo 21 straipsnis.", "21")]
    [InlineData("Jis rėmėsi sutarties 3 punktu.", "3")]
    [InlineData("Lėktuvas Boeing 737 nusileido.", "737")]
    [InlineData("Prasidėjo COVID-19 pandemija.", "19")]
    [InlineData("Žalgiris laimėjo 85:80.", "85:80")]
    // Words that look like number words.
    [InlineData("Vieną dieną jis grįžo.", "Vieną")]
    [InlineData("Viena vertus, tai brangu.", "Viena")]
    [InlineData("Kariai kovojo Rusijos karių pusėje.", "pusėje")]
    [InlineData("Išlaidos sumažėjo per pusę.", "pusę")]
    [InlineData("Kelių policija sustabdė automobilį.", "Kelių")]
    [InlineData("Pokalbis vyko apie pasaulio taiką.", "apie")]
    public void QuantityRecognizer_LeavesOutWhatIsNotAnAmount(string text, string fragment)
    {
        var doc = Quantities(text);
        var start = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(start >= 0);
        var end = start + fragment.Length;
        Assert.False(doc.Quantities.Any(q => q.Start < end && q.End > start), $"'{fragment}' in '{text}': found {Describe(doc)}");
    }

    [Fact]
    public void QuantityRecognizer_FindsEveryQuantityOfASentenceInOrder()
    {
        var doc = Quantities("Pietų Korėjos žvalgyba pranešė, kad 2024 m. Pchenjanas pasiuntė daugiau nei 10 000 karių, o apie 600 Šiaurės Korėjos kariškių žuvo ir dar tūkstančiai buvo sužeisti.");
        Assert.Equal(
            ["daugiau nei 10 000 karių=10000 karys MORE_THAN", "apie 600 Šiaurės Korėjos kariškių=600 kariškis APPROX", "tūkstančiai=1000 - MORE_THAN"],
            doc.Quantities.Select(q => $"{doc.Text[q.Start..q.End]}={q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit ?? "-"} {q.Approx ?? "-"}"));
    }

    [Fact]
    public void QuantityRecognizer_ReadsTheSharedExampleArticle()
    {
        var path = TestPaths.RequireSharedFile(Path.Combine("articles", "000_be63aa25a97852a0.txt"));
        var doc = Analyze.Full.Process(ArticleReader.Read([path]).Single().Document!);
        string[] expected =
        [
            "tūkstančius karių=1000 karys MORE_THAN",
            "daugiau nei 10 000 karių=10000 karys MORE_THAN",
            "apie 600 Šiaurės Korėjos kariškių=600 kariškis APPROX",
            "tūkstančiai=1000 - MORE_THAN",
        ];
        Assert.Equal(expected, doc.Quantities.Select(q => $"{doc.Text[q.Start..q.End]}={q.Value.ToString(CultureInfo.InvariantCulture)} {q.Unit ?? "-"} {q.Approx ?? "-"}"));
    }

    public static TheoryData<string> Samples() =>
        new(Directory.GetFiles(TestPaths.Samples, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Quantities_MatchGoldenFile(string sample)
    {
        var doc = Analyze.Full.Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        var sb = new StringBuilder();
        foreach (var q in doc.Quantities)
            sb.Append($"{doc.Text[q.Start..q.End]}\t{q.Value.ToString(CultureInfo.InvariantCulture)}\t{q.Unit ?? "-"}\t{q.Approx ?? "-"}\n");
        Golden.Check("Kronika.Lithuanian.Tests", "Quantities", Path.ChangeExtension(sample, ".quantities.tsv"), sb.ToString());
    }

    private static void AssertWellFormed(Document doc)
    {
        var previousEnd = 0;
        foreach (var q in doc.Quantities)
        {
            Assert.True(q.Start >= previousEnd, $"quantity at {q.Start} starts before the previous end {previousEnd}");
            Assert.True(q.End > q.Start && q.End <= doc.Text.Length, $"quantity {q.Start}..{q.End} outside the text");
            Assert.True(double.IsFinite(q.Value));
            Assert.DoesNotContain(doc.Times, t => t.Start < q.End && t.End > q.Start);
            previousEnd = q.End;
        }
    }

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 20));

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task QuantityRecognizer_KeepsSpansInsideTheTextInOrderOnRandomText(int seed)
    {
        string[] pieces =
        [
            "10", "000", "10 000", "3,5", "10.000", "1.000.000", "2/3", "5–7", "-", "−5", "+", "$", "€5", "mln.", "tūkst.", "mlrd.",
            "tūkstančiai", "tūkstančių", "šimtai", "keli", "keletą", "kelias", "dešimtys", "keliasdešimt", "pusė", "trečdalis",
            "du", "trys", "vienas", "šimtas", "dvidešimt", "penki", "milijonų", "apie", "daugiau", "nei", "ne", "mažiau", "kaip",
            "vos", "per", "iki", "nuo", "bent", "beveik", "proc.", "%", "eurų", "JAV", "dolerių", "kv.", "km", "km²", "m", "m.",
            "t", "°", "C", "Šiaurės", "Korėjos", "karių", "metų", "2024", "m.", "rugpjūčio", "13", "d.", "val.", "Nr.", "straipsnio",
            "15-asis", ",", ".", "–", "ir", "ar", "„", "“", "F-16",
        ];
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            sb.Append(pieces[random.Next(pieces.Length)]);
            sb.Append(random.Next(6) == 0 ? "" : " ");
        }
        var text = sb.ToString();
        var doc = await Task.Run(() => Quantities(text)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        AssertWellFormed(doc);
        Assert.NotEmpty(doc.Quantities);
    }

    [Theory]
    [InlineData("9999999999999999999 mlrd. eurų")]
    [InlineData("999 999 999 999 999 999 999 999 999 999 999 999 999 trln.")]
    [InlineData("999.999.999.999.999.999 mlrd.")]
    [InlineData("milijardas milijardų milijonų tūkstančių trln. eurų")]
    [InlineData("šimtas šimtų šimtų šimtų tūkstančių milijonų milijardų")]
    [InlineData("0,0000000000000000000000000001 proc.")]
    [InlineData("1/0 2/1 0/0 99/100 ,5 5, 5,,5 5.5.5 .5 5.")]
    [InlineData("$ € $$5 €€ -- −− +-5")]
    [InlineData("apie daugiau nei mažiau kaip ne daugiau kaip iki per virš")]
    public void QuantityRecognizer_SurvivesHostileNumbers(string unit)
    {
        var text = string.Join(' ', Enumerable.Repeat(unit, 200));
        AssertWellFormed(Quantities(text));
    }
}
