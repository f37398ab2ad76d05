using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// The built CoachBot app as a child process (<c>dotnet CoachBot.dll</c>), configured through command-line arguments on
/// a free loopback port, so a test can kill it the way a crash or a deploy does: <see cref="Kill"/> is SIGKILL (no
/// shutdown code runs), <see cref="StopAsync"/> is SIGTERM and waits for the graceful exit.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the app wrote to stdout and stderr (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the app and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<BotProcess> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null, TimeSpan? timeout = null)
    {
        var dll = AppDll();
        var port = FreePort.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--environment=Development");
        psi.ArgumentList.Add($"--urls={baseAddress.ToString().TrimEnd('/')}");
        psi.ArgumentList.Add($"--Storage:ConnectionString={storageConnectionString}");
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) psi.ArgumentList.Add($"--{k}={v}");
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + dll);
        var bot = new BotProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await bot.WaitHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
        return bot;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>SIGKILL: the process dies on the spot, mid-request if need be.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as App Service or systemd stop an app, then waits until it has exited.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException("CoachBot exited during start:\n" + Output);
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("CoachBot did not become healthy:\n" + Output);
            await Task.Delay(100);
        }
    }

    /// <summary>src/CoachBot's own build output, in the configuration these tests were built in.</summary>
    private static string AppDll()
    {
        var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepoPaths.Root, "src", "CoachBot", "bin", configuration, "net10.0", "CoachBot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/CoachBot first", dll);
    }

    private void Append(string? line)
    {
        if (line is null) return;
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
    }
}
