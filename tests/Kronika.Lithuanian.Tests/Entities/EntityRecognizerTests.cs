using System.Text;
using Kronika.Core.Model;
using Kronika.Ingest;
using Kronika.Lithuanian.Entities;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Entities;

public class EntityRecognizerTests
{
    // Through the entity step only: the References step after it adds the office holder a bare `prezidentas` refers to.
    private static readonly Kronika.Core.Pipeline.Pipeline ThroughEntities = LithuanianPipeline.Create(Layers.Entities);

    private static Document Entities(string text) => ThroughEntities.Process(new Document(text, new DateOnly(2025, 8, 13)));

    private static EntityMention Only(string text, string mention)
    {
        var doc = Entities(text);
        var found = doc.Entities.Where(e => doc.Text[e.Start..e.End] == mention).ToList();
        Assert.True(found.Count == 1, $"'{mention}' in '{text}': found {string.Join("; ", doc.Entities.Select(e => $"{doc.Text[e.Start..e.End]}={e.Type}:{e.Canonical}"))}");
        return found[0];
    }

    [Theory]
    // People in every case, known to the knowledge base and not.
    [InlineData("Ingrida Šimonytė pristatė planą.", "Ingrida Šimonytė", "PER", "Ingrida Šimonytė")]
    [InlineData("Ingridos Šimonytės kalba buvo trumpa.", "Ingridos Šimonytės", "PER", "Ingrida Šimonytė")]
    [InlineData("Laišką perdavė Ingridai Šimonytei.", "Ingridai Šimonytei", "PER", "Ingrida Šimonytė")]
    [InlineData("Jie kritikavo Ingridą Šimonytę.", "Ingridą Šimonytę", "PER", "Ingrida Šimonytė")]
    [InlineData("Jis susitiko su Ingrida Šimonyte.", "Ingrida Šimonyte", "PER", "Ingrida Šimonytė")]
    [InlineData("Jis kalbėjo su Sergejumi Lavrovu.", "Sergejumi Lavrovu", "PER", "Sergejus Lavrovas")]
    [InlineData("Sprendimą pasirašė Rolandui Paksui artimas žmogus.", "Rolandui Paksui", "PER", "Rolandas Paksas")]
    [InlineData("Vakar atvyko Jonas Petraitis.", "Jonas Petraitis", "PER", "Jonas Petraitis")]
    [InlineData("Rinkimus laimėjo Jono Petraičio partija.", "Jono Petraičio", "PER", "Jonas Petraitis")]
    [InlineData("Apdovanojimas įteiktas Jonui Petraičiui.", "Jonui Petraičiui", "PER", "Jonas Petraitis")]
    [InlineData("Policija sulaikė Joną Petraitį.", "Joną Petraitį", "PER", "Jonas Petraitis")]
    [InlineData("Komisijai vadovaus Rasa Jankauskienė.", "Rasa Jankauskienė", "PER", "Rasa Jankauskienė")]
    [InlineData("Žurnalistai kalbino Rasą Jankauskienę.", "Rasą Jankauskienę", "PER", "Rasa Jankauskienė")]
    [InlineData("Ministras susitiko su V. Putinu.", "V. Putinu", "PER", "Vladimiras Putinas")]
    [InlineData("Sankcijos skirtos D. Trumpo komandai.", "D. Trumpo", "PER", "Donaldas Trumpas")]
    [InlineData("Paroda skirta M. K. Čiurlioniui.", "M. K. Čiurlioniui", "PER", "Mikalojus Konstantinas Čiurlionis")]
    [InlineData("Pchenjane lankėsi Kim Jong Unas.", "Kim Jong Unas", "PER", "Kim Jong Unas")]
    // Families in the plural are named by the singular surname.
    [InlineData("Kaune Sabonių šeima atidarė mokyklą.", "Sabonių", "PER", "Sabonis")]
    [InlineData("Vakar Petraičių šeima grįžo namo.", "Petraičių", "PER", "Petraitis")]
    // Places and organizations, inflecting only what inflects.
    [InlineData("Kariai iš Šiaurės Korėjos kovoja.", "Šiaurės Korėjos", "LOC", "Šiaurės Korėja")]
    [InlineData("Mūšiai vyksta Kursko srityje.", "Kursko srityje", "LOC", "Kursko sritis")]
    [InlineData("Delegacija lankosi Jungtinėse Amerikos Valstijose.", "Jungtinėse Amerikos Valstijose", "LOC", "Jungtinės Amerikos Valstijos")]
    [InlineData("Ministras dalyvavo Europos Sąjungos susitikime.", "Europos Sąjungos", "ORG", "Europos Sąjunga")]
    [InlineData("Susitikimas vyks Aliaskoje.", "Aliaskoje", "LOC", "Aliaska")]
    [InlineData("Anot Seulo, žuvo 600 karių.", "Seulo", "LOC", "Seulas")]
    [InlineData("Jis gyvena Vilniuje.", "Vilniuje", "LOC", "Vilnius")]
    [InlineData("Apie tai pranešė Krašto apsaugos ministerija.", "Krašto apsaugos ministerija", "ORG", "Krašto apsaugos ministerija")]
    [InlineData("Palūkanas keičia Lietuvos bankas.", "Lietuvos bankas", "ORG", "Lietuvos bankas")]
    [InlineData("Sutartį pasirašė bendrovė „Ignitis“.", "Ignitis", "ORG", "Ignitis")]
    [InlineData("Kaip skelbia KCNA, susitikimas įvyko.", "KCNA", "ORG", "Korėjos centrinė telegramų agentūra")]
    [InlineData("Šalys yra NATO narės.", "NATO", "ORG", "Šiaurės Atlanto sutarties organizacija")]
    [InlineData("Maskva pareiškė protestą.", "Maskva", "LOC", "Maskva")]
    [InlineData("LIETUVOS KARIUOMENĖ GAVO TANKŲ", "LIETUVOS KARIUOMENĖ", "ORG", "Lietuvos kariuomenė")]
    public void EntityRecognizer_FindsTheNameAndItsNominative(string text, string mention, string type, string canonical)
    {
        var e = Only(text, mention);
        Assert.Equal(type, e.Type);
        Assert.Equal(canonical, e.Canonical);
    }

    [Theory]
    // Streets, avenues and squares are places, with their head word.
    [InlineData("Mitingas vyko Laisvės prospekte.", "Laisvės prospekte", "LOC", "Laisvės prospektas")]
    [InlineData("Parduotuvė yra Kovo 11-osios gatvėje.", "Kovo 11-osios gatvėje", "LOC", "Kovo 11-osios gatvė")]
    [InlineData("Biuras persikėlė į K. Donelaičio gatvę.", "K. Donelaičio gatvę", "LOC", "K. Donelaičio gatvė")]
    [InlineData("Eglutė įžiebta Katedros aikštėje.", "Katedros aikštėje", "LOC", "Katedros aikštė")]
    // Car models and products are MISC; their makers ORG.
    [InlineData("Avarijoje nukentėjo automobilis Toyota Yaris.", "Toyota Yaris", "MISC", "Toyota Yaris")]
    [InlineData("Policija sustabdė VW Golf vairuotoją.", "VW Golf", "MISC", "VW Golf")]
    // Sports teams and clubs in quotes are organizations, their city a place.
    [InlineData("Rungtynes laimėjo Vilniaus „Rytas“, o Kauno komanda pralaimėjo.", "Rytas", "ORG", "Rytas")]
    [InlineData("Madrido „Real“ ekipa atvyko į Kauną.", "Real", "ORG", "Real")]
    // Names in „…“ after a word that says what they are.
    [InlineData("Partija „Nemuno aušra“ surinko daugiausia balsų.", "Nemuno aušra", "ORG", "Nemuno aušra")]
    [InlineData("Apie tai rašė dienraštis „Lietuvos rytas“.", "Lietuvos rytas", "ORG", "Lietuvos rytas")]
    // A multi-word foreign name in an oblique case stays one name, in the nominative.
    [InlineData("Premjeras susitiko su Rafalu Trzaskowskiu.", "Rafalu Trzaskowskiu", "PER", "Rafalas Trzaskowskis")]
    [InlineData("Opozicija kritikavo Rafalą Trzaskowskį.", "Rafalą Trzaskowskį", "PER", "Rafalas Trzaskowskis")]
    // A person's surname that is also a place or a word is a person.
    [InlineData("Įsakymą pasirašė ministras Robertas Kaunas.", "Robertas Kaunas", "PER", "Robertas Kaunas")]
    [InlineData("Sprendimą paskelbė Vaclovas Karbauskis.", "Vaclovas Karbauskis", "PER", "Vaclovas Karbauskis")]
    // Nominatives stay; foreign names follow Lithuanian practice; feminine surnames keep their form.
    [InlineData("Rungtynėse geriausiai žaidė Velička.", "Velička", "PER", "Velička")]
    [InlineData("Krepšininkas Maodo Lo pelnė 20 taškų.", "Maodo Lo", "PER", "Maodo Lo")]
    [InlineData("Pranešimą skaitė Paula Pinho.", "Paula Pinho", "PER", "Paula Pinho")]
    [InlineData("Lenktynes laimėjo estas Ott Tänak.", "Ott Tänak", "PER", "Ott Tänak")]
    [InlineData("Jie prisiminė Scottie Pippeną.", "Scottie Pippeną", "PER", "Scottie Pippenas")]
    [InlineData("Pasak Romai Žakaitienei artimų žmonių, sprendimas priimtas.", "Romai Žakaitienei", "PER", "Roma Žakaitienė")]
    [InlineData("Anot parlamentarės Dalios Teišerskytės, tai netiesa.", "Dalios Teišerskytės", "PER", "Dalia Teišerskytė")]
    // Bylines in capitals after a first name.
    [InlineData("Laimontas DINIUS - frakcijos seniūnas", "Laimontas DINIUS", "PER", "Laimontas Dinius")]
    // Documents named by a capitalised word and genitives up to their head.
    [InlineData("Seimas svarstė Mokslo ir studijų įstatymo pataisas.", "Mokslo ir studijų įstatymo", "MISC", "Mokslo ir studijų įstatymas")]
    [InlineData("Posėdyje dalyvavo Seimo Švietimo, mokslo ir kultūros komitetas.", "Seimo Švietimo, mokslo ir kultūros komitetas", "ORG", "Seimo Švietimo, mokslo ir kultūros komitetas")]
    // Institutions at a sentence start.
    [InlineData("Vyriausybė pritarė biudžeto projektui.", "Vyriausybė", "ORG", "Vyriausybė")]
    // A name in capitals at the head of a news item.
    [InlineData("VILNIUS, kovo 3 d. Seimas susirinko į posėdį.", "VILNIUS", "LOC", "Vilnius")]
    // Double surnames decline in both parts; declined first names take the declining name (`Justinas`, not `Justin`).
    [InlineData("Žurnalistai kalbino reperį Gabrielių Liaudanską-Svarą.", "Gabrielių Liaudanską-Svarą", "PER", "Gabrielius Liaudanskas-Svaras")]
    [InlineData("Scenoje pasirodė komikas Justiną Visicką lydėjęs draugas.", "Justiną Visicką", "PER", "Justinas Visickas")]
    [InlineData("Skulptoriaus Mykolo Saukos kūrinys sudegė.", "Mykolo Saukos", "PER", "Mykolas Sauka")]
    // A woman's surname decides the gender of every part (`Čiegienei`, not the man's `Čiegienas`).
    [InlineData("Informacijos prašoma teikti viršininkei Neringai Čiegienei.", "Neringai Čiegienei", "PER", "Neringa Čiegienė")]
    // An adjective before a genitive belongs to the genitive, not to the head.
    [InlineData("Kalbėjo Kariuomenės strateginės komunikacijos departamento direktorius.", "Kariuomenės strateginės komunikacijos departamento", "ORG", "Kariuomenės strateginės komunikacijos departamentas")]
    // Places of the compiled base (GeoNames towns), in any case.
    [InlineData("Gaisras kilo Ariogaloje.", "Ariogaloje", "LOC", "Ariogala")]
    // Names of the base that a dash, a hyphen, a comma or quotes run through are one name, however punctuated.
    [InlineData("Apklausoje pirmauja Tėvynės sąjunga – Lietuvos krikščionys demokratai.", "Tėvynės sąjunga – Lietuvos krikščionys demokratai", "ORG", "Tėvynės sąjunga – Lietuvos krikščionys demokratai")]
    [InlineData("Už partiją balsavo Tėvynės sąjungos-Lietuvos krikščionių demokratų rinkėjai.", "Tėvynės sąjungos-Lietuvos krikščionių demokratų", "ORG", "Tėvynės sąjunga – Lietuvos krikščionys demokratai")]
    [InlineData("Ministrą pasiūlė Lietuvos lenkų rinkimų akcijos-Krikščioniškų šeimų sąjungos atstovai.", "Lietuvos lenkų rinkimų akcijos-Krikščioniškų šeimų sąjungos", "ORG", "Lietuvos lenkų rinkimų akcija – Krikščioniškų šeimų sąjunga")]
    [InlineData("Į daugumą įstojo Demokratų sąjunga „Vardan Lietuvos“.", "Demokratų sąjunga „Vardan Lietuvos“", "ORG", "Demokratų sąjunga „Vardan Lietuvos“")]
    [InlineData("Koalicijoje dirba Lietuvos valstiečių, žaliųjų ir Krikščioniškų šeimų sąjungos frakcija.", "Lietuvos valstiečių, žaliųjų ir Krikščioniškų šeimų sąjungos frakcija", "ORG", "Lietuvos valstiečių, žaliųjų ir Krikščioniškų šeimų sąjungos frakcija")]
    [InlineData("Naujoji sąjunga gautų keturis procentus balsų.", "Naujoji sąjunga", "ORG", "Naujoji sąjunga (socialliberalai)")]
    // A former name finds today's organization (Data/former-names.tsv).
    [InlineData("Tais metais Švietimo ir mokslo ministerija paskelbė konkursą.", "Švietimo ir mokslo ministerija", "ORG", "Švietimo, mokslo ir sporto ministerija")]
    [InlineData("Sutartį pasirašė Lietuvos valstiečių liaudininkų sąjunga.", "Lietuvos valstiečių liaudininkų sąjunga", "ORG", "Lietuvos valstiečių ir žaliųjų sąjunga")]
    // A surname of the base in the genitive before a place head names the place (`Dagių seniūnaitija`), not the person.
    [InlineData("Pažymėjimą gavo Dagių seniūnaitijos seniūnaitė.", "Dagių seniūnaitijos", "LOC", "Dagių seniūnaitija")]
    // Nominatives the form allows: `-džio` is `-dis`, a genitive in `-o` is a man's, a man's dative `-ai` is `-a`.
    [InlineData("Komanda žaidė be Deivido Sirvydžio.", "Deivido Sirvydžio", "PER", "Deividas Sirvydis")]
    [InlineData("Taškus rinko Aleno Smailagičiaus komanda.", "Aleno Smailagičiaus", "PER", "Alenas Smailagičius")]
    [InlineData("Šansą debiutuoti treneris suteikė Ramūnui Radavičiui.", "Ramūnui Radavičiui", "PER", "Ramūnas Radavičius")]
    [InlineData("Pažymėjimą perduos seniūnaičiui Dariui Būtai.", "Dariui Būtai", "PER", "Darius Būta")]
    // Foreign letters do not stop a Lithuanian ending from declining (`Günteriu` is `Günteris`); a name in plain `-e` stays.
    [InlineData("Ministras susitiko su patarėju Günteriu Sautteriu.", "Günteriu Sautteriu", "PER", "Günteris Sautteris")]
    [InlineData("Rungtynes laimėjo Sylvaino Francisco komanda.", "Sylvaino Francisco", "PER", "Sylvainas Francisco")]
    public void EntityRecognizer_ReadsRealNewsNamesAsALithuanianWould(string text, string mention, string type, string canonical)
    {
        var e = Only(text, mention);
        Assert.Equal(type, e.Type);
        Assert.Equal(canonical, e.Canonical);
    }

    [Theory]
    // Offices and titles are not names (`Vidaus` is not the man's name Vidas).
    [InlineData("Pasak vidaus reikalų ministro, pasieniečių trūksta. Vidaus reikalų ministras tai patvirtino.")]
    [InlineData("Tai patvirtino Vidaus reikalų ministerijos atstovas.", "Vidaus reikalų ministerijos")]
    // Currency abbreviations are nothing.
    [InlineData("Butas kainavo 300 tūkst. Lt.")]
    // Capitalised common words at a sentence start or in headings.
    [InlineData("I. BENDROSIOS NUOSTATOS")]
    [InlineData("IV. KOMITETO POSĖDŽIŲ ORGANIZAVIMAS IR DARBOTVARKĖ")]
    [InlineData("Į posėdį kviečiami visi nariai.")]
    // A head noun alone and a term the document defines for itself are common nouns.
    [InlineData("Sudaromas priežiūros komitetas (toliau – Komitetas). Komiteto sprendimai yra patariamojo pobūdžio.")]
    // Codes of capitals and digits (a road, an order number), an acronym a lowercase phrase defines, a plural that
    // only looks like a first name, a press conference.
    [InlineData("Kelio A1 ruože susidarė spūstis.")]
    [InlineData("Įsakymas Nr. DV-879 įsigalios rytoj.")]
    [InlineData("Pagal vartotojų kainų indeksą (VKI) kainos augo. VKI rodo lėtėjimą.")]
    [InlineData("Po to vyko šalių vadovų spaudos konferencija.")]
    // Pronouns of address and God's names.
    [InlineData("Ačiū Tau, Viešpatie, už šią dieną.")]
    public void EntityRecognizer_TakesNoCommonWordForAName(string text, params string[] allowed)
    {
        var doc = Entities(text);
        Assert.All(doc.Entities, e => Assert.Contains(doc.Text[e.Start..e.End], allowed));
    }

    [Fact]
    public void EntityRecognizer_ReadsAnAcronymTheTextDefinesAsThatTextsOrganization()
    {
        // The base knows LVK as another body; the text says what it means here.
        var doc = Entities("Lietuvos vyskupų konferencija (LVK) paskelbė laišką. LVK pirmininkas jį pristatė.");
        var lvk = doc.Entities.Where(e => doc.Text[e.Start..e.End] == "LVK").ToList();
        Assert.Equal(2, lvk.Count);
        var full = doc.Entities.Single(e => doc.Text[e.Start..e.End] == "Lietuvos vyskupų konferencija");
        Assert.All(lvk, e => Assert.Equal(full.Id, e.Id));
        Assert.All(lvk, e => Assert.Equal("Lietuvos vyskupų konferencija", e.Canonical));
        Assert.All(lvk, e => Assert.Null(e.Kb));
    }

    [Fact]
    public void EntityRecognizer_JoinsASurnameAloneToThePersonTheTextNamedNotToTheBase()
    {
        // The base has another man of this surname; the text's own Juozaitis is the one meant.
        var doc = Entities("Įmonės vadovas Rymantas Juozaitis jaučiasi ramus. Pasak Juozaičio, tiekimas užtikrintas.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.Single(people.Select(p => p.Id).Distinct());
        Assert.All(people, p => Assert.Equal("Rymantas Juozaitis", p.Canonical));
    }

    [Fact]
    public void KnowledgeBase_JoinsFormerNamesWithTheirDatesAndRefusesLinesItCannotPlace()
    {
        var ministry = KnowledgeBase.Load().Entries.Single(e => e.Canonical == "Ekonomikos ir inovacijų ministerija");
        Assert.Contains(("Ūkio ministerija", "2018-12-31"), ministry.FormerNames);
        KbEntry[] team = [new("ORG", "Pavyzdžių taryba", [], null, null, "team")];
        var joined = KnowledgeBase.WithFormerNames(team, ["ORG\tPavyzdžių taryba\tSenoji pavyzdžių taryba\t1999-05\tbandymas"], "former-names.tsv").Single();
        Assert.Equal(["Senoji pavyzdžių taryba"], joined.Aliases);
        Assert.Equal([("Senoji pavyzdžių taryba", "1999-05")], joined.FormerNames);
        var unknown = Assert.Throws<FormatException>(() => KnowledgeBase.WithFormerNames(team, ["ORG\tNėra tokios\tSena\t1999\tx"], "former-names.tsv"));
        Assert.Contains("former-names.tsv", unknown.Message);
        Assert.Throws<FormatException>(() => KnowledgeBase.WithFormerNames(team, ["ORG\tPavyzdžių taryba\tSena\t1999 m.\tx"], "former-names.tsv"));
        Assert.Throws<FormatException>(() => KnowledgeBase.WithFormerNames(team, ["ORG\tPavyzdžių taryba\tSena"], "former-names.tsv"));
    }

    [Fact]
    public void KnowledgeBase_PlacesHaveCoordinatesFromTheCompiledBase()
    {
        var kb = Kronika.Lithuanian.Entities.KnowledgeBase.Load();
        var vilnius = kb.Find(Kronika.Lithuanian.Entities.NameKey.Of("Vilniuje")).Single(e => e.Type == "LOC");
        Assert.NotNull(vilnius.Coordinates);
        Assert.InRange(vilnius.Coordinates!.Value.Lat, 54.6, 54.8);
        Assert.InRange(vilnius.Coordinates!.Value.Lon, 25.2, 25.4);
        // A country's Lithuanian names from iso-codes and CLDR reach the team's entry.
        Assert.Contains(kb.Find(Kronika.Lithuanian.Entities.NameKey.Of("Afganistano Islamo Respublika")), e => e.Canonical == "Afganistanas");
    }

    [Fact]
    public void EntityRecognizer_LinksKnownEntitiesToWikidata()
    {
        Assert.Equal("Q7747", Only("Apie tai kalbėjo V. Putinas.", "V. Putinas").Kb);
        Assert.Equal("Q37", Only("Kariai grįžo į Lietuvą.", "Lietuvą").Kb);
        Assert.Null(Only("Vakar atvyko Jonas Petraitis.", "Jonas Petraitis").Kb);
    }

    [Fact]
    public void EntityRecognizer_GivesEveryMentionOfOnePersonOneId()
    {
        var doc = Entities("Vladimiras Putinas atvyko. V. Putino kalba truko valandą. Putinas išvyko vakare. D. Trumpui jis paskambino, o su Donaldu Trumpu susitiks penktadienį.");
        var ids = doc.Entities.GroupBy(e => e.Canonical).ToDictionary(g => g.Key, g => g.Select(e => e.Id).Distinct().ToList());
        Assert.Single(ids["Vladimiras Putinas"]);
        Assert.Equal(3, doc.Entities.Count(e => e.Canonical == "Vladimiras Putinas"));
        Assert.Single(ids["Donaldas Trumpas"]);
        Assert.NotEqual(ids["Vladimiras Putinas"][0], ids["Donaldas Trumpas"][0]);
    }

    [Fact]
    public void EntityRecognizer_UsesTheFullestNameSeenForUnknownPeople()
    {
        var doc = Entities("Tyrimą atliko Jonas Petraitis. J. Petraičio teigimu, rezultatai geri. Petraitis žada tęsti darbą.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(3, people.Count);
        Assert.All(people, p => Assert.Equal("Jonas Petraitis", p.Canonical));
        Assert.Single(people.Select(p => p.Id).Distinct());
    }

    [Fact]
    public void EntityRecognizer_KeepsTwoPeopleWithOneSurnameApart()
    {
        var doc = Entities("Vytautas Landsbergis ir Gabrielius Landsbergis kalbėjo kartu.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.NotEqual(people[0].Id, people[1].Id);
    }

    [Theory]
    // A first name before a capitalised word starts a name; it is not the surname of a person of the base (Evaldas Gustas).
    [InlineData("Įvartį įmušė Gustui Baliutavičiui kamuolį perdavęs Nauris Petkevičius.", "Gustui Baliutavičiui", "PER", "Gustas Baliutavičius")]
    [InlineData("Įvartį įmušė Gustui Baliutavičiui kamuolį perdavęs Nauris Petkevičius.", "Nauris Petkevičius", "PER", "Nauris Petkevičius")]
    // A woman's surname in plain `-e` is an instrumental, whatever case the tagger read.
    [InlineData("Posėdyje kalbėjosi su ministre Renata Saulyte atvykę patarėjai.", "Renata Saulyte", "PER", "Renata Saulytė")]
    // Quoted names in a sentence about a game are teams; a place's name in quotes is a team; teams are named in the
    // nominative, foreign ones as written; an event's name stays MISC.
    [InlineData("Jaunimo rinktinės rungtynėse žais net penki „Riteriai“.", "Riteriai", "ORG", "Riteriai")]
    [InlineData("Po pratęsimo rungtynes laimėjo „Kupiškis“.", "Kupiškis", "ORG", "Kupiškis")]
    [InlineData("Rungtynėse taškus rinko „Milastos“ krepšininkai.", "Milastos", "ORG", "Milasta")]
    [InlineData("Rungtynes laimėjo Bostono „Celtics“ krepšininkai.", "Celtics", "ORG", "Celtics")]
    [InlineData("Tenisininkė pralaimėjo „Roland Garros“ turnyro rungtynes.", "Roland Garros", "MISC", "Roland Garros")]
    // A quoted name joined to a quoted name before it is a name, not speech, and its head says what it is.
    [InlineData("Nuostolių patyrė „Orlen Lietuva“ ir „Modus grupė“ – abi stambios.", "Modus grupė", "ORG", "Modus grupė")]
    // A name opened by an adjective is a place; definite adjectives as names decline as such.
    [InlineData("Naujas darželis atidarytas Naujojoje Vilnioje.", "Naujojoje Vilnioje", "LOC", "Naujoji Vilnia")]
    [InlineData("Pėsčiųjų takas nusidrieks palei Šventąją.", "Šventąją", "LOC", "Šventoji")]
    // `-iečio` is the genitive of `-ietis`.
    [InlineData("Miestelio šventė skirta Pranciškaus Asyžiečio atminimui.", "Pranciškaus Asyžiečio", "PER", "Pranciškus Asyžietis")]
    public void EntityRecognizer_ReadsTheThirdAuditsNamesAsALithuanianWould(string text, string mention, string type, string canonical)
    {
        var e = Only(text, mention);
        Assert.Equal(type, e.Type);
        Assert.Equal(canonical, e.Canonical);
    }

    [Theory]
    // A quoted name of several words declined in the sentence is named in the nominative, head and all.
    [InlineData("Rungtynėse „Pieno žvaigždžių“ krepšininkai nusileido „SC Atakai“.", "Pieno žvaigždžių", "ORG", "Pieno žvaigždės")]
    [InlineData("Rungtynėse „Pieno žvaigždžių“ krepšininkai nusileido „SC Atakai“.", "SC Atakai", "ORG", "SC Ataka")]
    [InlineData("Rinkimuose dalyvavo ir „Vilniaus piliečiams“ atstovaujantys kandidatai.", "Vilniaus piliečiams", "MISC", "Vilniaus piliečiai")]
    // Streets under one plural head are as many streets.
    [InlineData("Avarija įvyko Ukmergės ir Gabijos gatvių sankryžoje.", "Ukmergės", "LOC", "Ukmergės gatvė")]
    [InlineData("Avarija įvyko Ukmergės ir Gabijos gatvių sankryžoje.", "Gabijos", "LOC", "Gabijos gatvė")]
    // A first name that is also a common word (`tomas`, `justas`) still opens a person's name at a sentence start, and a
    // given name before a surname in the genitive is in the genitive too, though `Romano` is also a name.
    [InlineData("Tomas Gaidamavičius pelnė 12 taškų.", "Tomas Gaidamavičius", "PER", "Tomas Gaidamavičius")]
    [InlineData("Justas Sinica atkovojo 5 kamuolius.", "Justas Sinica", "PER", "Justas Sinica")]
    [InlineData("Romano Gumeniuko sąskaitoje – 17 taškų.", "Romano Gumeniuko", "PER", "Romanas Gumeniukas")]
    // A car model in quotes is a product, not the base's person of that surname; towns joined by hyphens are a road.
    [InlineData("Vairuotojas „Mini Cooper“ automobiliu rėžėsi į stulpą.", "Mini Cooper", "MISC", "Mini Cooper")]
    [InlineData("Kelyje Vilnius-Kaunas-Klaipėda susidūrė du automobiliai.", "Vilnius-Kaunas-Klaipėda", "LOC", "Vilnius-Kaunas-Klaipėda")]
    // A quoted company named by what it makes is an organization without a trigger word before it.
    [InlineData("„Vilkyškių pieninė” per tris ketvirčius uždirbo daugiau pelno.", "Vilkyškių pieninė", "ORG", "Vilkyškių pieninė")]
    // A double surname joined by an en dash is one surname, written with a hyphen.
    [InlineData("Kostiumus sukūrė dailininkė Rūta Galeckaitė–Dabkienė.", "Rūta Galeckaitė–Dabkienė", "PER", "Rūta Galeckaitė-Dabkienė")]
    // A maker's name the base lacks, with a model after it, is the product.
    [InlineData("Sankryžoje apvirto automobilis Nissan X-Trail.", "Nissan X-Trail", "MISC", "Nissan X-Trail")]
    // A brand with a capital inside is written so in every case.
    [InlineData("Europos Komisija skyrė lėšų „REPowerEU“ planui.", "REPowerEU", "MISC", "REPowerEU")]
    // A woman's double surname declines by its own endings, a foreign part as written.
    [InlineData("Žurnalistai kalbino Ramintą Naujanytę-Bjelle.", "Ramintą Naujanytę-Bjelle", "PER", "Raminta Naujanytė-Bjelle")]
    // A team with a sponsor's name after a dash declines in its own word, as the base names the club; a team's genitive in `-ies`.
    [InlineData("Rungtynes laimėjo „Ryto–MRU“ krepšininkai.", "Ryto–MRU", "ORG", "Rytas–MRU")]
    [InlineData("Rungtynėse „Lūšies“ krepšininkai pralaimėjo.", "Lūšies", "ORG", "Lūšis")]
    // A body the base knows keeps its own name beside its owner's genitive.
    [InlineData("Pareiškimą išplatino Seimo Demokratų sąjunga „Vardan Lietuvos“.", "Demokratų sąjunga „Vardan Lietuvos“", "ORG", "Demokratų sąjunga „Vardan Lietuvos“")]
    // A foreign name's Lithuanian ending after an apostrophe belongs to it; its nominative ends in `-as`.
    [InlineData("Nugalėtojams Chase‘as Simonas pelnė 28 taškus.", "Chase‘as Simonas", "PER", "Chase‘as Simonas")]
    [InlineData("Skambės Maurice’o Ravelio kūriniai.", "Maurice’o Ravelio", "PER", "Maurice’as Ravelis")]
    // Heads of bodies (`kvartetas`) and a number inside a court's name.
    [InlineData("Vilniaus miesto 1 apylinkės teismas paskelbė nuosprendį.", "Vilniaus miesto 1 apylinkės teismas", "ORG", "Vilniaus miesto 1 apylinkės teismas")]
    [InlineData("Vakare koncertavo Čiurlionio kvartetas.", "Čiurlionio kvartetas", "ORG", "Čiurlionio kvartetas")]
    // A town's name before a sponsor's declines as the town's.
    [InlineData("Rungtynes laimėjo „Šiaulių-7bet“ krepšininkai.", "Šiaulių-7bet", "ORG", "Šiauliai-7bet")]
    public void EntityRecognizer_ReadsTheFourthAuditsNamesAsALithuanianWould(string text, string mention, string type, string canonical)
    {
        var e = Only(text, mention);
        Assert.Equal(type, e.Type);
        Assert.Equal(canonical, e.Canonical);
    }

    [Theory]
    // A maker's name in quotes is the car, whatever the tagger reads in it (`„Subaru“` is no verb).
    [InlineData("Kelią užtvėrė tarnybinis automobilis „Subaru“.", "Subaru", "MISC", "Subaru")]
    [InlineData("Iš kiemo išvažiavo „Audi“ ir nuriedėjo į griovį.", "Audi", "MISC", "Audi")]
    // Quoted names listed together are of one kind: a dash naming what they are, or one of them an organization by its
    // own words, makes the others organizations too.
    [InlineData("Paramą gavo „Žalias kiemas“, „Miško takas“ ir „Senasis malūnas“ – įmonės iš Kėdainių.", "Žalias kiemas", "ORG", "Žalias kiemas")]
    [InlineData("Tinklą valdo „Vakaro žvaigždė“ ir „Ąžuolų restoranas“.", "Vakaro žvaigždė", "ORG", "Vakaro žvaigždė")]
    // A quoted name before an adjective and a body's head is that body; `studija` before a quoted name is a body.
    [InlineData("Mokiniai iš „Ąžuolo“ pagrindinės mokyklos laimėjo konkursą.", "Ąžuolo", "ORG", "Ąžuolo")]
    [InlineData("Spektaklyje vaidins jaunimo studija „Žiburys“.", "Žiburys", "ORG", "Žiburys")]
    // Heads from the data: an assembly (`sueiga`) is a body, a cape (`kyšulys`) a place.
    [InlineData("Sprendimui pritarė Seniūnų sueiga.", "Seniūnų sueiga", "ORG", "Seniūnų sueiga")]
    [InlineData("Konfliktas kilo Afrikos kyšulio šalyse.", "Afrikos kyšulio", "LOC", "Afrikos kyšulys")]
    // A foreign surname in `-i` after a consonant does not decline; a man's surname in `-ai` beside an initial is the
    // dative of `-a`.
    [InlineData("Spektaklį režisavo Giorgi Tsereteli.", "Giorgi Tsereteli", "PER", "Giorgi Tsereteli")]
    [InlineData("Ministrai susitiko su Matteo Salvini.", "Matteo Salvini", "PER", "Matteo Salvini")]
    [InlineData("Kamuolį perdavė D. Šalengai, ir šis pataikė.", "D. Šalengai", "PER", "D. Šalenga")]
    // A genitive head before a noun is one body, not several; a head in the genitive before a longer name's own head
    // belongs to that name.
    [InlineData("Vakar Klaipėdos apskrities policijos atstovė pranešė apie sulaikymą.", "Klaipėdos apskrities policijos", "ORG", "Klaipėdos apskrities policija")]
    [InlineData("Panevėžio apskrities vyriausiasis policijos komisariatas ieško liudininkų.", "Panevėžio apskrities vyriausiasis policijos komisariatas", "ORG", "Panevėžio apskrities vyriausiasis policijos komisariatas")]
    // At a clause start an agreeing adjective opens a place's name.
    [InlineData("Naujosios Vilnios gyventojai skundžiasi triukšmu.", "Naujosios Vilnios", "LOC", "Naujoji Vilnia")]
    // A long title in a foreign language, most words capitalised, is one named thing as written.
    [InlineData("Ministras kalbėjo konferencijoje „Road to the Baltic Security Summit“ Rygoje.", "Road to the Baltic Security Summit", "MISC", "Road to the Baltic Security Summit")]
    public void EntityRecognizer_ReadsTheFifthAuditsNamesAsALithuanianWould(string text, string mention, string type, string canonical)
    {
        var e = Only(text, mention);
        Assert.Equal(type, e.Type);
        Assert.Equal(canonical, e.Canonical);
    }

    [Theory]
    // A genitive in `-o` after a consonant is a man's `-as` (`Jankausko` is no `Jankauskis`, whose genitive is `Jankauskio`);
    // Ukrainian `-enko` stays as written.
    [InlineData("Po to Edgaro Jankausko treniruota rinktinė pateko į duobę.", "Edgaro Jankausko", "PER", "Edgaras Jankauskas")]
    [InlineData("Apie Andrijų Ševčenko kalbėjo treneris.", "Andrijų Ševčenko", "PER", "Andrijus Ševčenko")]
    // A surname in the nominative puts the given name in the nominative as written (`Brūno` is no genitive here).
    [InlineData("Skyriaus vedėjas Brūno Aleknavičius sakė, kad viskas gerai.", "Brūno Aleknavičius", "PER", "Brūno Aleknavičius")]
    // Foreign surnames ending as no Lithuanian name's case does (a consonant before `-s`, a plain `-es`) are written as
    // given, and the given name before them too.
    [InlineData("Scenoje pasirodė Erica Jennings.", "Erica Jennings", "PER", "Erica Jennings")]
    [InlineData("Su Laura Adams kalbėjomės ilgai.", "Laura Adams", "PER", "Laura Adams")]
    [InlineData("Prisimenu Varg Vikernes dainas.", "Varg Vikernes", "PER", "Varg Vikernes")]
    // A woman's given name before a surname that is no woman's: the surname is foreign and undeclined (`Liu` is no `Lis`).
    [InlineData("Apdovanojimas įteiktas Monikai Liu.", "Monikai Liu", "PER", "Monika Liu")]
    [InlineData("Scenoje pasirodė Monika Liu.", "Monika Liu", "PER", "Monika Liu")]
    // A Lithuanian given name in an oblique case declines before an undeclined surname.
    [InlineData("Su Mantu Ben sutarėme greitai.", "Mantu Ben", "PER", "Mantas Ben")]
    // A title's word capitalised after a given name is the surname (`Karalius`); a first name opening a sentence before
    // a surname of the base is the person, though both are also common words (`gintaras`, `kairys`).
    [InlineData("Padėjo Tautvydo Karaliaus brolis.", "Tautvydo Karaliaus", "PER", "Tautvydas Karalius")]
    [InlineData("Gintarą Kairį pakvietė į komandą.", "Gintarą Kairį", "PER", "Gintaras Kairys")]
    // A place's head right after a quoted name is part of the place's name (an arena named by a club or a sponsor).
    [InlineData("Krepšininkai žaidė „Žalgirio“ arenoje.", "„Žalgirio“ arenoje", "LOC", "Žalgirio arena")]
    [InlineData("Koncertas vyks „Siemens“ arenoje.", "„Siemens“ arenoje", "LOC", "Siemens arena")]
    // A quoted genitive before a noun of a member or worker is a body's name in a case: named in the nominative.
    [InlineData("Apie tai rašė „Palangos tilto“ žurnalistai.", "Palangos tilto", "ORG", "Palangos tiltas")]
    [InlineData("Tai patvirtino „Baltojo Kiro“ vokalistas.", "Baltojo Kiro", "ORG", "Baltasis Kiras")]
    [InlineData("Sceną apšvietė „Juodvarnio“ būgnininkas.", "Juodvarnio", "ORG", "Juodvarnis")]
    // An initial and a surname in a sentence about a game are no politician of the base with that surname.
    [InlineData("Rungtynėse A.Butkevičius pelnė 20 taškų.", "A.Butkevičius", "PER", "A. Butkevičius")]
    // A woman's foreign name in an oblique case: her given name by the feminine endings (or the list, or a feminine noun
    // before it), her surname as written unless it declines as `-a`.
    [InlineData("Ji 6:3 nugalėjo Simonos Halep varžovę.", "Simonos Halep", "PER", "Simona Halep")]
    [InlineData("Ji nusileido amerikietei Jessicai Pegulai.", "Jessicai Pegulai", "PER", "Jessica Pegula")]
    [InlineData("Ji įveikė Jeleną Rybakiną.", "Jeleną Rybakiną", "PER", "Jelena Rybakina")]
    [InlineData("Brazilė įveikė tautietę Caroliną Alves.", "Caroliną Alves", "PER", "Carolina Alves")]
    [InlineData("Čekė nugalėjo kroatę Petrą Martič.", "Petrą Martič", "PER", "Petra Martič")]
    [InlineData("Varžėsi kanadietė Bianca Andreescu.", "Bianca Andreescu", "PER", "Bianca Andreescu")]
    [InlineData("Treneris pagyrė Petrą Vaitkų.", "Petrą Vaitkų", "PER", "Petras Vaitkus")]
    public void EntityRecognizer_ReadsTheSixthAuditsNamesAsALithuanianWould(string text, string mention, string type, string canonical)
    {
        var e = Only(text, mention);
        Assert.Equal(type, e.Type);
        Assert.Equal(canonical, e.Canonical);
    }

    [Fact]
    public void EntityRecognizer_LinksACommonNounOpeningASentenceToTheBaseOnlyAfterTheTextNamedIt()
    {
        Assert.Empty(Entities("Komisijos nariai posėdžiavo vakar.").Entities);
        var doc = Entities("Europos Komisija pateikė pasiūlymą. Komisijos nariai jį aptarė.");
        Assert.Equal(2, doc.Entities.Count(e => e.Canonical == "Europos Komisija"));
        // A title before the initial says who it is, whatever the sentence is about.
        Assert.Contains(Entities("Rungtynes stebėjo premjeras A. Butkevičius.").Entities, e => e.Canonical == "Algirdas Butkevičius");
    }

    [Theory]
    // A definite adjective opening a sentence is a word, not a name (the dictionary has `paskutinis`).
    [InlineData("Paskutinysis vakaras buvo šiltas.")]
    public void EntityRecognizer_TakesNoDefiniteAdjectiveAtASentenceStartForAName(string text) =>
        Assert.Empty(Entities(text).Entities);

    [Theory]
    // A place's genitive before a plural head names things of that place, not one named thing: the place alone.
    [InlineData("Lietuvos festivalių sezonas prasideda.", "Lietuvos", "Lietuva")]
    [InlineData("Vyko Europos čempionatai.", "Europos", "Europa")]
    public void EntityRecognizer_KeepsAPlaceBeforeAPluralHeadAlone(string text, string mention, string canonical) =>
        Assert.Equal(canonical, Only(text, mention).Canonical);

    [Fact]
    public void EntityRecognizer_NamesAPlaceOpenedByAnAdjectiveOnceWhereverItStands()
    {
        var doc = Entities("Gaisras kilo Naujojoje Vilnioje. Naujosios Vilnios gyventojai skundėsi dūmais.");
        var place = doc.Entities.Where(e => e.Canonical == "Naujoji Vilnia").ToList();
        Assert.Equal(2, place.Count);
        Assert.Single(place.Select(p => p.Id).Distinct());
        // A place the base knows on its own stays that place after an adjective.
        var warsaw = Entities("Oficialioji Varšuva pareiškė protestą.");
        Assert.DoesNotContain(warsaw.Entities, e => warsaw.Text[e.Start..e.End].Contains("Oficialioji"));
    }

    [Theory]
    // The genitive `-ies`, dative `-ims`, instrumental `-imis` and locative `-yse` of i-stem nouns key as their nominative.
    [InlineData("apskrities", "apskritis")]
    [InlineData("apskritims", "apskritis")]
    [InlineData("apskritimis", "apskritis")]
    [InlineData("apskrityse", "apskritis")]
    public void NameKey_KeysIStemCasesAsTheirNominative(string form, string nominative) =>
        Assert.Equal(Kronika.Lithuanian.Entities.NameKey.Word(nominative), Kronika.Lithuanian.Entities.NameKey.Word(form));

    [Fact]
    public void EntityRecognizer_GivesAQuotedNameTheTextShowedAnOrganizationsOneTypeThroughout()
    {
        var doc = Entities("Visuomeninis rinkimų komitetas „Alytaus piliečiai“ pasitraukė iš daugumos. Pasitraukus „Alytaus piliečiams“ liko 14 narių.");
        var committee = doc.Entities.Where(e => e.Canonical == "Alytaus piliečiai").ToList();
        Assert.Equal(2, committee.Count);
        Assert.All(committee, c => Assert.Equal("ORG", c.Type));
        Assert.Single(committee.Select(c => c.Id).Distinct());
    }

    [Theory]
    // Initials end where a common word that is no noun opens the next sentence; a woman's double surname in the dative is
    // the base's person.
    [InlineData("Pareigūnai nustatė asmenį – R. Š. Tikslinant aplinkybes, buvo atlikta krata.", "Tikslinant")]
    public void EntityRecognizer_EndsInitialsBeforeTheNextSentencesFirstWord(string text, string notInAName)
    {
        var doc = Entities(text);
        Assert.DoesNotContain(doc.Entities, e => doc.Text[e.Start..e.End].Contains(notInAName));
    }

    [Fact]
    public void EntityRecognizer_JoinsAWomansDoubleSurnameInAnyCaseToTheBasesPerson()
    {
        var doc = Entities("Kalbėjo Viktorija Čmilytė-Nielsen, o Viktorijai Čmilytei-Nielsen pritarė kolegos.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.Single(people.Select(p => p.Id).Distinct());
        Assert.All(people, p => Assert.Equal("Viktorija Čmilytė-Nielsen", p.Canonical));
    }

    [Fact]
    public void EntityRecognizer_JoinsAFirstNameAloneToThePersonTheTextNamedWithIt()
    {
        var doc = Entities("Meras padėkojo Dovydui Kaminskui. „Su Dovydu visada smagu susitikti“, – sakė jis.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.Single(people.Select(p => p.Id).Distinct());
        Assert.All(people, p => Assert.Equal("Dovydas Kaminskas", p.Canonical));
    }

    [Theory]
    [InlineData("Kalbama apie XX-XXI a. meną.", "XX-XXI")]
    public void EntityRecognizer_TakesNoCenturyForAName(string text, string notAName)
    {
        var doc = Entities(text);
        Assert.DoesNotContain(doc.Entities, e => doc.Text[e.Start..e.End] == notAName);
    }

    [Fact]
    public void EntityRecognizer_ReadsABracketedSpellingAsTheSamePerson()
    {
        var doc = Entities("Knygą parašė Volis Olinsas (Wally Olins), o išleido leidykla.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.Single(people.Select(p => p.Id).Distinct());
        Assert.All(people, p => Assert.Equal("Volis Olinsas", p.Canonical));
    }

    [Fact]
    public void EntityRecognizer_KeepsASurnameAloneWithTheTextsPersonNotTheBasesNamesake()
    {
        // The base knows Vytautas Sinica; this text's Sinica is Justas.
        var doc = Entities("Justas Sinica pelnė 10 taškų. Sinica dar atkovojo 5 kamuolius.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal(("Justas Sinica", (string?)null), (p.Canonical, p.Kb)));
    }

    [Theory]
    // A former name is the organization's name in a text of its day; after the rename the text's former name is
    // today's entity under today's name.
    [InlineData("2008-10-31", "Lietuvos energija")]
    [InlineData("2019-08-31", "Lietuvos energija")]
    [InlineData("2021-03-01", "Ignitis")]
    [InlineData("2019-02-07", "Lietuvos automobilių kelių direkcija", "Jis lankėsi Lietuvos automobilių kelių direkcijoje.")]
    [InlineData("2024-06-01", "Via Lietuva", "Jis lankėsi Lietuvos automobilių kelių direkcijoje.")]
    public void EntityRecognizer_NamesAnOrganizationByTheNameItHadWhenTheTextWasWritten(string date, string canonical, string text = "Lietuvos energijos vadovas pristatė metų rezultatus.")
    {
        var doc = ThroughEntities.Process(new Document(text, DateOnly.Parse(date)));
        var e = Assert.Single(doc.Entities);
        Assert.Equal(("ORG", canonical), (e.Type, e.Canonical));
    }

    [Theory]
    // A word is a name of the base only if it can be one of that name's cases: `Modus` is not `Modi` (who does not
    // decline), the plural `Budrių` not the singular `Budrys`, `Vilnios` (of the river Vilnia) not `Vilnius`.
    [InlineData("Pernai nuostolingai dirbo ir Modus.", "Modus", "Narendra Modi")]
    [InlineData("Avarija įvyko Vilniaus ir Budrių gatvių sankryžoje.", "Budrių", "Kęstutis Budrys")]
    [InlineData("Krantinė sutvarkyta palei Vilnios vagą.", "Vilnios", "Vilnius")]
    public void EntityRecognizer_TakesAWordForANameOfTheBaseOnlyInThatNamesOwnCases(string text, string mention, string notCanonical)
    {
        var doc = Entities(text);
        Assert.DoesNotContain(doc.Entities, e => doc.Text[e.Start..e.End] == mention && e.Canonical == notCanonical);
    }

    [Fact]
    public void EntityRecognizer_KeepsTheTextsPersonWhenTheBaseKnowsAnotherWithTheSameInitial()
    {
        // The base's Laurynas Mindaugas Stankevičius answers to `M. Stankevičius`; this text's M. is Marius.
        var doc = Entities("Jaunimo rinktinę treniruoja Marius Stankevičius. Anot M. Stankevičiaus, jaunimas sparčiai auga.");
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal(("Marius Stankevičius", (string?)null), (p.Canonical, p.Kb)));
        Assert.Equal(people[0].Id, people[1].Id);
    }

    [Theory]
    // The surname as the text writes it in the nominative wins over one made from another case.
    [InlineData("Treneris pagyrė Kajų Berštą. Antrą įvartį pelnė K. Beršta.", "Kajus Beršta")]
    [InlineData("Rungtynes pradėjo Edgaru Jankausku pakeistas žaidėjas. Vėliau E. Jankauskas pelnė įvartį.", "Edgaras Jankauskas")]
    public void EntityRecognizer_NamesAPersonByTheNominativeTheTextWrote(string text, string canonical)
    {
        var doc = Entities(text);
        var people = doc.Entities.Where(e => e.Type == "PER").ToList();
        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal(canonical, p.Canonical));
    }

    [Fact]
    public void EntityRecognizer_NamesAProductByItsMakersNameOncePerArticle()
    {
        var doc = Entities("Sankryžoje „Volvo“ apvirto. Automobilis „Volvo“ buvo visiškai naujas.");
        var volvo = doc.Entities.Where(e => doc.Text[e.Start..e.End] == "Volvo").ToList();
        Assert.Equal(2, volvo.Count);
        Assert.All(volvo, v => Assert.Equal("MISC", v.Type));
        Assert.Single(volvo.Select(v => v.Id).Distinct());
    }

    [Fact]
    public void EntityRecognizer_GivesOnePlaceOneIdInEveryCase()
    {
        var doc = Entities("Šiaurės Korėja pasiuntė karių. Šiaurės Korėjos kariai kovoja, o Šiaurės Korėjai tai naudinga.");
        var korea = doc.Entities.Where(e => e.Canonical == "Šiaurės Korėja").ToList();
        Assert.Equal(3, korea.Count);
        Assert.Single(korea.Select(e => e.Id).Distinct());
    }

    [Theory]
    [InlineData("Lietuviai vis dažniau atostogauja užsienyje.")]
    [InlineData("Prezidentas pasirašė įstatymą, o ministerija jį paskelbė.")]
    [InlineData("Rusų kariai traukiasi, sako ukrainiečių karininkai.")]
    [InlineData("Dalis gyventojų liko be elektros.")]
    [InlineData("Balandį kainos kilo 15 proc.")]
    [InlineData("Tai buvo sunkūs metai.")]
    public void EntityRecognizer_FindsNothingWhereThereAreNoNames(string text)
    {
        Assert.Empty(Entities(text).Entities);
    }

    [Fact]
    public void EntityRecognizer_KeepsSpansInOrderOnHostileText()
    {
        var random = new Random(3);
        string[] pieces = ["V.", "Putinas", "„", "“", "Ignitis", "bendrovė", "JAV", "Kursko", "srityje", ".", "Lietuvos", "bankas", "von", "der", "Leyen", "–", "ir", "M.", "K.", "AB", "(", ")", "LIETUVOS", "Šiaurės"];
        var text = string.Join(' ', Enumerable.Range(0, 3000).Select(_ => pieces[random.Next(pieces.Length)]));
        var doc = Entities(text);
        var previousEnd = 0;
        foreach (var e in doc.Entities)
        {
            Assert.True(e.Start >= previousEnd && e.End > e.Start && e.End <= text.Length);
            Assert.False(string.IsNullOrWhiteSpace(e.Canonical));
            previousEnd = e.End;
        }
        Assert.NotEmpty(doc.Entities);
    }

    [Theory]
    [InlineData("2025-08-13-putinas-kim.txt")]
    [InlineData("2024-12-19-biudzetas-2025.txt")]
    [InlineData("2023-07-12-nato-vilniuje.txt")]
    [InlineData("2024-10-23-siaures-korejos-kariai.txt")]
    public void Entities_MatchGoldenFile(string sample)
    {
        var doc = Analyze.Full.Process(ArticleReader.Read([Path.Combine(TestPaths.Samples, sample)]).Single().Document!);
        var sb = new StringBuilder();
        foreach (var e in doc.Entities)
            sb.Append($"{doc.Text[e.Start..e.End]}\t{e.Type}\t{e.Canonical}\t{e.Kb ?? "-"}\t#{e.Id}\n");
        Golden.Check("Kronika.Lithuanian.Tests", "Entities", Path.ChangeExtension(sample, ".entities.tsv"), sb.ToString());
    }
}

/// <summary>The identity step's cost grows with the number of mentions, not its square: a mention is compared only
/// with the clusters indexed under its own name or surname, and within them with the distinct names they hold.</summary>
public class EntityIdentityMechanismTests
{
    private static EntityRecognizer.Mention Person(int at, string name) =>
        new(at, at + name.Length, "PER", name, null, name.Split(' '));

    [Fact]
    public void EntityIdentities_CompareRepeatedMentionsThroughTheirDistinctNamesOnly()
    {
        var forms = new[] { "Jonas Petraitis", "J. Petraitis", "Petraitis", "Ona Petraitienė", "Vilnius" };
        var mentions = Enumerable.Range(0, 20_000).Select(i => forms[i % forms.Length] switch
        {
            "Vilnius" => new EntityRecognizer.Mention(i * 20, i * 20 + 7, "LOC", "Vilnius", null, ["Vilnius"]),
            var name => Person(i * 20, name),
        }).ToList();

        var clusters = EntityRecognizer.Clusters(mentions);

        // One Jonas Petraitis under three forms, one Ona Petraitienė, one Vilnius; each holds its few names, not its 4,000 mentions.
        Assert.Equal(3, clusters.Count);
        var jonas = clusters.Single(c => c.Mentions[0].Canonical == "Jonas Petraitis");
        Assert.Equal(12_000, jonas.Mentions.Count);
        Assert.Equal(3, jonas.Names.Count);
        Assert.Single(clusters.Single(c => c.Type == "LOC").Keys);
        Assert.Equal(4_000, clusters.Single(c => c.Mentions[0].Canonical == "Ona Petraitienė").Mentions.Count);
    }
}
