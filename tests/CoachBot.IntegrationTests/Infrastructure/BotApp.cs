using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>The real CoachBot app on a loopback Kestrel port, configured like a deployment through configuration keys.</summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotApp(string storageConnectionString, IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storageConnectionString,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    /// <summary>An HttpClient talking to the app over real loopback HTTP.</summary>
    public HttpClient CreateHttpClient()
    {
        StartServer();
        return CreateClient();
    }
}
