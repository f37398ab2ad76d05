using System.Globalization;

namespace CoachBot.Tools.LoadDriver;

/// <summary>Command-line options. Every run is bounded: a duration and a request cap per concurrency level.</summary>
internal sealed record DriverOptions
{
    public IReadOnlyList<int> Levels { get; init; } = [1, 8, 32, 64];
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan BotWarmup { get; init; } = TimeSpan.FromSeconds(45);
    /// <summary>Open-loop offered loads (turns/s), run after the closed-loop levels.</summary>
    public IReadOnlyList<double> Rates { get; init; } = [10, 25];
    public int MaxRequestsPerLevel { get; init; } = 50_000;
    /// <summary>
    /// Reps, each in its own 1:1 chat. 1,024 keeps every chat under Teams' 60 messages per 30 s per conversation at the
    /// fastest rates this box reaches (~800 turns/s ≈ 0.8 per chat per second); with 256 the fast levels ask ~3 per chat
    /// per second, so CoachBot's per-conversation limiter holds its replies (as Teams would answer 429) while the
    /// reference paces nothing, and the run measures the limiter rather than the bots.
    /// </summary>
    public int Users { get; init; } = 1024;
    public IReadOnlyList<string> Targets { get; init; } = ["coachbot", "reference"];
    public string RepoRoot { get; init; } = "";
    public string? CoachBotDll { get; init; }
    /// <summary>An already running bot instead of starting one: its base URL and (optionally) its pid for CPU/memory.</summary>
    public Uri? TargetUrl { get; init; }
    public int? TargetPid { get; init; }
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public string? JsonOut { get; init; }
    /// <summary>CoachBot's Connector calls/s per tenant (Bot:ConnectorRequestsPerSecondPerTenant); 0 = off, as the reference paces nothing.</summary>
    public double TenantLimit { get; init; }

    public const string Usage = """
        LoadDriver: side-by-side load on CoachBot and a botbuilder reference bot (loopback only, bounded).
          --levels 1,8,32,64        concurrency levels (closed loop: each worker waits for the reply before its next message)
          --duration 20             seconds measured per level (after --warmup seconds)
          --warmup 2                seconds per level not measured
          --bot-warmup 45           seconds of unmeasured load per bot before the first level (tiered JIT, connections)
          --rates 10,25             open-loop offered loads (turns/s) after the closed-loop levels; "none" to skip
          --max-requests 50000      cap per level
          --users 1024              distinct reps (each with its own 1:1 conversation, kept across levels); split across workers
          --targets coachbot,reference
          --repo PATH               repository root (default: found from the current directory)
          --coachbot-dll PATH       default src/CoachBot/bin/Release/net10.0/CoachBot.dll
          --url URL [--pid PID]     drive an already running bot instead (its serviceUrl must accept loopback)
          --json PATH               also write the results as JSON
          --tenant-limit 0          CoachBot's Connector calls/s per tenant (Teams' limit is 30; 0 = off, like the reference)
        """;

    public static DriverOptions Parse(string[] args)
    {
        var o = new DriverOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--help" or "-h" => throw new ArgumentException("LoadDriver options:"),
                "--levels" => o with { Levels = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--bot-warmup" => o with { BotWarmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--rates" => o with { Rates = Next() is { Length: > 0 } r and not "none" ? [.. r.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture))] : [] },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--max-requests" => o with { MaxRequestsPerLevel = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--users" => o with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--targets" => o with { Targets = [.. Next().Split(',')] },
                "--repo" => o with { RepoRoot = Next() },
                "--coachbot-dll" => o with { CoachBotDll = Next() },
                "--url" => o with { TargetUrl = new Uri(Next()), Targets = ["external"] },
                "--pid" => o with { TargetPid = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--json" => o with { JsonOut = Next() },
                "--tenant-limit" => o with { TenantLimit = double.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Rates.Any(r => r is <= 0 or > 2000)) throw new ArgumentException("rates must be in (0, 2000]");
        if (o.Levels.Any(l => l is < 1 or > 256)) throw new ArgumentException("levels must be 1..256");
        if (o.Duration > TimeSpan.FromMinutes(5)) throw new ArgumentException("--duration is capped at 300 s per level");
        if (o.Users < o.Levels.Max()) o = o with { Users = o.Levels.Max() };
        return o with { RepoRoot = o.RepoRoot.Length > 0 ? Path.GetFullPath(o.RepoRoot) : FindRepoRoot() };
    }

    private static string FindRepoRoot() =>
        RepoPaths.FindAbove(Directory.GetCurrentDirectory()) ?? throw new ArgumentException("Run from inside the repository or pass --repo.");
}
