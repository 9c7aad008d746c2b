using Kronika.Core.Model;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Events;

/// <summary>
/// Events with the dependency parse (Events/TreeRoles.cs): the tree says which phrases are the trigger's, case says
/// their roles; coordination, passives, a clause between subject and verb, topics, outlets and birth years. The cases are
/// the team's own (Events/Data/tree-cases.tsv); a case marked `known` is one the engine still gets wrong.
/// </summary>
public class TreeRolesTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var parts in TestPaths.CaseRows("tests/Kronika.Lithuanian.Tests/Events/Data/tree-cases.tsv", 2))
            data.Add(parts[0], parts[1]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TreeRoles_FindsTheRealEventsOfATeamCaseFromTheParse(string text, string expected)
    {
        var doc = Analyze.Parsed(text);
        Assert.True((doc.Layers & Layers.Syntax) != 0);
        var actual = doc.Events.Count == 0 ? "-" : string.Join(" | ", doc.Events.Select(e => EventExtractorTests.Core(doc, e)));
        Assert.Equal(expected, actual);
    }

    /// <summary>Each slot from the parse when it fills it, else from the window rules: without a parse the same text still gives its event.</summary>
    [Theory]
    [InlineData("Lietuva, kaip antradienį rašė BNS, išsiuntė Rusijos diplomatą.")]
    [InlineData("Japonija ir Pietų Korėja įvedė naujas sankcijas Šiaurės Korėjai.")]
    public void TreeRoles_FallsBackToTheWindowRulesWithoutAParse(string text) =>
        Assert.NotEmpty(Analyze.Fully(text).Events);
}
