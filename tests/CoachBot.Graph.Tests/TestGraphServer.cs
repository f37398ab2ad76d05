using System.Text.Json.Nodes;
using CoachBot.Testing;
using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Graph.Tests;

/// <summary>The test kit's in-process GraphServer at a fixed "now", with CoachBot's Graph clients pointed at it over real HTTP.</summary>
internal sealed class TestGraphServer : IAsyncDisposable
{
    /// <summary>A Monday; all generated calendars are relative to it, so tests are deterministic.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private readonly InProcessGraphServer _server;

    private TestGraphServer(InProcessGraphServer server) => _server = server;

    public Uri Root => _server.Root;
    public string BaseUrl => _server.BaseUrl;
    public GraphStore Store => _server.Services.GetRequiredService<GraphStore>();
    public OrgData Org => _server.Services.GetRequiredService<OrgData>();

    public static async Task<TestGraphServer> StartAsync(OrgData? org = null) =>
        new(await InProcessGraphServer.StartAsync(org, new FakeTimeProvider(Now)));

    public GraphCalendarDirectory CreateDirectory(Action<GraphOptions>? configure = null)
    {
        var (client, options) = CreateClient(configure);
        return new GraphCalendarDirectory(client, options);
    }

    public GraphGroupDirectory CreateGroups() => new(CreateClient(null).Client);

    public Installs.GraphTeamsAppInstaller CreateInstaller()
    {
        var (client, options) = CreateClient(null);
        return new Installs.GraphTeamsAppInstaller(client, options);
    }

    private (Microsoft.Graph.GraphServiceClient Client, GraphOptions Options) CreateClient(Action<GraphOptions>? configure)
    {
        var options = new GraphOptions
        {
            BaseUrl = BaseUrl,
            RetryDelay = TimeSpan.Zero,
            MaxRetries = 3,
            RequestTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return (GraphClientBuilder.Build(options, new MailboxConcurrencyHandler(options.MaxConcurrentRequestsPerMailbox)), options);
    }

    public Task ArmAsync(Fault fault) => _server.ArmAsync(fault);

    public Task<JsonObject> StatsAsync() => _server.StatsAsync();

    public Task<int> RequestCountAsync(string key) => _server.RequestCountAsync(key);

    /// <summary>Every distinct $select the server received for an operation ("GET calendarView"), as sent.</summary>
    public Task<IReadOnlyList<string>> SelectsAsync(string key) => _server.SelectsAsync(key);

    public OrgUser User(string displayName) => Org.Users.Single(u => u.DisplayName == displayName);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
