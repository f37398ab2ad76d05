using System.Globalization;

namespace CoachBot.Tools.LoadDriver;

/// <summary>Starts the bots under test, each on its own free loopback port, and the in-memory Azurite (the test kit's) each bot gets.</summary>
internal static class Targets
{
    public static Task<AzuriteServer> StartAzuriteAsync(DriverOptions o, string logFile) => AzuriteServer.StartAsync(o.RepoRoot, logFile);

    /// <summary>CoachBot's Release build as a child process, in local mode (Development, no app id), logging warnings and up.</summary>
    public static (ChildProcess Server, Uri Url) StartCoachBot(DriverOptions o, string storage, string logDir)
    {
        var dll = o.CoachBotDll ?? Path.Combine(o.RepoRoot, "src", "CoachBot", "bin", "Release", "net10.0", "CoachBot.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing; run `dotnet build -c Release` first.");
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}");
        var server = ChildProcess.Start("dotnet",
        [
            dll, "--urls", url.ToString().TrimEnd('/'), "--environment", "Development", $"--Storage:ConnectionString={storage}",
            // Production-like log levels: the turn's own Information line is kept off the hot path, like the reference bot (which logs nothing).
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            // All simulated reps share one tenant; Teams' per-tenant limit (30/s) would otherwise cap the run, while the
            // reference bot paces nothing. The per-conversation limits stay on. Pass --tenant-limit to measure with it.
            $"--Bot:ConnectorRequestsPerSecondPerTenant={o.TenantLimit}",
            // Simulated reps send far faster than people do; the per-user inbound limit is not what is measured here.
            "--Bot:MaxActivitiesPerUserPerMinute=0",
        ], Path.GetDirectoryName(dll)!, logFile: Path.Combine(logDir, "coachbot.log"));
        return (server, url);
    }

    public static (ChildProcess Server, Uri Url) StartReference(DriverOptions o, string storage, string logDir)
    {
        var dir = Path.Combine(o.RepoRoot, "bench", "reference-bot");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "botbuilder")))
            throw new InvalidOperationException($"botbuilder is not installed; run `npm ci --prefix {dir}`.");
        var port = FreePort.Next();
        var url = new Uri($"http://127.0.0.1:{port}");
        var server = ChildProcess.Start("node", ["index.js", "--port", S(port), "--storage", storage], dir, logFile: Path.Combine(logDir, "reference-bot.log"));
        return (server, url);
    }

    private static string S(int port) => port.ToString(CultureInfo.InvariantCulture);
}
