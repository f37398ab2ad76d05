using System.Diagnostics;
using System.Net;
using System.Text;

namespace CoachBot.Testing;

/// <summary>
/// A server the tests or the load driver start (Azurite, CoachBot, the Agents Playground, the reference bot): its output
/// is kept for failure messages (in memory, or in a log file for long runs) and it is killed with its children.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter? _log;
    private readonly string? _logFile;
    private bool _logClosed;

    private ChildProcess(Process process, string? logFile, long startedAt)
    {
        _process = process;
        _logFile = logFile;
        StartedAt = startedAt;
        if (logFile is not null) _log = new StreamWriter(new FileStream(logFile, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    /// <summary>What the process wrote to stdout and stderr so far (read back from the log file when there is one).</summary>
    public string Output
    {
        get
        {
            if (_logFile is null)
            {
                lock (_output) return _output.ToString();
            }
            using var reader = new StreamReader(new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>User + system CPU the process has used so far (read from /proc; only while it runs).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>Sends a Unix signal (TERM, KILL, STOP, CONT) to the process itself, not its children.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    /// <param name="logFile">Where stdout and stderr go instead of memory (its folder is created); for long runs that log a lot.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? env = null, string? logFile = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        if (logFile is not null) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + fileName);
        var child = new ChildProcess(process, logFile, startedAt);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Polls GET <paramref name="url"/> until it answers 200 and returns the time since the process was started; throws
    /// with the process's output if it exits first or the timeout passes.
    /// </summary>
    public async Task<TimeSpan> WaitUntilHealthyAsync(HttpClient http, Uri url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (HasExited)
            {
                await _process.WaitForExitAsync(); // drains its output, for the message
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {ExitCode} while starting:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(StartedAt);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // The probe's own timeout: the server is still starting.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not answer 200 within {timeout}:\n{Output}");
            await Task.Delay(25);
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        if (_log is not null)
        {
            lock (_log)
            {
                if (!_logClosed) _log.WriteLine(line);
            }
            return;
        }
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        if (_log is not null)
        {
            // Output events of an already exited process may still be on their way: they are dropped, not written to a closed file.
            lock (_log)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }
}
