using Kronika.Web;

// `dotnet run --project src/Kronika.Web` serves the store of Kronika:Db (or $KRONIKA_DB); `kronika serve` does the same.
KronikaWeb.Build(args).Run();

/// <summary>The entry point, named for WebApplicationFactory in the tests.</summary>
public partial class Program;
