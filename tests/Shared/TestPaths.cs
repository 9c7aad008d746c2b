namespace Kronika.Tests;

/// <summary>Where the repository and the shared treebank data are, seen from a test.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>../shared/data beside the repository root.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    /// <summary>A file under ../shared/data; skips the test, saying why, when the folder is absent.</summary>
    public static string RequireSharedFile(string relative)
    {
        var path = Path.Combine(SharedData, relative);
        if (!File.Exists(path))
            Assert.Skip($"{path} is absent: the accuracy data in ../shared/data is not beside this clone");
        return path;
    }

    /// <summary>
    /// The rows of a team-case table (tab-separated, `#` comments) under the repository root: the first
    /// <paramref name="columns"/> fields of each, leaving out the cases marked `known` in the next field (those the engine
    /// still gets wrong, scored by the gold sets only).
    /// </summary>
    public static IEnumerable<string[]> CaseRows(string relativePath, int columns)
    {
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot, relativePath)))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length > columns && parts[columns] == "known") continue;
            yield return parts[..columns];
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kronika.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kronika.slnx not found above " + AppContext.BaseDirectory);
    }
}
