using Kronika.Core.Model;
using Kronika.Tests;

namespace Kronika.Lithuanian.Tests.Attribution;

/// <summary>
/// Speakers with the dependency parse (AttributionFinder.Tree.cs, References): a subject far from its verb, a verb
/// coordinated with the one that has the subject, a pronoun after its verb whose own clause names someone else, role
/// nouns, publishing agencies. The cases are the team's own (Attribution/Data/tree-speaker-cases.tsv).
/// </summary>
public class TreeSpeakerTests
{
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var parts in TestPaths.CaseRows("tests/Kronika.Lithuanian.Tests/Attribution/Data/tree-speaker-cases.tsv", 4))
            data.Add(parts[0], parts[1], parts[2], parts[3]);
        return data;
    }

    /// <summary>The speaker of the quote that starts with <paramref name="claim"/>, else the source of the attribution whose claim holds it.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void TreeSpeaker_FindsTheSpeakerOfATeamCaseFromTheParse(string date, string text, string claim, string speaker)
    {
        var doc = Analyze.WithSyntax.Process(new Document(text, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), paragraphs: Document.Lines(text)));
        string Name(int? id) => id is { } i ? doc.Entities.First(e => e.Id == i).Canonical : "-";
        var found = doc.Quotes.Where(q => doc.Text[q.Start..q.End].StartsWith(claim, StringComparison.Ordinal)).Select(q => Name(q.Speaker))
            .Concat(doc.Attributions.Where(a => doc.Text[a.Start..a.End].Contains(claim, StringComparison.Ordinal)).Select(a => Name(a.Source)))
            .ToList();
        Assert.NotEmpty(found);
        Assert.Equal(speaker, found[0]);
    }
}
