using Kronika.Core.Model;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Lithuanian.Tests.Syntax;

/// <summary>Trees written by this team as (words, heads 1-based with 0 for the root, relations), made parser sentences.</summary>
internal static class TeamTrees
{
    public static List<ParsedSentence> Sentences((string Words, int[] Heads, string Relations)[] trees) =>
    [
        .. trees.Select((t, i) => new ParsedSentence($"#{i}",
            [.. t.Words.Split(' ').Select(w => ParserWord.Of(w, w.ToLowerInvariant(), null, Upos.X, default))],
            [.. t.Heads.Select(h => h - 1)], t.Relations.Split(' '))),
    ];
}
