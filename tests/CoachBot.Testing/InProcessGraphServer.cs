using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Tools.GraphServer;
using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Org;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Testing;

/// <summary>
/// tools/GraphServer (the Graph-shaped server; samples/org.json unless given an organisation) started in this process on a
/// loopback port, with its control endpoints (faults, stats) at hand. Clients reach it over real HTTP at <see cref="BaseUrl"/>.
/// </summary>
public sealed class InProcessGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private InProcessGraphServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
        _http = new HttpClient { BaseAddress = root };
    }

    public Uri Root { get; }

    public string BaseUrl => new Uri(Root, "v1.0").ToString();

    /// <summary>The server's services (its <c>GraphStore</c>, <c>OrgData</c>, …) for tests that look inside.</summary>
    public IServiceProvider Services => _app.Services;

    /// <param name="org">The organisation to serve; samples/org.json when null.</param>
    /// <param name="time">"Now" for generated calendars; the system clock when null.</param>
    public static async Task<InProcessGraphServer> StartAsync(OrgData? org = null, TimeProvider? time = null)
    {
        var app = GraphServerApp.Build(["--urls", "http://127.0.0.1:0"], org, time);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessGraphServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Arms a fault (tools/GraphServer/Control/Fault.cs).</summary>
    public async Task ArmAsync(Fault fault) => (await _http.PostAsJsonAsync("_control/faults", fault)).EnsureSuccessStatusCode();

    /// <summary>Arms a fault: path substring, status, count (-1 = always), delay, method.</summary>
    public Task ArmAsync(string path, int status, int count = -1, int delayMs = 0, string? method = null) =>
        ArmAsync(new Fault { Path = path, Status = status, Count = count, DelayMs = delayMs, Method = method });

    public async Task ResetFaultsAsync() => (await _http.PostAsync(new Uri("_control/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async Task<JsonObject> StatsAsync() =>
        (JsonNode.Parse(await _http.GetStringAsync(new Uri("_control/stats", UriKind.Relative))) as JsonObject)!;

    public async Task<int> EventsCreatedAsync() => (await StatsAsync())["eventsCreated"]!.GetValue<int>();

    /// <summary>Personal app installs the server performed (a 409 for an existing install does not count).</summary>
    public async Task<int> AppsInstalledAsync() => (await StatsAsync())["appsInstalled"]!.GetValue<int>();

    /// <summary>Requests seen for one operation, e.g. "POST teamwork/installedApps" or "GET calendarView".</summary>
    public async Task<int> RequestCountAsync(string operation) => (await StatsAsync())["requests"]?[operation]?.GetValue<int>() ?? 0;

    /// <summary>Every distinct $select the server received for an operation ("GET calendarView"), as sent.</summary>
    public async Task<IReadOnlyList<string>> SelectsAsync(string operation) =>
        (await StatsAsync())["selects"]?[operation]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];

    public async Task<JsonArray> EventsAsync(string userId)
    {
        var page = JsonNode.Parse(await _http.GetStringAsync(new Uri($"v1.0/users/{userId}/events?$top=500", UriKind.Relative)))!;
        return page["value"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
