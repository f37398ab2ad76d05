using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Tools.GraphServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>tools/GraphServer (the Graph-shaped server for samples/org.json) started in this process on a loopback port.</summary>
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

    /// <param name="org">The organisation to serve; samples/org.json when null.</param>
    public static async Task<InProcessGraphServer> StartAsync(Tools.GraphServer.Org.OrgData? org = null)
    {
        var app = GraphServerApp.Build(["--urls", "http://127.0.0.1:0", "--org", Path.Combine(RepoPaths.Root, "samples", "org.json")], org);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessGraphServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Arms a fault (see tools/GraphServer/Control/Fault.cs): path substring, status, count (-1 = always), delay.</summary>
    public async Task ArmAsync(string path, int status, int count = -1, int delayMs = 0, string? method = null) =>
        (await _http.PostAsJsonAsync("_control/faults", new { path, status, count, delayMs, method })).EnsureSuccessStatusCode();

    public async Task ResetFaultsAsync() => (await _http.PostAsync(new Uri("_control/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async Task<int> EventsCreatedAsync() => (await StatsAsync())["eventsCreated"]!.GetValue<int>();

    /// <summary>Personal app installs the server performed (a 409 for an existing install does not count).</summary>
    public async Task<int> AppsInstalledAsync() => (await StatsAsync())["appsInstalled"]!.GetValue<int>();

    /// <summary>Requests seen for one operation, e.g. "POST teamwork/installedApps" or "GET appCatalogs/teamsApps".</summary>
    public async Task<int> RequestCountAsync(string operation) => (await StatsAsync())["requests"]?[operation]?.GetValue<int>() ?? 0;

    private async Task<JsonNode> StatsAsync() => JsonNode.Parse(await _http.GetStringAsync(new Uri("_control/stats", UriKind.Relative)))!;

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
