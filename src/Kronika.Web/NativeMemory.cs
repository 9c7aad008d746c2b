using System.Runtime.InteropServices;

namespace Kronika.Web;

/// <summary>
/// glibc gives each thread that finds the allocator busy an arena of its own (up to eight per core) and keeps what is
/// freed in it: with SQLite allocating in many request threads, a long-running server's native memory grew for as long
/// as it ran (README, the soak). A server uses two arenas, as `MALLOC_ARENA_MAX=2` would, unless the environment says
/// otherwise. It must run before the server's threads allocate; arenas made before it stay.
/// </summary>
public static class NativeMemory
{
    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        try
        {
            MallOpt(ArenaMax, 2);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no arenas to limit).
        }
    }
}
