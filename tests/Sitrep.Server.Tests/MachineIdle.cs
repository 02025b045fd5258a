using System.Diagnostics;

namespace Sitrep.Server.Tests;

/// <summary>Waits for the machine's processors to go quiet (Linux /proc/stat), for speed measurements.</summary>
internal static class MachineIdle
{
    // Busy share of all cores over one sample below which the machine counts as quiet.
    private const double QuietShare = 0.3;
    private static readonly TimeSpan Sample = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Waits until one sample finds the cores under <see cref="QuietShare"/> busy, or <paramref name="longest"/> has
    /// passed (elsewhere than Linux: waits <paramref name="longest"/>/2); returns the milliseconds waited.
    /// </summary>
    public static async Task<double> WaitAsync(TimeSpan longest)
    {
        var clock = Stopwatch.StartNew();
        if (!File.Exists("/proc/stat"))
        {
            await Task.Delay(longest / 2);
            return clock.Elapsed.TotalMilliseconds;
        }
        var (busy, idle) = Read();
        while (clock.Elapsed < longest)
        {
            await Task.Delay(Sample);
            var (b, i) = Read();
            var share = (double)(b - busy) / Math.Max(1, b - busy + i - idle);
            (busy, idle) = (b, i);
            if (share < QuietShare) break;
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    // The first line of /proc/stat: cpu user nice system idle iowait irq softirq steal ... (clock ticks, all cores).
    private static (long Busy, long Idle) Read()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7], f[3] + f[4]);
    }
}
