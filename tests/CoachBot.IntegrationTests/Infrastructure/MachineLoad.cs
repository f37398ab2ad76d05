namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>The machine's state for measured runs: timing figures mean little without it on a shared box.</summary>
public static class MachineLoad
{
    /// <summary>The 1, 5 and 15 minute load averages (/proc/loadavg), or "n/a".</summary>
    public static string Average() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
