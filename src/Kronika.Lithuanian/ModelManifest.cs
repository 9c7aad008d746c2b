using System.Security.Cryptography;
using System.Text.Json;

namespace Kronika.Lithuanian;

/// <summary>One model file: what it is, the data it was made from and under which licence, and its sha256.</summary>
public sealed record ModelEntry(string File, string Description, string Source, string Licence, string Command, string Sha256, DateOnly Built);

/// <summary>Models/manifest.json: the list of committed models, rewritten by `kronika train`.</summary>
public static class ModelManifest
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Manifest(List<ModelEntry> Models);

    public static IReadOnlyList<ModelEntry> Read(Stream stream) => JsonSerializer.Deserialize<Manifest>(stream, Json)?.Models ?? [];

    public static IReadOnlyList<ModelEntry> ReadEmbedded()
    {
        using var stream = Resources.Open("Models/manifest.json");
        return Read(stream);
    }

    /// <summary>Adds or replaces the entry for a model file (its sha256 computed from the file).</summary>
    public static void Update(string manifestPath, string modelPath, string description, string source, string licence, string command)
    {
        var models = File.Exists(manifestPath) ? Read(File.OpenRead(manifestPath)).ToList() : [];
        var name = Path.GetFileName(modelPath);
        models.RemoveAll(m => m.File == name);
        models.Add(new ModelEntry(name, description, source, licence, command, Sha256(File.ReadAllBytes(modelPath)), DateOnly.FromDateTime(DateTime.UtcNow)));
        models.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(new Manifest(models), Json) + "\n");
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
