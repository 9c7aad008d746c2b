using Kronika.Tests;

namespace Kronika.Ingest.Tests;

/// <summary>The fixture files under tests/Kronika.Ingest.Tests/Data, read where they are in the repository.</summary>
internal static class TestData
{
    public static string Folder { get; } = Path.Combine(TestPaths.RepositoryRoot, "tests", "Kronika.Ingest.Tests", "Data");

    public static string File(params string[] parts) => Path.Combine([Folder, .. parts]);
}
