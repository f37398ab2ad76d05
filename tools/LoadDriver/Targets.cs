using System.Globalization;

namespace CoachBot.Tools.LoadDriver;

/// <summary>Starts the bots under test against one Azurite, each on its own free loopback port.</summary>
internal static class Targets
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task<(ChildServer Server, string ConnectionString)> StartAzuriteAsync(DriverOptions o, string logDir)
    {
        var script = Path.Combine(o.RepoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script)) throw new InvalidOperationException($"Azurite is not installed ({script}); run `npm ci`.");
        int table = ChildServer.FreePort(), queue = ChildServer.FreePort(), blob = ChildServer.FreePort();
        var server = ChildServer.Start("node",
        [
            script, "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", S(blob), "--queueHost", "127.0.0.1", "--queuePort", S(queue),
            "--tableHost", "127.0.0.1", "--tablePort", S(table),
        ], o.RepoRoot, Path.Combine(logDir, "azurite.log"));
        await ChildServer.WaitListeningAsync(table, TimeSpan.FromSeconds(30));
        await ChildServer.WaitListeningAsync(queue, TimeSpan.FromSeconds(30));
        var cs = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
                 $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;";
        return (server, cs);
    }

    /// <summary>CoachBot's Release build as a child process, in local mode (Development, no app id), logging warnings and up.</summary>
    public static (ChildServer Server, Uri Url) StartCoachBot(DriverOptions o, string storage, string logDir)
    {
        var dll = o.CoachBotDll ?? Path.Combine(o.RepoRoot, "src", "CoachBot", "bin", "Release", "net10.0", "CoachBot.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing; run `dotnet build -c Release` first.");
        var port = ChildServer.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var server = ChildServer.Start("dotnet",
        [
            dll, "--urls", url.ToString().TrimEnd('/'), "--environment", "Development", $"--Storage:ConnectionString={storage}",
            // Production-like log levels: the turn's own Information line is kept off the hot path, like the reference bot (which logs nothing).
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
            // All simulated reps share one tenant; Teams' per-tenant limit (30/s) would otherwise cap the run, while the
            // reference bot paces nothing. The per-conversation limits stay on. Pass --tenant-limit to measure with it.
            $"--Bot:ConnectorRequestsPerSecondPerTenant={o.TenantLimit}",
            // Simulated reps send far faster than people do; the per-user inbound limit is not what is measured here.
            "--Bot:MaxActivitiesPerUserPerMinute=0",
        ], Path.GetDirectoryName(dll)!, Path.Combine(logDir, "coachbot.log"));
        return (server, url);
    }

    public static (ChildServer Server, Uri Url) StartReference(DriverOptions o, string storage, string logDir)
    {
        var dir = Path.Combine(o.RepoRoot, "bench", "reference-bot");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "botbuilder")))
            throw new InvalidOperationException($"botbuilder is not installed; run `npm ci --prefix {dir}`.");
        var port = ChildServer.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var server = ChildServer.Start("node", ["index.js", "--port", S(port), "--storage", storage], dir, Path.Combine(logDir, "reference-bot.log"));
        return (server, url);
    }

    private static string S(int port) => port.ToString(CultureInfo.InvariantCulture);
}
