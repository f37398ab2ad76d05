using System.Globalization;

namespace CoachBot.Tools.LoadDriver;

/// <summary>CPU time and resident memory of a process, from /proc (Linux).</summary>
internal static class ProcStats
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>User + system CPU seconds so far, or null when the process is gone.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which is in parentheses and may hold spaces): state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident set size in MiB (VmRSS), or null when the process is gone.</summary>
    public static double? RssMiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }
        catch (IOException)
        {
        }
        return null;
    }
}

/// <summary>Samples a process's RSS in the background (peak) and its CPU between Start and Stop.</summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly double _cpuStart;
    private readonly DateTime _wallStart = DateTime.UtcNow;
    private double _peakRss;

    public ProcessSampler(int pid)
    {
        _pid = pid;
        _cpuStart = ProcStats.CpuSeconds(pid) ?? 0;
        _loop = LoopAsync();
    }

    private async Task LoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (ProcStats.RssMiB(_pid) is { } rss && rss > _peakRss) _peakRss = rss;
                await Task.Delay(200, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>CPU as a percentage of one core over the sampled time, peak and final RSS.</summary>
    public async Task<ProcessUsage> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var wall = (DateTime.UtcNow - _wallStart).TotalSeconds;
        var cpu = (ProcStats.CpuSeconds(_pid) ?? _cpuStart) - _cpuStart;
        var rss = ProcStats.RssMiB(_pid) ?? 0;
        return new ProcessUsage(wall > 0 ? 100 * cpu / wall : 0, Math.Max(_peakRss, rss), rss);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}

internal sealed record ProcessUsage(double CpuPercentOfOneCore, double PeakRssMiB, double EndRssMiB);
