using Kronika.Lithuanian.Entities;

namespace Kronika.Lithuanian.Tests.Entities;

/// <summary>How `kronika train kb` finds where the team's places are: a Lithuanian adaptation of a town's name matched to GeoNames.</summary>
public class KnowledgeBaseCompilerTests
{
    [Theory]
    [InlineData("Kurskas", "kursk")]
    [InlineData("Kursko sritis", "kursk")]
    [InlineData("Sumų sritis", "sum")]
    [InlineData("Odesa", "odes")]
    [InlineData("Mariupolis", "mariupol")]
    [InlineData("Ivano-Frankivskas", "ivano-frankivsk")]
    [InlineData("Sankt Peterburgas", null)]
    [InlineData("Rytų Ukraina", null)]
    public void AdaptedStem_KeepsWhatTheLithuanianNameTakesOfTheTown(string name, string? stem) =>
        Assert.Equal(stem, KnowledgeBaseCompiler.AdaptedStem(name));

    [Theory]
    [InlineData("Kursko sritis", "Kursk", 440_000, true)]
    [InlineData("Sumų sritis", "Sumy", 294_000, true)]
    [InlineData("Odesa", "Odesa", 1_000_000, true)]
    [InlineData("Delis", "Delhi", 11_000_000, true)]
    // Three letters name only a large town; a longer GeoNames name is another town.
    [InlineData("Sumų sritis", "Sumy", 90_000, false)]
    [InlineData("Kurskas", "Kurskaya Oblast Town", 440_000, false)]
    [InlineData("Kurskas", "Kurskovo", 440_000, false)]
    public void Adapts_MatchesATownWhoseNameBeginsWithTheStem(string lithuanian, string geonames, int population, bool adapts) =>
        Assert.Equal(adapts, KnowledgeBaseCompiler.Adapts(KnowledgeBaseCompiler.AdaptedStem(lithuanian)!, new KnowledgeBaseCompiler.City(geonames, "", "XX", population, 0, 0)));

    [Theory]
    [InlineData("Rusija", 55.75, 37.62, true)]
    [InlineData("Jungtinės Amerikos Valstijos", 38.9, -77.04, true)]
    [InlineData("Maskva", 55.75, 37.62, false)]
    [InlineData("Pchenjanas", 39.03, 125.75, false)]
    [InlineData("Vašingtonas", 38.9, -77.04, false)]
    [InlineData("Kursko sritis", 51.74, 36.19, false)]
    [InlineData("Sumų sritis", 50.92, 34.8, false)]
    [InlineData("Vilnius", 54.69, 25.28, false)]
    public void TheCompiledBase_PlacesCountriesAtTheirCapitalAndTheTeamsPlacesWhereTheyAre(string name, double lat, double lon, bool atCapital)
    {
        var entry = KnowledgeBase.Load().Entries.Single(e => e.Type == "LOC" && e.Canonical == name);
        Assert.NotNull(entry.Coordinates);
        Assert.Equal(lat, entry.Coordinates.Value.Lat, 0.1);
        Assert.Equal(lon, entry.Coordinates.Value.Lon, 0.1);
        Assert.Equal(atCapital, entry.AtCapital);
    }
}
