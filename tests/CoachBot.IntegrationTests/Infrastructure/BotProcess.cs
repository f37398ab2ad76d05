using System.Globalization;
using System.Reflection;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// The built CoachBot app (src/CoachBot) as a child process, <c>dotnet CoachBot.dll</c>, configured through command-line
/// arguments on a free loopback port: for tests that end the process the way a platform does, SIGTERM (a deploy, a
/// scale-in) or SIGKILL (a crash).
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly List<HttpClient> _clients = [];

    private BotProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the app wrote to stdout and stderr (for failure messages).</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int ProcessId => _process.Id;

    /// <summary>CPU the app has used so far (user + system), while it runs.</summary>
    public TimeSpan TotalProcessorTime => _process.TotalProcessorTime;

    /// <summary>Starts the app in the Development environment (local mode) and returns once /healthz answers 200.</summary>
    /// <param name="environment">Environment variables for the process (what App Service itself sets, e.g. IDENTITY_ENDPOINT).</param>
    public static async Task<BotProcess> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null,
        IDictionary<string, string>? environment = null)
    {
        var dll = AppPath();
        var port = FreePort.Next();
        var args = new List<string>
        {
            dll, "--environment=Development", $"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            $"--Storage:ConnectionString={storageConnectionString}",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) args.Add($"--{k}={v}");
        var process = ChildProcess.Start("dotnet", args, Path.GetDirectoryName(dll)!, environment);
        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        try
        {
            await bot.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return bot;
    }

    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _clients.Add(client);
        return client;
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or an out-of-memory kill. Returns once it has exited.</summary>
    public void Kill()
    {
        _process.SignalAsync("KILL").GetAwaiter().GetResult();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        _process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
    }

    /// <summary>SIGTERM, as a deploy or scale-in sends it, then waits for the process to exit by itself.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        await _process.SignalAsync("TERM");
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(cts.Token);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        await _process.WaitUntilHealthyAsync(http, new Uri("healthz", UriKind.Relative), timeout);
    }

    /// <summary>src/CoachBot's build output for the configuration these tests were built in.</summary>
    private static string AppPath()
    {
        var configuration = typeof(BotProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.Combine(RepoPaths.Root, "src", "CoachBot", "bin", configuration, framework, "CoachBot.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/CoachBot first (the test project references it).", dll);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await _process.DisposeAsync();
    }
}
