namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// A real Azurite (Tables + Queues) on loopback, in memory, started once for the test run from the repo's node_modules.
/// Set COACHBOT_TEST_STORAGE to a connection string to use an emulator that is already running instead.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private ChildProcess? _azurite;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("COACHBOT_TEST_STORAGE") is { Length: > 0 } external)
        {
            ConnectionString = external;
            return;
        }
        var script = Path.Combine(RepoPaths.NodeModules, "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script)) throw new InvalidOperationException($"Azurite is not installed ({script}); run `npm ci` in {RepoPaths.Root}.");
        int tablePort = FreePort.Next(), queuePort = FreePort.Next(), blobPort = FreePort.Next();
        _azurite = ChildProcess.Start("node",
        [
            script, "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ], RepoPaths.Root);
        await FreePort.WaitUntilListeningAsync(tablePort, TimeSpan.FromSeconds(30));
        await FreePort.WaitUntilListeningAsync(queuePort, TimeSpan.FromSeconds(30));
        ConnectionString = ConnectionStringFor(tablePort, queuePort);
    }

    public static string ConnectionStringFor(int tablePort, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";

    public async Task DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
