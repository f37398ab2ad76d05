using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real CoachBot app on a free loopback Kestrel port, configured the way a deployment is: through
/// configuration keys (passed as command-line arguments, the highest-precedence source).
/// </summary>
public sealed class BotApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];
    private bool _started;

    public BotApp(string storageConnectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var args = new List<string> { "--environment=Development", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString={storageConnectionString}" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) args.Add($"--{k}={v}");
        _app = CoachBotApp.Create([.. args], configureServices);
    }

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An HttpClient talking to the app over real loopback HTTP (starts the app on first use).</summary>
    public HttpClient CreateHttpClient()
    {
        if (!_started)
        {
            _app.StartAsync().GetAwaiter().GetResult();
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address);
            _started = true;
        }
        var client = new HttpClient { BaseAddress = BaseAddress };
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        if (_started) await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
