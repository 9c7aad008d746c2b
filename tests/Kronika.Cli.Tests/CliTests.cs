using System.Text;
using System.Text.Json;
using Kronika.Cli;

namespace Kronika.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = KronikaCli.RunAsync(args, output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin))).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    [Fact]
    public void Analyze_ReportsBadFilesOneLineEachAndAnalyzesTheRest()
    {
        Write("1.txt", " date 2025-08-13 V. Putinas kalbėjo. Jis sakė daug.");
        var bad = Write("2.txt", " date 2025-02-30 Blogas.");
        Write("3.txt", " date 2025-08-14 Trečias straipsnis.");

        var (code, output, error) = Run("analyze", _dir);

        Assert.Equal(KronikaCli.SomeInputsFailed, code);
        Assert.Equal($"error: {bad}: impossible date 2025-02-30", error.TrimEnd());
        Assert.Contains("V. Putinas kalbėjo.", output);
        Assert.Contains("Trečias straipsnis.", output);
    }

    [Fact]
    public void Analyze_WritesOneJsonObjectPerArticle()
    {
        Write("1.txt", " date 2025-08-13 Kainos kilo 15 proc. Tai daug.\nAntra pastraipa.");
        Write("2.txt", " date 2025-08-14 Kitas.");

        var (code, output, err) = Run("analyze", _dir, "--format", "json");

        Assert.Equal("", err);
        Assert.Equal(KronikaCli.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var json = JsonDocument.Parse(lines[0]);
        var root = json.RootElement;
        Assert.Equal("2025-08-13", root.GetProperty("date").GetString());
        Assert.Equal(3, root.GetProperty("sentences").GetArrayLength());
        Assert.Equal("proc", root.GetProperty("tokens")[3].GetProperty("text").GetString());
        // Heads are indices into "tokens" (null for a sentence's root), with the relation beside them.
        var tokens = root.GetProperty("tokens").EnumerateArray().ToList();
        Assert.All(tokens, t => Assert.True(t.GetProperty("head").ValueKind == JsonValueKind.Null || t.GetProperty("head").GetInt32() < tokens.Count));
        Assert.Equal(3, tokens.Count(t => t.GetProperty("head").ValueKind == JsonValueKind.Null));
        Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("deprel").GetString())));
    }

    [Fact]
    public void Analyze_WritesConllu()
    {
        var (code, output, _) = RunWithInput(" date 2025-08-13 Laimėjo 84:79.", "analyze", "-", "--format", "conllu");
        Assert.Equal(KronikaCli.Ok, code);
        Assert.Contains("# text = Laimėjo 84:79.", output);
        Assert.Matches(@"(?m)^2\t84:79\t84:79\tNUM\t[^\t]+\t[^\t]+\t[0-3]\t[a-z:]+\t_\tSpaceAfter=No$", output);
        Assert.Single(output.Split('\n'), line => line.Split('\t') is { Length: 10 } cols && cols[6] == "0" && cols[7] == "root");
        Assert.Matches(@"(?m)^1\tLaimėjo\tlaimėti\tVERB\t", output);
    }

    /// <summary>Issue 21: relative dates at the calendar's edges are unresolved values, not a crash of the command.</summary>
    [Theory]
    [InlineData(" date 0001-01-01 Vakar lijo, o praėjusį pirmadienį snigo. Pernai buvo sausra.")]
    [InlineData(" date 9999-12-31 Rytoj ir kitais metais vyks rinkimai, o kitą pirmadienį – posėdis.")]
    public void Analyze_LeavesDatesBeyondTheCalendarUnresolved(string text)
    {
        var (code, output, _) = RunWithInput(text, "analyze", "-", "--format", "json");
        Assert.Equal(KronikaCli.Ok, code);
        Assert.Contains("\"XXXX", output);
    }

    [Fact]
    public void Analyze_ReadsStandardInputWithADate()
    {
        var (code, output, _) = RunWithInput("Tekstas be datos eilutės.", "analyze", "--date", "2024-02-29");
        Assert.Equal(KronikaCli.Ok, code);
        Assert.Contains("2024-02-29", output);
    }

    [Fact]
    public void Analyze_KeepsGivenTokensFromConllu()
    {
        var file = Write("gold.conllu", "# text = Tai 2004 07 28 data.\n1\tTai\t_\t_\t_\t_\t_\t_\t_\t_\n2\t2004 07 28\t_\t_\t_\t_\t_\t_\t_\t_\n3\tdata\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
        var (code, output, _) = Run("analyze", file, "--input-format", "conllu", "--format", "conllu");
        Assert.Equal(KronikaCli.Ok, code);
        Assert.Contains("2\t2004 07 28\t", output);
        // The given tokens are parsed: every word has a head in the sentence and a relation, one of them the root.
        var words = output.Split('\n').Select(line => line.Split('\t')).Where(cols => cols.Length == 10).ToList();
        Assert.Equal(4, words.Count);
        Assert.All(words, cols => Assert.InRange(int.Parse(cols[6]), 0, 4));
        Assert.Single(words, cols => cols[7] == "root");
    }

    [Theory]
    [InlineData("analyze", "--date", "2025-02-30")]
    [InlineData("analyze", "--format", "xml")]
    [InlineData("analyze", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("eval", "/no/such/file.conllu")]
    public void Cli_UsageErrorsAreOneLineWithExitCode2(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(KronikaCli.UsageError, code);
        Assert.StartsWith("error: ", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("analyze", "--help")]
    [InlineData("eval", "--help")]
    public void Cli_EveryCommandHasHelp(params string[] args)
    {
        var (code, output, _) = Run(args);
        Assert.Equal(KronikaCli.Ok, code);
        Assert.Contains("Usage:", output);
    }

    [Fact]
    public void Eval_PrintsTokenAndSentenceScores()
    {
        var file = Write("gold.conllu", """
            # newdoc id = d
            # text = Kainos kilo 15 proc.
            1	Kainos	kaina	NOUN	_	_	_	_	_	_
            2	kilo	kilti	VERB	_	_	_	_	_	_
            3	15	15	NUM	_	_	_	_	_	_
            4	proc	proc.	NOUN	_	_	_	_	_	SpaceAfter=No
            5	.	.	PUNCT	_	_	_	_	_	_

            # text = Tai daug.
            1	Tai	tas	DET	_	_	_	_	_	_
            2	daug	daug	ADV	_	_	_	_	_	SpaceAfter=No
            3	.	.	PUNCT	_	_	_	_	_	_


            """);
        var (code, output, _) = Run("eval", file);
        Assert.Equal(KronikaCli.Ok, code);
        Assert.Matches(@"Tokens\s+100\.00\s+100\.00\s+100\.00", output);
        Assert.Matches(@"Sentences\s+100\.00\s+100\.00\s+100\.00", output);
    }
}
