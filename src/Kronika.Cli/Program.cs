namespace Kronika.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        try
        {
            return await KronikaCli.RunAsync(args, stdout, Console.Error, Console.OpenStandardInput);
        }
        finally
        {
            stdout.Flush();
        }
    }
}
