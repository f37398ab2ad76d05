using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CoachBot.Tools.LoadDriver;

internal sealed record Usage(ProcessUsage? Bot, ProcessUsage? Azurite, ProcessUsage Driver);

internal sealed record LevelRow(string Target, string Load, LevelStats Stats, Usage Usage);

internal sealed record StartupRow(string Target, double StartupMs, double IdleRssMiB);

/// <summary>The run's results as markdown tables (and JSON), CoachBot's figures also as ratios to the reference bot.</summary>
internal sealed class Report(DriverOptions o)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly List<StartupRow> _startup = [];
    public List<LevelRow> Rows { get; } = [];

    public void Startup(string target, double ms, double idleRss) => _startup.Add(new StartupRow(target, ms, idleRss));

    public void Level(string target, string load, LevelStats stats, Usage usage) => Rows.Add(new LevelRow(target, load, stats, usage));

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine(I($"## Load run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {Environment.ProcessorCount} cores, loopback, an in-memory Azurite per bot"));
        sb.AppendLine();
        sb.AppendLine(I($"Closed loop, {o.Users} reps in 1:1 chats, {o.Warmup.TotalSeconds:F0} s warm-up + {o.Duration.TotalSeconds:F0} s measured per level (cap {o.MaxRequestsPerLevel} turns). Latency = POST sent → reply received at the Connector. CPU in % of one core. Load c=N: N workers in a closed loop; R/s: open loop at R turns/s offered."));
        sb.AppendLine();
        if (_startup.Count > 0)
        {
            sb.AppendLine("| bot | start → /healthz 200 (ms) | idle RSS (MiB) |");
            sb.AppendLine("|---|---:|---:|");
            foreach (var s in _startup) sb.AppendLine(I($"| {s.Target} | {s.StartupMs:F0} | {s.IdleRssMiB:F1} |"));
            sb.AppendLine();
        }
        sb.AppendLine("| bot | load | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors / timeouts | typing sent | bot CPU % | bot peak RSS MiB | Azurite CPU % | driver CPU % |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in Rows)
        {
            var s = r.Stats;
            sb.AppendLine(I($"| {r.Target} | {r.Load} | {s.TurnsPerSecond:F1} | {s.P50:F1} | {s.P95:F1} | {s.P99:F1} | {s.Max:F0} | {s.Errors} / {s.Timeouts} | {s.TypingIndicators} | {Cpu(r.Usage.Bot)} | {r.Usage.Bot?.PeakRssMiB:F0} | {Cpu(r.Usage.Azurite)} | {Cpu(r.Usage.Driver)} |"));
        }
        var pairs = Rows.Where(r => r.Target == "coachbot")
            .Select(c => (c, Rows.FirstOrDefault(r => r.Target == "reference" && r.Load == c.Load)))
            .Where(p => p.Item2 is not null).ToList();
        if (pairs.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("| load | throughput CoachBot / reference | p99 CoachBot / reference | CPU per turn CoachBot / reference |");
            sb.AppendLine("|---:|---:|---:|---:|");
            foreach (var (c, r) in pairs)
                sb.AppendLine(I($"| {c.Load} | {c.Stats.TurnsPerSecond / r!.Stats.TurnsPerSecond:F2}× | {c.Stats.P99 / r.Stats.P99:F2} | {CpuPerTurn(c) / CpuPerTurn(r):F2} |"));
        }
        return sb.ToString();
    }

    private static string Cpu(ProcessUsage? u) => u is null ? "–" : I($"{u.CpuPercentOfOneCore:F0}");

    private static double CpuPerTurn(LevelRow r) => (r.Usage.Bot?.CpuPercentOfOneCore ?? double.NaN) / r.Stats.TurnsPerSecond;

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
