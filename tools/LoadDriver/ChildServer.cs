using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoachBot.Tools.LoadDriver;

/// <summary>A server process this driver starts (Azurite, CoachBot, the reference bot); output goes to a log file; killed with its children.</summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ChildServer(Process process, StreamWriter log, long startedAt)
    {
        _process = process;
        _log = log;
        StartedAt = startedAt;
    }

    public int Pid => _process.Id;
    public long StartedAt { get; }
    public bool HasExited => _process.HasExited;

    public static ChildServer Start(string fileName, IEnumerable<string> args, string workingDirectory, string logFile)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + fileName);
        var server = new ChildServer(process, log, startedAt);
        process.OutputDataReceived += (_, e) => server.Write(e.Data);
        process.ErrorDataReceived += (_, e) => server.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
    }

    /// <summary>Polls GET url until 200; returns the milliseconds from process start.</summary>
    public async Task<double> WaitHealthyAsync(HttpClient http, Uri url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return (Stopwatch.GetTimestamp() - StartedAt) * 1000.0 / Stopwatch.Frequency;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"{url} did not answer 200 within {timeout}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitListeningAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
