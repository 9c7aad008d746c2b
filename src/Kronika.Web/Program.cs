using Kronika.Store;
using Kronika.Web;

// `dotnet run --project src/Kronika.Web [--db URI]` serves the store of Kronika:Db (or $KRONIKA_DB); `kronika serve` does the same.
var app = KronikaWeb.Build(args);
// The store is opened now, once: a store that cannot be opened stops the server at its start, not at its first request.
app.Services.GetRequiredService<IStore>();
app.Run();

/// <summary>The entry point, named for WebApplicationFactory in the tests.</summary>
public partial class Program;
