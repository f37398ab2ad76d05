using System.Globalization;

namespace CoachBot.Testing;

/// <summary>
/// A real Azurite (Tables + Queues) on free loopback ports, in memory, started from the repository's node_modules: the
/// one emulator for the integration tests' shared fixture and the load driver.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, the same in every install).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private AzuriteServer(ChildProcess process, string connectionString)
    {
        Process = process;
        ConnectionString = connectionString;
    }

    public ChildProcess Process { get; }

    public string ConnectionString { get; }

    /// <param name="repoRoot">The repository whose node_modules hold Azurite (default: <see cref="RepoPaths.Root"/>).</param>
    /// <param name="logFile">Where Azurite's output goes (default: kept in memory).</param>
    public static async Task<AzuriteServer> StartAsync(string? repoRoot = null, string? logFile = null)
    {
        repoRoot ??= RepoPaths.Root;
        int tablePort = FreePort.Next(), queuePort = FreePort.Next(), blobPort = FreePort.Next();
        var process = ChildProcess.Start("node", Arguments(repoRoot, tablePort, queuePort, blobPort, ["--inMemoryPersistence"]), repoRoot, logFile: logFile);
        try
        {
            await FreePort.WaitUntilListeningAsync(tablePort, TimeSpan.FromSeconds(30));
            await FreePort.WaitUntilListeningAsync(queuePort, TimeSpan.FromSeconds(30));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new AzuriteServer(process, ConnectionStringFor(tablePort, queuePort));
    }

    /// <summary>The node arguments that run Azurite on these loopback ports; <paramref name="storage"/> says where data lives.</summary>
    public static IReadOnlyList<string> Arguments(string repoRoot, int tablePort, int queuePort, int blobPort, IEnumerable<string> storage)
    {
        var script = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script)) throw new InvalidOperationException($"Azurite is not installed ({script}); run `npm ci` in {repoRoot}.");
        return
        [
            script, .. storage, "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", Port(blobPort), "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        ];
    }

    public static string ConnectionStringFor(int tablePort, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{Port(tablePort)}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{Port(queuePort)}/devstoreaccount1;";

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
