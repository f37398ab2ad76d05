using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Tools.GraphServer;
using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.Graph.Tests;

/// <summary>The GraphServer started in-process on 127.0.0.1:0; clients reach it over real HTTP.</summary>
internal sealed class TestGraphServer : IAsyncDisposable
{
    /// <summary>A Monday; all generated calendars are relative to it, so tests are deterministic.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly HttpClient _control;

    private TestGraphServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
        _control = new HttpClient { BaseAddress = root };
    }

    public Uri Root { get; }
    public string BaseUrl => new Uri(Root, "v1.0").ToString();
    public GraphStore Store => _app.Services.GetRequiredService<GraphStore>();
    public OrgData Org => _app.Services.GetRequiredService<OrgData>();

    public static async Task<TestGraphServer> StartAsync(OrgData? org = null)
    {
        var app = GraphServerApp.Build(["--urls", "http://127.0.0.1:0"], org ?? OrgData.LoadDefault(), new FakeTimeProvider(Now));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TestGraphServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

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

    public async Task ArmAsync(Fault fault) => (await _control.PostAsJsonAsync("_control/faults", fault)).EnsureSuccessStatusCode();

    public async Task<JsonObject> StatsAsync() =>
        (JsonNode.Parse(await _control.GetStringAsync(new Uri("_control/stats", UriKind.Relative))) as JsonObject)!;

    public async Task<int> RequestCountAsync(string key) => (await StatsAsync())["requests"]?[key]?.GetValue<int>() ?? 0;

    /// <summary>Every distinct $select the server received for an operation ("GET calendarView"), as sent.</summary>
    public async Task<IReadOnlyList<string>> SelectsAsync(string key) =>
        (await StatsAsync())["selects"]?[key]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    public OrgUser User(string displayName) => Org.Users.Single(u => u.DisplayName == displayName);

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
