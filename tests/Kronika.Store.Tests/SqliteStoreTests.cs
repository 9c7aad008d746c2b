namespace Kronika.Store.Tests;

public sealed class SqliteStoreTests : StoreConformance
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-store-").FullName;

    protected override IStore OpenStore() => new SqliteStore(Path.Combine(_dir, "kronika.db"));

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void The_store_survives_closing_and_reopening()
    {
        var path = Path.Combine(_dir, "reopen.db");
        using (var store = new SqliteStore(path)) store.Write(Articles.Samples);
        using var reopened = new SqliteStore(path);
        Assert.Equal(Articles.Samples.Count, reopened.ArticleCount());
        Assert.All(reopened.Write(Articles.Samples), o => Assert.Equal(WriteOutcome.Unchanged, o));
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(_dir, "not-a-db.txt");
        File.WriteAllText(path, "tai ne duomenų bazė, o paprastas tekstas, kurio ilgis viršija antraštę");
        var error = Assert.ThrowsAny<Exception>(() => new SqliteStore(path));
        Assert.Contains("not a database", error.Message);
        Assert.Equal("tai ne duomenų bazė, o paprastas tekstas, kurio ilgis viršija antraštę", File.ReadAllText(path));
    }
}
