using System.CommandLine;
using System.Text.Json;
using Kronika.Lithuanian.Entities;

namespace Kronika.Cli;

/// <summary>What the eval commands share: the command itself, reading a gold JSON Lines file, and when two canonical names are one.</summary>
public static class GoldFile
{
    /// <summary>
    /// An eval command: reads the gold file named by its argument, prints the lines <paramref name="score"/> makes of
    /// the file's name and cases, and with `--errors` every mismatch too.
    /// </summary>
    public static Command Command<T>(CliIO io, string name, string description, string fileDescription,
        Func<string, List<T>, (IEnumerable<string> Lines, IEnumerable<string> Errors)> score) =>
        Command<T>(io, name, description, fileDescription, (file, cases, _) => score(file, cases));

    /// <summary>A gold-file command whose scoring reads further options of its own from the parse result.</summary>
    public static Command Command<T>(CliIO io, string name, string description, string fileDescription,
        Func<string, List<T>, ParseResult, (IEnumerable<string> Lines, IEnumerable<string> Errors)> score)
    {
        var file = new Argument<string>("file") { Description = fileDescription };
        var errors = new Option<bool>("--errors") { Description = "Also print every mismatch" };
        var command = new Command(name, description) { file, errors };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
            var (lines, mismatches) = score(Path.GetFileName(path), Read<T>(path), result);
            foreach (var line in lines) io.Out.WriteLine(line);
            if (result.GetValue(errors))
                foreach (var e in mismatches) io.Out.WriteLine(e);
            return KronikaCli.Ok;
        });
        return command;
    }

    /// <summary>A precision, recall and F1 table.</summary>
    public static IEnumerable<string> Table(IEnumerable<(string Name, double Precision, double Recall, double F1)> metrics) =>
        metrics.Select(m => $"{m.Name,-10} {100 * m.Precision,9:F2} {100 * m.Recall,9:F2} {100 * m.F1,9:F2}")
            .Prepend($"{"Metric",-10} {"Precision",9} {"Recall",9} {"F1",9}");

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>One case per non-blank line; a bad line is an error naming the file and line.</summary>
    public static List<T> Read<T>(string path)
    {
        var cases = new List<T>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                cases.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new FormatException("empty line"));
            }
            catch (JsonException e)
            {
                throw new FormatException($"{path}:{lineNumber}: {e.Message}");
            }
        }
        return cases;
    }

    /// <summary>
    /// Two names of one knowledge-base entry are the same canonical name (`ES`, `Europos Sąjunga`), and so is a surname
    /// in the gold for the fuller name the system gives (`Putinas`, `Vladimiras Putinas`); with <paramref name="eitherWay"/>
    /// also a surname the system gives for the gold's fuller name (events score who did what, not how fully it is named).
    /// </summary>
    public static Func<string, string, bool> SameName(KnowledgeBase kb, bool eitherWay = false) => (gold, system) =>
        kb.Find(NameKey.Of(gold)).Intersect(kb.Find(NameKey.Of(system))).Any()
        || Surname(gold, system) || (eitherWay && Surname(system, gold));

    /// <summary>A surname alone (`Putinas`) or after initials (`V. Putinas`, `A.Tamauskas`) for the full name it stands for.</summary>
    private static bool Surname(string surname, string full)
    {
        if (!full.Contains(' ')) return false;
        var words = full.Split(' ');
        var dot = surname.LastIndexOf('.');
        if (dot > 0)
        {
            // The initials must be those of the full name's first words.
            var initials = surname[..dot].Replace(" ", "").Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (initials.Length >= words.Length || initials.Where((x, i) => !words[i].StartsWith(x, StringComparison.Ordinal)).Any()) return false;
            surname = surname[(dot + 1)..].Trim();
        }
        return surname.Length > 0 && !surname.Contains(' ') && NameKey.Word(surname) == NameKey.Word(words[^1]);
    }
}
