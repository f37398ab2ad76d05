using System.Diagnostics;
using System.Text.Json;
using CoachBot.Tools.LoadDriver;

DriverOptions o;
try
{
    o = DriverOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + DriverOptions.Usage);
    return 2;
}

var logDir = Path.Combine(o.RepoRoot, ".logs", "load");
var runTag = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
await using var sink = await ConnectorStub.StartSinkAsync();
using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
var report = new Report(o);
var servers = new List<IAsyncDisposable>();
try
{
    var bots = new List<BotUnderTest>();
    if (o.TargetUrl is { } external)
    {
        bots.Add(new BotUnderTest("external", external, o.TargetPid, null, null));
    }
    else
    {
        foreach (var target in o.Targets)
        {
            // Each bot gets an Azurite of its own (same version and flags): Azurite's cost per request grows with what
            // it holds, and one bot's rows must not slow the other bot's storage calls.
            var azurite = await Targets.StartAzuriteAsync(o, Path.Combine(logDir, $"azurite-{target}.log"));
            servers.Add(azurite);
            var storage = azurite.ConnectionString;
            var (server, url) = target switch
            {
                "coachbot" => Targets.StartCoachBot(o, storage, logDir),
                "reference" => Targets.StartReference(o, storage, logDir),
                _ => throw new ArgumentException($"unknown target {target}"),
            };
            servers.Add(server);
            var startupMs = (await server.WaitUntilHealthyAsync(probe, new Uri(url, "/healthz"), TimeSpan.FromSeconds(60))).TotalMilliseconds;
            await Task.Delay(TimeSpan.FromSeconds(2)); // idle: after start-up work settles
            var idle = ProcStats.RssMiB(server.Id) ?? double.NaN;
            report.Startup(target, startupMs, idle);
            Log($"{target}: healthy after {startupMs:F0} ms, idle RSS {idle:F1} MiB (pid {server.Id}, Azurite pid {azurite.Process.Id})");
            bots.Add(new BotUnderTest(target, url, server.Id, server, azurite));
        }
    }

    var clients = bots.ToDictionary(b => b.Name, b => new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 512,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    { BaseAddress = b.Url, Timeout = TimeSpan.FromSeconds(30) });

    var runners = bots.ToDictionary(b => b.Name, b => new LoadRunner(clients[b.Name], sink, conversations: $"{runTag}-{b.Name}"));

    // JIT and connection warm-up for every bot, not measured; every rep has its first contact here.
    foreach (var bot in bots)
    {
        Log($"{bot.Name}: warm-up");
        await runners[bot.Name].RunAsync($"{runTag}-{bot.Name}-warm", 8, o with { Warmup = o.BotWarmup, Duration = TimeSpan.Zero });
    }

    // Levels interleaved across bots, so background noise on the shared machine hits both alike.
    var loads = o.Levels.Select(l => (Name: $"c={l}", Closed: l, Rate: 0.0))
        .Concat(o.Rates.Select(r => (Name: $"{r:0.#}/s", Closed: 0, Rate: r)));
    foreach (var load in loads)
    {
        foreach (var bot in bots)
        {
            await using var botSampler = bot.Pid is { } pid ? new ProcessSampler(pid) : null;
            await using var azuriteSampler = bot.Azurite is null ? null : new ProcessSampler(bot.Azurite.Process.Id);
            await using var driverSampler = new ProcessSampler(Environment.ProcessId);
            var runner = runners[bot.Name];
            var typingBefore = sink.Typing;
            var runId = $"{runTag}-{bot.Name}-{load.Closed}-{load.Rate}";
            var stats = load.Closed > 0 ? await runner.RunAsync(runId, load.Closed, o) : await runner.RunRateAsync(runId, load.Rate, o);
            var usage = new Usage(botSampler is null ? null : await botSampler.StopAsync(), azuriteSampler is null ? null : await azuriteSampler.StopAsync(), await driverSampler.StopAsync());
            if (bot.Server is { HasExited: true }) throw new InvalidOperationException($"{bot.Name} exited during the run; see {logDir}");
            stats = stats with { TypingIndicators = sink.Typing - typingBefore };
            report.Level(bot.Name, load.Name, stats, usage);
            Log($"{bot.Name} {load.Name}: {stats.TurnsPerSecond:F1} turns/s, p50 {stats.P50:F1} ms, p99 {stats.P99:F1} ms, errors {stats.Errors}, timeouts {stats.Timeouts}, typing {stats.TypingIndicators}" +
                (stats.ErrorSample is null ? "" : $" (e.g. {stats.ErrorSample})"));
            if (stats.Tail.Length > 0) Log($"{bot.Name} {load.Name} tail: {stats.Tail}");
        }
    }
    foreach (var c in clients.Values) c.Dispose();
    Console.WriteLine(report.ToMarkdown());
    if (o.JsonOut is { } json) await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report.Rows, Report.JsonOptions));
    return 0;
}
finally
{
    servers.Reverse();
    foreach (var s in servers) await s.DisposeAsync();
}

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

internal sealed record BotUnderTest(string Name, Uri Url, int? Pid, ChildProcess? Server, AzuriteServer? Azurite);
