using Kronika.Core.Model;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Attribution;

/// <summary>
/// Who said it (issue 13): direct and indirect quotes and attributions with their speakers in the forms Lithuanian
/// portals write them — a reporting tail (`„…“, – sakė X.`), `X: „…“`, `rašė X socialiniame tinkle`, `X teigė, kad`,
/// `pasak X`, `X teigimu`, `X žodžiais`, `anot X`; initials with and without a space; pronouns and role nouns through the
/// References layer (a person the article names with that role, else the office holder on the publication date);
/// channels that are told, not speaking; long role phrases before the name; quotes over several paragraphs and
/// interrupted by the article; names in quote marks that are not quotes. Every sentence is the team's own.
/// </summary>
public class SpeakerTests
{
    private static Document Run(string date, string text) =>
        Analyze.Full.Process(new Document(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), paragraphs: Document.Lines(text)));

    private static string? Name(Document doc, int? id) => id is { } i ? doc.Entities.First(e => e.Id == i).Canonical : null;

    private static string Describe(Document doc) =>
        string.Join("; ", doc.Quotes.Select(q => $"'{doc.Text[q.Start..q.End]}' -> {Name(doc, q.Speaker) ?? "-"}"))
        + " | " + string.Join("; ", doc.Attributions.Select(a => $"{doc.Text[a.CueStart..a.CueEnd]} -> {Name(doc, a.Source) ?? a.SourceText ?? "-"}"));

    [Theory]
    // tail
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – sakė Gitanas Nausėda.", "Sprendimas bus priimtas dar šią savaitę", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – sakė G. Nausėda.", "Mes nepasiduosime spaudimui", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – sakė Inga Ruginienė.", "Biudžetas turi būti subalansuotas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – sakė I. Ruginienė.", "Situacija pasienyje išlieka įtempta", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – sakė I.Ruginienė.", "Derybos vyks ir toliau", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – sakė Kęstutis Budrys.", "Sprendimas bus priimtas dar šią savaitę", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – sakė K. Budrys.", "Mes nepasiduosime spaudimui", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – sakė Dovilė Šakalienė.", "Biudžetas turi būti subalansuotas", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – sakė Volodymyras Zelenskis.", "Situacija pasienyje išlieka įtempta", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – sakė Vladimiras Putinas.", "Derybos vyks ir toliau", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – sakė Donaldas Trumpas.", "Sprendimas bus priimtas dar šią savaitę", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – sakė Markas Rutte.", "Mes nepasiduosime spaudimui", "Markas Rutte")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – sakė Ursula von der Leyen.", "Biudžetas turi būti subalansuotas", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – sakė Ingrida Šimonytė.", "Situacija pasienyje išlieka įtempta", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – sakė Jonas Petraitis.", "Derybos vyks ir toliau", "Jonas Petraitis")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – sakė Rasa Kazlauskienė.", "Sprendimas bus priimtas dar šią savaitę", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – sakė Tomas Vaitkus.", "Mes nepasiduosime spaudimui", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – sakė Aistė Jankauskaitė.", "Biudžetas turi būti subalansuotas", "Aistė Jankauskaitė")]
    // tail-teigė
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – žurnalistams teigė Gitanas Nausėda.", "Sprendimas bus priimtas dar šią savaitę", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – žurnalistams teigė G. Nausėda.", "Mes nepasiduosime spaudimui", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – žurnalistams teigė Inga Ruginienė.", "Biudžetas turi būti subalansuotas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – žurnalistams teigė I. Ruginienė.", "Situacija pasienyje išlieka įtempta", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – žurnalistams teigė I.Ruginienė.", "Derybos vyks ir toliau", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – žurnalistams teigė Kęstutis Budrys.", "Sprendimas bus priimtas dar šią savaitę", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – žurnalistams teigė K. Budrys.", "Mes nepasiduosime spaudimui", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – žurnalistams teigė Dovilė Šakalienė.", "Biudžetas turi būti subalansuotas", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – žurnalistams teigė Volodymyras Zelenskis.", "Situacija pasienyje išlieka įtempta", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – žurnalistams teigė Vladimiras Putinas.", "Derybos vyks ir toliau", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – žurnalistams teigė Donaldas Trumpas.", "Sprendimas bus priimtas dar šią savaitę", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – žurnalistams teigė Markas Rutte.", "Mes nepasiduosime spaudimui", "Markas Rutte")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – žurnalistams teigė Ursula von der Leyen.", "Biudžetas turi būti subalansuotas", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – žurnalistams teigė Ingrida Šimonytė.", "Situacija pasienyje išlieka įtempta", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – žurnalistams teigė Jonas Petraitis.", "Derybos vyks ir toliau", "Jonas Petraitis")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – žurnalistams teigė Rasa Kazlauskienė.", "Sprendimas bus priimtas dar šią savaitę", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – žurnalistams teigė Tomas Vaitkus.", "Mes nepasiduosime spaudimui", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – žurnalistams teigė Aistė Jankauskaitė.", "Biudžetas turi būti subalansuotas", "Aistė Jankauskaitė")]
    // colon
    [InlineData("2025-11-20", "Gitanas Nausėda: „Sprendimas bus priimtas dar šią savaitę.“", "Sprendimas bus priimtas dar šią savaitę.", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "G. Nausėda: „Mes nepasiduosime spaudimui.“", "Mes nepasiduosime spaudimui.", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Inga Ruginienė: „Biudžetas turi būti subalansuotas.“", "Biudžetas turi būti subalansuotas.", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I. Ruginienė: „Situacija pasienyje išlieka įtempta.“", "Situacija pasienyje išlieka įtempta.", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I.Ruginienė: „Derybos vyks ir toliau.“", "Derybos vyks ir toliau.", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Kęstutis Budrys: „Sprendimas bus priimtas dar šią savaitę.“", "Sprendimas bus priimtas dar šią savaitę.", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "K. Budrys: „Mes nepasiduosime spaudimui.“", "Mes nepasiduosime spaudimui.", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Dovilė Šakalienė: „Biudžetas turi būti subalansuotas.“", "Biudžetas turi būti subalansuotas.", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Volodymyras Zelenskis: „Situacija pasienyje išlieka įtempta.“", "Situacija pasienyje išlieka įtempta.", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Vladimiras Putinas: „Derybos vyks ir toliau.“", "Derybos vyks ir toliau.", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Donaldas Trumpas: „Sprendimas bus priimtas dar šią savaitę.“", "Sprendimas bus priimtas dar šią savaitę.", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Markas Rutte: „Mes nepasiduosime spaudimui.“", "Mes nepasiduosime spaudimui.", "Markas Rutte")]
    [InlineData("2025-11-20", "Ursula von der Leyen: „Biudžetas turi būti subalansuotas.“", "Biudžetas turi būti subalansuotas.", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Ingrida Šimonytė: „Situacija pasienyje išlieka įtempta.“", "Situacija pasienyje išlieka įtempta.", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "Aistė Jankauskaitė: „Biudžetas turi būti subalansuotas.“", "Biudžetas turi būti subalansuotas.", "Aistė Jankauskaitė")]
    // kad
    [InlineData("2025-11-20", "Gitanas Nausėda teigė, kad sprendimas bus priimtas dar šią savaitę.", "sprendimas bus priimtas dar šią savaitę", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "G. Nausėda teigė, kad padėtis pasienyje išlieka įtempta.", "padėtis pasienyje išlieka įtempta", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Inga Ruginienė teigė, kad biudžetas bus subalansuotas.", "biudžetas bus subalansuotas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I. Ruginienė teigė, kad derybos vyks ir toliau.", "derybos vyks ir toliau", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I.Ruginienė teigė, kad sprendimas bus priimtas dar šią savaitę.", "sprendimas bus priimtas dar šią savaitę", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Kęstutis Budrys teigė, kad padėtis pasienyje išlieka įtempta.", "padėtis pasienyje išlieka įtempta", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "K. Budrys teigė, kad biudžetas bus subalansuotas.", "biudžetas bus subalansuotas", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Dovilė Šakalienė teigė, kad derybos vyks ir toliau.", "derybos vyks ir toliau", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Volodymyras Zelenskis teigė, kad sprendimas bus priimtas dar šią savaitę.", "sprendimas bus priimtas dar šią savaitę", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Vladimiras Putinas teigė, kad padėtis pasienyje išlieka įtempta.", "padėtis pasienyje išlieka įtempta", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Donaldas Trumpas teigė, kad biudžetas bus subalansuotas.", "biudžetas bus subalansuotas", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Markas Rutte teigė, kad derybos vyks ir toliau.", "derybos vyks ir toliau", "Markas Rutte")]
    [InlineData("2025-11-20", "Ursula von der Leyen teigė, kad sprendimas bus priimtas dar šią savaitę.", "sprendimas bus priimtas dar šią savaitę", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Ingrida Šimonytė teigė, kad padėtis pasienyje išlieka įtempta.", "padėtis pasienyje išlieka įtempta", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "Aistė Jankauskaitė teigė, kad padėtis pasienyje išlieka įtempta.", "padėtis pasienyje išlieka įtempta", "Aistė Jankauskaitė")]
    // rašė
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – socialiniame tinkle „Facebook“ rašė Gitanas Nausėda.", "Sprendimas bus priimtas dar šią savaitę", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – socialiniame tinkle „Facebook“ rašė G. Nausėda.", "Mes nepasiduosime spaudimui", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – socialiniame tinkle „Facebook“ rašė Inga Ruginienė.", "Biudžetas turi būti subalansuotas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – socialiniame tinkle „Facebook“ rašė I. Ruginienė.", "Situacija pasienyje išlieka įtempta", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – socialiniame tinkle „Facebook“ rašė I.Ruginienė.", "Derybos vyks ir toliau", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – socialiniame tinkle „Facebook“ rašė Kęstutis Budrys.", "Sprendimas bus priimtas dar šią savaitę", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – socialiniame tinkle „Facebook“ rašė K. Budrys.", "Mes nepasiduosime spaudimui", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – socialiniame tinkle „Facebook“ rašė Dovilė Šakalienė.", "Biudžetas turi būti subalansuotas", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – socialiniame tinkle „Facebook“ rašė Volodymyras Zelenskis.", "Situacija pasienyje išlieka įtempta", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – socialiniame tinkle „Facebook“ rašė Vladimiras Putinas.", "Derybos vyks ir toliau", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – socialiniame tinkle „Facebook“ rašė Donaldas Trumpas.", "Sprendimas bus priimtas dar šią savaitę", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – socialiniame tinkle „Facebook“ rašė Markas Rutte.", "Mes nepasiduosime spaudimui", "Markas Rutte")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – socialiniame tinkle „Facebook“ rašė Ursula von der Leyen.", "Biudžetas turi būti subalansuotas", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – socialiniame tinkle „Facebook“ rašė Ingrida Šimonytė.", "Situacija pasienyje išlieka įtempta", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – socialiniame tinkle „Facebook“ rašė Jonas Petraitis.", "Derybos vyks ir toliau", "Jonas Petraitis")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – socialiniame tinkle „Facebook“ rašė Rasa Kazlauskienė.", "Sprendimas bus priimtas dar šią savaitę", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – socialiniame tinkle „Facebook“ rašė Tomas Vaitkus.", "Mes nepasiduosime spaudimui", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – socialiniame tinkle „Facebook“ rašė Aistė Jankauskaitė.", "Biudžetas turi būti subalansuotas", "Aistė Jankauskaitė")]
    // pronoun
    [InlineData("2025-11-20", "Gitanas Nausėda susitiko su ūkininkais. „Sprendimas bus priimtas dar šią savaitę“, – pridūrė jis.", "Sprendimas bus priimtas dar šią savaitę", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "G. Nausėda susitiko su ūkininkais. „Mes nepasiduosime spaudimui“, – pridūrė jis.", "Mes nepasiduosime spaudimui", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Inga Ruginienė susitiko su ūkininkais. „Biudžetas turi būti subalansuotas“, – pridūrė ji.", "Biudžetas turi būti subalansuotas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I. Ruginienė susitiko su ūkininkais. „Situacija pasienyje išlieka įtempta“, – pridūrė ji.", "Situacija pasienyje išlieka įtempta", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I.Ruginienė susitiko su ūkininkais. „Derybos vyks ir toliau“, – pridūrė ji.", "Derybos vyks ir toliau", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Kęstutis Budrys susitiko su ūkininkais. „Sprendimas bus priimtas dar šią savaitę“, – pridūrė jis.", "Sprendimas bus priimtas dar šią savaitę", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "K. Budrys susitiko su ūkininkais. „Mes nepasiduosime spaudimui“, – pridūrė jis.", "Mes nepasiduosime spaudimui", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Dovilė Šakalienė susitiko su ūkininkais. „Biudžetas turi būti subalansuotas“, – pridūrė ji.", "Biudžetas turi būti subalansuotas", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Volodymyras Zelenskis susitiko su ūkininkais. „Situacija pasienyje išlieka įtempta“, – pridūrė jis.", "Situacija pasienyje išlieka įtempta", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Vladimiras Putinas susitiko su ūkininkais. „Derybos vyks ir toliau“, – pridūrė jis.", "Derybos vyks ir toliau", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Donaldas Trumpas susitiko su ūkininkais. „Sprendimas bus priimtas dar šią savaitę“, – pridūrė jis.", "Sprendimas bus priimtas dar šią savaitę", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Markas Rutte susitiko su ūkininkais. „Mes nepasiduosime spaudimui“, – pridūrė jis.", "Mes nepasiduosime spaudimui", "Markas Rutte")]
    [InlineData("2025-11-20", "Ursula von der Leyen susitiko su ūkininkais. „Biudžetas turi būti subalansuotas“, – pridūrė ji.", "Biudžetas turi būti subalansuotas", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Ingrida Šimonytė susitiko su ūkininkais. „Situacija pasienyje išlieka įtempta“, – pridūrė ji.", "Situacija pasienyje išlieka įtempta", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "Aistė Jankauskaitė susitiko su ūkininkais. „Biudžetas turi būti subalansuotas“, – pridūrė ji.", "Biudžetas turi būti subalansuotas", "Aistė Jankauskaitė")]
    [InlineData("2025-11-20", "Premjerė Inga Ruginienė susitiko su verslininkais. „Mokesčių reforma bus“, – sakė ji.", "Mokesčių reforma bus", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Gitanas Nausėda lankėsi Kaune. Jis sakė, kad tiltas bus pastatytas.", "tiltas bus pastatytas", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Volodymyras Zelenskis kalbėjo parlamente, o Markas Rutte klausėsi. „Reikia daugiau oro gynybos“, – pabrėžė jis.", "Reikia daugiau oro gynybos", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Inga Ruginienė susitiko su Gitanu Nausėda. „Sutarėme dėl biudžeto“, – sakė ji.", "Sutarėme dėl biudžeto", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Gitanas Nausėda susitiko su Inga Ruginiene. „Sutarėme dėl biudžeto“, – sakė jis.", "Sutarėme dėl biudžeto", "Gitanas Nausėda")]
    // channel
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – BNS sakė Gitanas Nausėda.", "Sprendimas bus priimtas dar šią savaitę", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – BNS sakė G. Nausėda.", "Mes nepasiduosime spaudimui", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – BNS sakė Inga Ruginienė.", "Biudžetas turi būti subalansuotas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – BNS sakė I. Ruginienė.", "Situacija pasienyje išlieka įtempta", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – BNS sakė I.Ruginienė.", "Derybos vyks ir toliau", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – BNS sakė Kęstutis Budrys.", "Sprendimas bus priimtas dar šią savaitę", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – BNS sakė K. Budrys.", "Mes nepasiduosime spaudimui", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – BNS sakė Dovilė Šakalienė.", "Biudžetas turi būti subalansuotas", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – BNS sakė Volodymyras Zelenskis.", "Situacija pasienyje išlieka įtempta", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – BNS sakė Vladimiras Putinas.", "Derybos vyks ir toliau", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – BNS sakė Donaldas Trumpas.", "Sprendimas bus priimtas dar šią savaitę", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – BNS sakė Markas Rutte.", "Mes nepasiduosime spaudimui", "Markas Rutte")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – BNS sakė Ursula von der Leyen.", "Biudžetas turi būti subalansuotas", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "„Situacija pasienyje išlieka įtempta“, – BNS sakė Ingrida Šimonytė.", "Situacija pasienyje išlieka įtempta", "Ingrida Šimonytė")]
    [InlineData("2025-11-20", "„Derybos vyks ir toliau“, – BNS sakė Jonas Petraitis.", "Derybos vyks ir toliau", "Jonas Petraitis")]
    [InlineData("2025-11-20", "„Sprendimas bus priimtas dar šią savaitę“, – BNS sakė Rasa Kazlauskienė.", "Sprendimas bus priimtas dar šią savaitę", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "„Mes nepasiduosime spaudimui“, – BNS sakė Tomas Vaitkus.", "Mes nepasiduosime spaudimui", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Biudžetas turi būti subalansuotas“, – BNS sakė Aistė Jankauskaitė.", "Biudžetas turi būti subalansuotas", "Aistė Jankauskaitė")]
    [InlineData("2025-11-20", "„Komitetas svarstys projektą“, – BNS sakė komiteto lyderis Tomas Vaitkus.", "Komitetas svarstys projektą", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Sprendimas neteisingas“, – Eltai teigė Rasa Kazlauskienė.", "Sprendimas neteisingas", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "„Mes tai išspręsime“, – LRT radijui sakė Inga Ruginienė.", "Mes tai išspręsime", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Derybos tęsis“, – Reuters sakė Markas Rutte.", "Derybos tęsis", "Markas Rutte")]
    [InlineData("2025-11-20", "„Kainos kils“, – sakė Tomas Vaitkus BNS.", "Kainos kils", "Tomas Vaitkus")]
    // role-named
    [InlineData("2025-11-20", "Finansų ministras Kristupas Vaitiekūnas pristatė biudžetą. „Deficitas mažės“, – sakė ministras.", "Deficitas mažės", "Kristupas Vaitiekūnas")]
    [InlineData("2025-11-20", "Sveikatos apsaugos ministrė Marija Jakubauskienė susitiko su gydytojais. „Eilės trumpės“, – pažadėjo ministrė.", "Eilės trumpės", "Marija Jakubauskienė")]
    [InlineData("2025-11-20", "Prezidentas Gitanas Nausėda pasirašė dekretą. „Tai svarbus žingsnis“, – sakė šalies vadovas.", "Tai svarbus žingsnis", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Premjerė Inga Ruginienė susitiko su profsąjungomis. „Susitarėme dėl algų“, – sakė Vyriausybės vadovė.", "Susitarėme dėl algų", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Ukrainos prezidentas Volodymyras Zelenskis kreipėsi į tautą. „Mes atsilaikysime“, – pareiškė prezidentas.", "Mes atsilaikysime", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "NATO generalinis sekretorius Markas Rutte atvyko į Vilnių. „Aljansas gins kiekvieną colį“, – sakė generalinis sekretorius.", "Aljansas gins kiekvieną colį", "Markas Rutte")]
    [InlineData("2025-11-20", "Teisėjas Jonas Petraitis paskelbė nuosprendį. „Kaltė įrodyta“, – sakė teisėjas.", "Kaltė įrodyta", "Jonas Petraitis")]
    [InlineData("2025-11-20", "Policijos atstovė Rasa Kazlauskienė informavo apie avariją. „Vairuotojas buvo neblaivus“, – sakė policijos atstovė.", "Vairuotojas buvo neblaivus", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "Kauno meras Visvaldas Matijošaitis pristatė planą. „Tiltas bus baigtas kitąmet“, – žadėjo meras.", "Tiltas bus baigtas kitąmet", "Visvaldas Matijošaitis")]
    [InlineData("2025-11-20", "Bendrovės vadovas Tomas Vaitkus pristatė rezultatus. „Pelnas išaugo“, – sakė vadovas.", "Pelnas išaugo", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "Mokyklos direktorė Aistė Jankauskaitė kalbėjo su tėvais. „Pamokos vyks nuotoliu“, – sakė direktorė.", "Pamokos vyks nuotoliu", "Aistė Jankauskaitė")]
    // office
    [InlineData("2025-11-20", "„Biudžetas bus subalansuotas“, – sakė premjerė.", "Biudžetas bus subalansuotas", "Inga Ruginienė")]
    [InlineData("2022-03-01", "„Biudžetas bus subalansuotas“, – sakė premjerė.", "Biudžetas bus subalansuotas", "Ingrida Šimonytė")]
    [InlineData("2018-05-10", "„Reformos tęsis“, – sakė premjeras.", "Reformos tęsis", "Saulius Skvernelis")]
    [InlineData("2025-03-10", "„Reformos tęsis“, – sakė premjeras.", "Reformos tęsis", "Gintautas Paluckas")]
    [InlineData("2024-02-16", "„Esame saugūs“, – sakė prezidentas.", "Esame saugūs", "Gitanas Nausėda")]
    [InlineData("2016-02-16", "„Esame saugūs“, – sakė prezidentė.", "Esame saugūs", "Dalia Grybauskaitė")]
    [InlineData("2025-11-20", "„Sesija prasideda“, – sakė Seimo pirmininkas.", "Sesija prasideda", "Juozas Olekas")]
    [InlineData("2023-09-10", "„Sesija prasideda“, – sakė Seimo pirmininkė.", "Sesija prasideda", "Viktorija Čmilytė-Nielsen")]
    [InlineData("2025-11-20", "„Mokesčiai nekils“, – pažadėjo finansų ministras.", "Mokesčiai nekils", "Kristupas Vaitiekūnas")]
    [InlineData("2022-05-01", "„Mokesčiai nekils“, – pažadėjo finansų ministrė.", "Mokesčiai nekils", "Gintarė Skaistė")]
    [InlineData("2022-05-01", "„Ambasada dirbs toliau“, – sakė užsienio reikalų ministras.", "Ambasada dirbs toliau", "Gabrielius Landsbergis")]
    [InlineData("2022-05-01", "„Brigada bus dislokuota“, – sakė krašto apsaugos ministras.", "Brigada bus dislokuota", "Arvydas Anušauskas")]
    [InlineData("2022-02-20", "„Karo nebus“, – pareiškė Rusijos prezidentas.", "Karo nebus", "Vladimiras Putinas")]
    [InlineData("2023-06-01", "„Mes laimėsime“, – sakė Ukrainos prezidentas.", "Mes laimėsime", "Volodymyras Zelenskis")]
    [InlineData("2024-06-01", "„Sienos bus saugomos“, – sakė Lenkijos premjeras.", "Sienos bus saugomos", "Donaldas Tuskas")]
    [InlineData("2025-04-02", "„Muitai įsigalios rytoj“, – pareiškė JAV prezidentas.", "Muitai įsigalios rytoj", "Donaldas Trumpas")]
    [InlineData("2022-04-02", "„Muitai įsigalios rytoj“, – pareiškė JAV prezidentas.", "Muitai įsigalios rytoj", "Joe Bidenas")]
    [InlineData("2023-06-26", "„Brigada bus Lietuvoje“, – sakė Vokietijos kancleris.", "Brigada bus Lietuvoje", "Olafas Scholzas")]
    [InlineData("2025-05-22", "„Brigada bus Lietuvoje“, – sakė Vokietijos kancleris.", "Brigada bus Lietuvoje", "Friedrichas Merzas")]
    [InlineData("2024-03-01", "„Europa vieninga“, – sakė Europos Komisijos pirmininkė.", "Europa vieninga", "Ursula von der Leyen")]
    [InlineData("2023-07-12", "„Aljansas stiprus“, – sakė NATO generalinis sekretorius.", "Aljansas stiprus", "Jensas Stoltenbergas")]
    [InlineData("2025-06-25", "„Aljansas stiprus“, – sakė NATO generalinis sekretorius.", "Aljansas stiprus", "Markas Rutte")]
    [InlineData("2024-01-10", "„Rinkimai bus laisvi“, – sakė Latvijos prezidentas.", "Rinkimai bus laisvi", "Edgaras Rinkevičius")]
    [InlineData("2024-01-10", "„Rinkimai bus laisvi“, – sakė Prancūzijos prezidentas.", "Rinkimai bus laisvi", "Emmanuelis Macronas")]
    [InlineData("2024-01-10", "„Eksportas auga“, – sakė Kinijos prezidentas.", "Eksportas auga", "Xi Jinpingas")]
    [InlineData("2024-01-10", "„Sankcijos nepadės“, – sakė Baltarusijos prezidentas.", "Sankcijos nepadės", "Aleksandras Lukašenka")]
    [InlineData("2025-02-01", "„Parama tęsis“, – sakė Jungtinės Karalystės premjeras.", "Parama tęsis", "Keiras Starmeris")]
    // long-role
    [InlineData("2025-11-20", "„Tyrimas tęsiamas“, – sakė Vilniaus apskrities vyriausiojo policijos komisariato atstovas Tomas Vaitkus.", "Tyrimas tęsiamas", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Pacientų daugėja“, – teigė Vilniaus universiteto ligoninės Santaros klinikų gydytoja Aistė Jankauskaitė.", "Pacientų daugėja", "Aistė Jankauskaitė")]
    [InlineData("2025-11-20", "„Eksportas auga“, – sakė Lietuvos banko valdybos pirmininkas Gediminas Šimkus.", "Eksportas auga", "Gediminas Šimkus")]
    [InlineData("2025-11-20", "„Pasiruošimas vyksta pagal planą“, – sakė Lietuvos kariuomenės vadas generolas Raimundas Vaikšnoras.", "Pasiruošimas vyksta pagal planą", "Raimundas Vaikšnoras")]
    // paragraphs
    [InlineData("2025-11-20", "„Pirmiausia reikia sutvarkyti mokesčius.\n„Paskui imsimės pensijų.\nTai ilgas darbas“, – sakė Inga Ruginienė.", "Pirmiausia reikia sutvarkyti mokesčius.\n„Paskui imsimės pensijų.\nTai ilgas darbas", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Pirmiausia reikia sutvarkyti mokesčius.\nPaskui imsimės pensijų“, – sakė Gitanas Nausėda.", "Pirmiausia reikia sutvarkyti mokesčius.\nPaskui imsimės pensijų", "Gitanas Nausėda")]
    // interrupted
    [InlineData("2025-11-20", "„Mes nepasiduosime, – sakė Volodymyras Zelenskis. – Ukraina laimės.“", "Mes nepasiduosime", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "„Mes nepasiduosime, – sakė Volodymyras Zelenskis. – Ukraina laimės.“", "Ukraina laimės.", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "„Biudžetas subalansuotas, – tvirtino Inga Ruginienė. – Deficitas mažės.“", "Deficitas mažės.", "Inga Ruginienė")]
    [InlineData("2025-11-20", "„Ar tai teisinga? – klausė Gitanas Nausėda. – Manau, kad ne.“", "Manau, kad ne.", "Gitanas Nausėda")]
    // tail-verb
    [InlineData("2025-11-20", "„Tai buvo sunkūs metai“, – atsiduso Tomas Vaitkus.", "Tai buvo sunkūs metai", "Tomas Vaitkus")]
    [InlineData("2025-11-20", "„Nieko nežinau apie tai“, – nusijuokė Rasa Kazlauskienė.", "Nieko nežinau apie tai", "Rasa Kazlauskienė")]
    [InlineData("2025-11-20", "„Kodėl niekas nepaklausė mūsų?“ – stebėjosi Aistė Jankauskaitė.", "Kodėl niekas nepaklausė mūsų?", "Aistė Jankauskaitė")]
    public void Quote_HasTheSpeakerTheTextNames(string date, string text, string quote, string speaker)
    {
        var doc = Run(date, text);
        var found = doc.Quotes.Where(q => doc.Text[q.Start..q.End] == quote).ToList();
        Assert.True(found.Count == 1, $"quote '{quote}' in '{text}': {Describe(doc)}");
        Assert.True(Name(doc, found[0].Speaker) == speaker, $"'{text}': {Describe(doc)}");
    }

    [Theory]
    [InlineData("2025-11-20", "Pasak Gitano Nausėdos, sprendimas bus priimtas dar šią savaitę.", "Pasak", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Gitano Nausėdos teigimu, sprendimas bus priimtas dar šią savaitę.", "teigimu", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Gitano Nausėdos žodžiais, sprendimas bus priimtas dar šią savaitę.", "žodžiais", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Anot Gitano Nausėdos, sprendimas bus priimtas dar šią savaitę.", "Anot", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Pasak G. Nausėdos, padėtis pasienyje išlieka įtempta.", "Pasak", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "G. Nausėdos teigimu, padėtis pasienyje išlieka įtempta.", "teigimu", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Kaip sakė politikai, G. Nausėdos žodžiais, padėtis pasienyje išlieka įtempta.", "žodžiais", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Anot G. Nausėdos, padėtis pasienyje išlieka įtempta.", "Anot", "Gitanas Nausėda")]
    [InlineData("2025-11-20", "Pasak Ingos Ruginienės, derybos vyks ir toliau.", "Pasak", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Ingos Ruginienės teigimu, derybos vyks ir toliau.", "teigimu", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Ingos Ruginienės žodžiais, derybos vyks ir toliau.", "žodžiais", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Anot Ingos Ruginienės, derybos vyks ir toliau.", "Anot", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Pasak I. Ruginienės, sprendimas bus priimtas dar šią savaitę.", "Pasak", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I. Ruginienės teigimu, sprendimas bus priimtas dar šią savaitę.", "teigimu", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Kaip sakė politikai, I. Ruginienės žodžiais, sprendimas bus priimtas dar šią savaitę.", "žodžiais", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Anot I. Ruginienės, sprendimas bus priimtas dar šią savaitę.", "Anot", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Pasak I.Ruginienės, padėtis pasienyje išlieka įtempta.", "Pasak", "Inga Ruginienė")]
    [InlineData("2025-11-20", "I.Ruginienės teigimu, padėtis pasienyje išlieka įtempta.", "teigimu", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Kaip sakė politikai, I.Ruginienės žodžiais, padėtis pasienyje išlieka įtempta.", "žodžiais", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Anot I.Ruginienės, padėtis pasienyje išlieka įtempta.", "Anot", "Inga Ruginienė")]
    [InlineData("2025-11-20", "Pasak Kęstučio Budrio, derybos vyks ir toliau.", "Pasak", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Kęstučio Budrio teigimu, derybos vyks ir toliau.", "teigimu", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Kęstučio Budrio žodžiais, derybos vyks ir toliau.", "žodžiais", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Anot Kęstučio Budrio, derybos vyks ir toliau.", "Anot", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Pasak Dovilės Šakalienės, sprendimas bus priimtas dar šią savaitę.", "Pasak", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Dovilės Šakalienės teigimu, sprendimas bus priimtas dar šią savaitę.", "teigimu", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Dovilės Šakalienės žodžiais, sprendimas bus priimtas dar šią savaitę.", "žodžiais", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Anot Dovilės Šakalienės, sprendimas bus priimtas dar šią savaitę.", "Anot", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Pasak Volodymyro Zelenskio, padėtis pasienyje išlieka įtempta.", "Pasak", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Volodymyro Zelenskio teigimu, padėtis pasienyje išlieka įtempta.", "teigimu", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Volodymyro Zelenskio žodžiais, padėtis pasienyje išlieka įtempta.", "žodžiais", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Anot Volodymyro Zelenskio, padėtis pasienyje išlieka įtempta.", "Anot", "Volodymyras Zelenskis")]
    [InlineData("2025-11-20", "Pasak Vladimiro Putino, derybos vyks ir toliau.", "Pasak", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Vladimiro Putino teigimu, derybos vyks ir toliau.", "teigimu", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Vladimiro Putino žodžiais, derybos vyks ir toliau.", "žodžiais", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Anot Vladimiro Putino, derybos vyks ir toliau.", "Anot", "Vladimiras Putinas")]
    [InlineData("2025-11-20", "Pasak Donaldo Trumpo, sprendimas bus priimtas dar šią savaitę.", "Pasak", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Donaldo Trumpo teigimu, sprendimas bus priimtas dar šią savaitę.", "teigimu", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Donaldo Trumpo žodžiais, sprendimas bus priimtas dar šią savaitę.", "žodžiais", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Anot Donaldo Trumpo, sprendimas bus priimtas dar šią savaitę.", "Anot", "Donaldas Trumpas")]
    [InlineData("2025-11-20", "Pasak Ursulos von der Leyen, padėtis pasienyje išlieka įtempta.", "Pasak", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Ursulos von der Leyen teigimu, padėtis pasienyje išlieka įtempta.", "teigimu", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Ursulos von der Leyen žodžiais, padėtis pasienyje išlieka įtempta.", "žodžiais", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Anot Ursulos von der Leyen, padėtis pasienyje išlieka įtempta.", "Anot", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Pasak Marko Rutte, derybos vyks ir toliau.", "Pasak", "Markas Rutte")]
    [InlineData("2025-11-20", "Marko Rutte teigimu, derybos vyks ir toliau.", "teigimu", "Markas Rutte")]
    [InlineData("2025-11-20", "Kaip sakė politikai, Marko Rutte žodžiais, derybos vyks ir toliau.", "žodžiais", "Markas Rutte")]
    [InlineData("2025-11-20", "Anot Marko Rutte, derybos vyks ir toliau.", "Anot", "Markas Rutte")]
    [InlineData("2025-11-20", "Estijos finansų ministras Jürgenas Ligi atvyko į Rygą. Ministro teigimu, euro zona stipri.", "teigimu", "Jürgenas Ligi")]
    [InlineData("2025-11-20", "Prokurorė Aistė Jankauskaitė pateikė kaltinimus. Prokurorės teigimu, įrodymų pakanka.", "teigimu", "Aistė Jankauskaitė")]
    [InlineData("2025-11-20", "Seimo pirmininkas Juozas Olekas pradėjo sesiją. Pasak Seimo pirmininko, biudžetas bus priimtas laiku.", "Pasak", "Juozas Olekas")]
    [InlineData("2025-11-20", "Dovilė Šakalienė lankėsi pasienyje. Jos teigimu, tvora bus sustiprinta.", "teigimu", "Dovilė Šakalienė")]
    [InlineData("2025-11-20", "Kęstutis Budrys susitiko su kolegomis. Pasak jo, sankcijos bus griežtinamos.", "Pasak", "Kęstutis Budrys")]
    [InlineData("2025-11-20", "Ursula von der Leyen kalbėjo Strasbūre. Anot jos, Europa turi ginkluotis.", "Anot", "Ursula von der Leyen")]
    [InlineData("2025-11-20", "Policijos departamentas paskelbė statistiką. Jų teigimu, avarijų sumažėjo.", "teigimu", "Policijos departamentas")]
    [InlineData("2025-11-20", "Susitikimas įvyko, pranešė BNS.", "pranešė", "BNS")]
    public void Attribution_HasTheSourceTheTextNames(string date, string text, string cue, string source)
    {
        var doc = Run(date, text);
        var found = doc.Attributions.Where(a => doc.Text[a.CueStart..a.CueEnd] == cue).ToList();
        Assert.True(found.Count == 1, $"cue '{cue}' in '{text}': {Describe(doc)}");
        Assert.True(Name(doc, found[0].Source) == source, $"'{text}': {Describe(doc)}");
    }

    public static TheoryData<string, string, string, string> TailCases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var parts in TestPaths.CaseRows("tests/Kronika.Lithuanian.Tests/Attribution/Data/speaker-tail-cases.tsv", 4))
            data.Add(parts[0], parts[1], parts[2], parts[3]);
        return data;
    }

    /// <summary>
    /// The speaker of the quote (or the source of the claim) that starts with <paramref name="claim"/> is the entity the
    /// text first writes as <paramref name="speaker"/> (`-`: nobody), with and without the parse. `¶` separates paragraphs.
    /// </summary>
    [Theory]
    [MemberData(nameof(TailCases))]
    public void TailSpeaker_IsThePersonTheTailOrItsRoleWordNames(string date, string text, string claim, string speaker)
    {
        text = text.Replace('¶', '\n');
        foreach (var pipeline in new[] { Analyze.Full, Analyze.WithSyntax })
        {
            var doc = pipeline.Process(new Document(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), paragraphs: Document.Lines(text)));
            var found = doc.Quotes.Where(q => doc.Text[q.Start..q.End].StartsWith(claim, StringComparison.Ordinal)).Select(q => q.Speaker)
                .Concat(doc.Attributions.Where(a => doc.Text[a.Start..a.End].Contains(claim, StringComparison.Ordinal)).Select(a => a.Source))
                .ToList();
            Assert.True(found.Count > 0, $"no quote or claim '{claim}' in '{text}': {Describe(doc)}");
            int? expected = speaker == "-" ? null : doc.Entities.First(e => doc.Text[e.Start..e.End] == speaker).Id;
            Assert.True(found[0] == expected, $"'{text}': {Describe(doc)}");
        }
    }

    /// <summary>
    /// A dash opening a paragraph after a quote is an interview's next turn, and a participle in the tail that agrees
    /// with a noun is no verb of the tail: neither is a cue.
    /// </summary>
    [Theory]
    [InlineData("„Jis sportavo su mumis ir pasiruošė gerai“, – sakė Tomas Vaitkus.\n– Kiek tokios savaitės padeda komandai?\n– Padeda visiems.", "padeda")]
    [InlineData("„Ugniagesių cisternos jau ištuštėjo“, – šiurpą keliančią žinią pateikė kaimynai.", "keliančią")]
    public void Tail_IsNeitherAnInterviewTurnNorAnAgreeingParticiple(string text, string word)
    {
        var doc = Run("2025-12-04", text);
        Assert.True(!doc.Attributions.Any(a => doc.Text[a.CueStart..a.CueEnd] == word), Describe(doc));
    }

    [Theory]
    [InlineData("„Reformos tęsis“, – sakė ministras.")]
    [InlineData("„Viskas bus gerai“, – sakė jis.")]
    [InlineData("„Derybos tęsis“, – BNS sakė šaltinis.")]
    public void Quote_HasNoSpeakerWhenNothingSaysWho(string text)
    {
        var doc = Run("2025-11-20", text);
        Assert.True(doc.Quotes.Count == 1 && doc.Quotes[0].Speaker is null, $"'{text}': {Describe(doc)}");
    }

    [Theory]
    [InlineData("UAB „Vakarų medienos grupė“ pelnas išaugo.")]
    [InlineData("Partija „Nemuno aušra“ surinko daugiausiai balsų.")]
    [InlineData("Filmas „Tarp pilkų debesų“ rodomas kino teatruose.")]
    [InlineData("Knyga „Mano senelio karas“ išleista vėl.")]
    [InlineData("Laida „Dėmesio centre“ bus rodoma vakare.")]
    [InlineData("Laivas „Jūrų žvaigždė“ grįžo į uostą.")]
    [InlineData("Bendrovė „Lietuvos geležinkeliai“ skelbia konkursą.")]
    [InlineData("Akcija „Darom Lietuvą švaresnę“ sulaukė daug dalyvių.")]
    [InlineData("Projektas „Saugi mokykla už miesto ribų“ tęsiamas.")]
    [InlineData("Spektaklis „Vyšnių sodas ir jo sodininkai“ sulaukė ovacijų.")]
    public void QuotedName_AfterItsKind_IsNotAQuote(string text)
    {
        var doc = Run("2025-11-20", text);
        Assert.True(doc.Quotes.Count == 0, $"'{text}': {Describe(doc)}");
    }
}
