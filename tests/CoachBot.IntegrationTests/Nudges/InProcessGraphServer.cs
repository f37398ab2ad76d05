using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// tools/GraphServer (the Graph-shaped server for samples/org.json) started in this process on a loopback port. The
/// test project does not reference it (its project file is not ours to change), so the built GraphServer.dll is loaded
/// by path (built on first use when missing) and <c>GraphServerApp.Build</c> is called by reflection.
/// </summary>
public sealed class InProcessGraphServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim BuildGate = new(1, 1);
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

    public static async Task<InProcessGraphServer> StartAsync()
    {
        var assembly = await LoadAsync();
        var build = assembly.GetType("CoachBot.Tools.GraphServer.GraphServerApp", throwOnError: true)!.GetMethod("Build")!;
        string[] args = ["--urls", "http://127.0.0.1:0", "--org", Path.Combine(RepoPaths.Root, "samples", "org.json")];
        var app = (WebApplication)build.Invoke(null, [args, null, null])!;
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessGraphServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Arms a fault (see tools/GraphServer/Control/Fault.cs): path substring, status, count (-1 = always), delay.</summary>
    public async Task ArmAsync(string path, int status, int count = -1, int delayMs = 0, string? method = null) =>
        (await _http.PostAsJsonAsync("_control/faults", new { path, status, count, delayMs, method })).EnsureSuccessStatusCode();

    public async Task ResetFaultsAsync() => (await _http.PostAsync(new Uri("_control/reset", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async Task<int> EventsCreatedAsync()
    {
        var stats = JsonNode.Parse(await _http.GetStringAsync(new Uri("_control/stats", UriKind.Relative)))!;
        return stats["eventsCreated"]!.GetValue<int>();
    }

    public async Task<JsonArray> EventsAsync(string userId)
    {
        var page = JsonNode.Parse(await _http.GetStringAsync(new Uri($"v1.0/users/{userId}/events?$top=500", UriKind.Relative)))!;
        return page["value"]!.AsArray();
    }

    private static async Task<Assembly> LoadAsync()
    {
        var dll = Path.Combine(RepoPaths.Root, "tools", "GraphServer", "bin", "Debug", "net10.0", "GraphServer.dll");
        await BuildGate.WaitAsync();
        try
        {
            if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "GraphServer") is { } loaded) return loaded;
            if (!File.Exists(dll))
            {
                using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.Combine(RepoPaths.Root, "tools", "GraphServer", "GraphServer.csproj"), "-v", "q", "-nologo"])
                {
                    WorkingDirectory = RepoPaths.Root,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                })!;
                var output = build.StandardOutput.ReadToEndAsync();
                await build.WaitForExitAsync();
                if (build.ExitCode != 0) throw new InvalidOperationException("Building tools/GraphServer failed: " + await output);
            }
            return Assembly.LoadFrom(dll);
        }
        finally
        {
            BuildGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
