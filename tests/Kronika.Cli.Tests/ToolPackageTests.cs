using System.Diagnostics;
using Kronika.Tests;

namespace Kronika.Cli.Tests;

/// <summary>
/// Issue 20, installable: `dotnet pack src/Kronika.Cli` is a .NET tool that installs as `kronika` from a local folder
/// (no other package source, so no network) and runs with its models inside.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(string file, string arguments, string? stdin = null, int seconds = 300)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(seconds)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {arguments} did not finish in {seconds} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void The_packed_tool_installs_from_a_local_folder_and_runs_as_kronika_with_its_models()
    {
        // The CLI this test project was built with, packed without building again (in the configuration of this build).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/CONFIGURATION/net10.0
        var packages = Path.Combine(_dir, "packages");
        var pack = Run("dotnet", $"pack \"{Path.Combine(TestPaths.RepositoryRoot, "src", "Kronika.Cli")}\" -c {configuration} --no-build -o \"{packages}\"");
        Assert.True(pack.Code == 0, pack.Out + pack.Err);
        Assert.Single(Directory.GetFiles(packages, "Kronika.*.nupkg"));

        // Only the folder as a package source.
        var config = Path.Combine(_dir, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(_dir, "tools");
        var install = Run("dotnet", $"tool install Kronika --tool-path \"{tools}\" --configfile \"{config}\"");
        Assert.True(install.Code == 0, install.Out + install.Err);

        var kronika = Path.Combine(tools, OperatingSystem.IsWindows() ? "kronika.exe" : "kronika");
        var help = Run(kronika, "--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage:", help.Out);
        Assert.Contains("serve", help.Out);
        // The models travel inside: the installed tool analyses a sentence.
        var analyze = Run(kronika, "analyze - --format json", " date 2025-08-13 V. Putinas vakar kalbėjo Vilniuje.\n");
        Assert.True(analyze.Code == 0, analyze.Err);
        Assert.Contains("\"Q7747\"", analyze.Out);
        Assert.Contains("2025-08-12", analyze.Out);
    }
}
