using System.Diagnostics;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// An Azurite of the test's own, persisted to a temporary folder, that can be stopped (SIGTERM: Azurite flushes and
/// exits) and started again on the same ports with the same data.
/// </summary>
/// <param name="inMemory">
/// Keep the data in memory only (lost on a restart): for runs that need their own Azurite but never restart it. Persisted
/// to disk, Azurite serialises its whole database every 5 s, a cost that grows with every row a fan-out writes.
/// </param>
public sealed class RestartableAzurite(bool inMemory = false) : IAsyncDisposable
{
    private readonly string _location = Path.Combine(Path.GetTempPath(), "coachbot-faults-" + Guid.NewGuid().ToString("N"));
    private readonly int _tablePort = FreePort.Next();
    private readonly int _queuePort = FreePort.Next();
    private readonly int _blobPort = FreePort.Next();
    private ChildProcess? _process;
    private readonly Stopwatch _up = new();

    public string ConnectionString => AzuriteServer.ConnectionStringFor(_tablePort, _queuePort);

    /// <summary>This Azurite's tables with <paramref name="queues"/>' queues: two services that, as on Azure, do not stall each other.</summary>
    public string ConnectionStringWithQueuesOf(RestartableAzurite queues) => AzuriteServer.ConnectionStringFor(_tablePort, queues._queuePort);

    /// <summary>CPU Azurite has used so far (user + system), while it runs.</summary>
    public TimeSpan TotalProcessorTime => _process is null || _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;

    /// <summary>Time since the last start: Azurite's queue service sweeps its message store 60 s after it starts and every 60 s after that.</summary>
    public TimeSpan Uptime => _up.Elapsed;

    public async Task StartAsync()
    {
        _up.Restart();
        Directory.CreateDirectory(_location);
        string[] storage = inMemory ? ["--inMemoryPersistence"] : ["--location", _location];
        _process = ChildProcess.Start("node", AzuriteServer.Arguments(RepoPaths.Root, _tablePort, _queuePort, _blobPort, storage), RepoPaths.Root);
        await FreePort.WaitUntilListeningAsync(_tablePort, TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM), waiting until it has saved and exited.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        await _process.SignalAsync("TERM");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Did not exit in time: disposing kills it with its children.
        }
        await _process.DisposeAsync();
        _process = null;
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) Azurite: connections stay open but nothing answers, like a hung storage front end.</summary>
    public async Task SignalAsync(string signal)
    {
        if (_process is null) return;
        await _process.SignalAsync(signal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false }) await SignalAsync("CONT");
        if (_process is not null) await _process.DisposeAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
