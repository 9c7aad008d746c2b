using System.Diagnostics;

namespace Kronika.Store;

/// <summary>TEMPORARY: where a writer's time goes (KRONIKA_WRITE_PROFILE=1 prints it at exit).</summary>
public static class WriteProfile
{
    private static readonly bool On = Environment.GetEnvironmentVariable("KRONIKA_WRITE_PROFILE") == "1";
    private static readonly Dictionary<string, (double Ms, int N)> Totals = [];
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static string? _open;
    private static double _start;

    static WriteProfile()
    {
        if (On) AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            lock (Totals)
                foreach (var (k, v) in Totals.OrderByDescending(p => p.Value.Ms))
                    Console.Error.WriteLine($"profile {k,-14} {v.Ms,10:F0} ms {v.N,8}");
        };
    }

    /// <summary>Ends the section open and starts <paramref name="name"/> (null: ends it).</summary>
    public static void Mark(string? name)
    {
        if (!On) return;
        var now = Clock.Elapsed.TotalMilliseconds;
        lock (Totals)
        {
            if (_open is { } o)
            {
                var t = Totals.GetValueOrDefault(o);
                Totals[o] = (t.Ms + now - _start, t.N + 1);
            }
            _open = name;
            _start = now;
        }
    }
}
