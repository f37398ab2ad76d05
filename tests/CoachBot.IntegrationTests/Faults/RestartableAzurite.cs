using System.Diagnostics;
using System.Globalization;
using CoachBot.IntegrationTests.Infrastructure;

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
    private Process? _process;

    public string ConnectionString => AzuriteFixture.ConnectionStringFor(_tablePort, _queuePort);

    /// <summary>CPU Azurite has used so far (user + system), while it runs.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            if (_process is null || _process.HasExited) return TimeSpan.Zero;
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async Task StartAsync()
    {
        Directory.CreateDirectory(_location);
        var psi = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] storage = inMemory ? ["--inMemoryPersistence"] : ["--location", _location];
        foreach (var a in (string[])
        [
            Path.Combine(RepoPaths.NodeModules, "azurite", "dist", "src", "azurite.js"), .. storage, "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", P(_blobPort), "--queueHost", "127.0.0.1", "--queuePort", P(_queuePort), "--tableHost", "127.0.0.1", "--tablePort", P(_tablePort),
        ]) psi.ArgumentList.Add(a);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start Azurite");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await FreePort.WaitUntilListeningAsync(_tablePort, TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM), waiting until it has saved and exited.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _process = null;
    }

    /// <summary>Freezes (SIGSTOP) or thaws (SIGCONT) Azurite: connections stay open but nothing answers, like a hung storage front end.</summary>
    public async Task SignalAsync(string signal)
    {
        if (_process is null) return;
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false }) await SignalAsync("CONT");
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
