namespace Kronika.Tests;

/// <summary>
/// Golden files: the expected output of a step, kept in the repository under tests/&lt;project&gt;/Golden/&lt;step&gt;/.
/// Set KRONIKA_UPDATE_GOLDEN=1 to rewrite them from the current output, then review the diff before committing.
/// </summary>
public static class Golden
{
    public static void Check(string project, string step, string name, string actual)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", project, "Golden", step, name);
        if (Environment.GetEnvironmentVariable("KRONIKA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with KRONIKA_UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path);
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"{path} differs at line {line + 1}:\n  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}\n(KRONIKA_UPDATE_GOLDEN=1 rewrites it)");
    }
}
