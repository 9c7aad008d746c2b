using System.Text.Json;
using Kronika.Lithuanian.Entities;

namespace Kronika.Cli;

/// <summary>What the eval commands share: reading a gold JSON Lines file, and when two canonical names are one.</summary>
public static class GoldFile
{
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

    private static bool Surname(string surname, string full) =>
        !surname.Contains(' ') && full.Contains(' ') && NameKey.Word(surname) == NameKey.Word(full.Split(' ')[^1]);
}
