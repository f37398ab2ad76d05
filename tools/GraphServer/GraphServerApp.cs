using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Endpoints;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer;

/// <summary>A Graph-shaped server for a sample organisation, for local runs and for tests of the real Graph SDK.</summary>
public static class GraphServerApp
{
    public const string DefaultUrl = "http://127.0.0.1:5299";

    /// <summary>
    /// Builds (does not start) the server. <paramref name="org"/> defaults to <c>--org PATH</c> or the bundled
    /// org.json; <paramref name="time"/> fixes "now" for generated calendars. Only loopback URLs are accepted.
    /// </summary>
    public static WebApplication Build(string[] args, OrgData? org = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls)) builder.WebHost.UseUrls(urls = DefaultUrl);
        EnsureLoopback(urls);

        org ??= builder.Configuration["org"] is { Length: > 0 } path ? OrgData.Load(path) : OrgData.LoadDefault();
        builder.Services.AddSingleton(org);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<GraphStore>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<ServerStats>();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var app = builder.Build();
        app.UseGraphControl();
        app.MapControlEndpoints();
        app.MapGroup("/v1.0").MapUserEndpoints().MapScheduleEndpoints().MapEventEndpoints().MapGroupEndpoints().MapTeamworkEndpoints();
        return app;
    }

    /// <summary>This server has no authentication: refuse to listen anywhere but this machine.</summary>
    private static void EnsureLoopback(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = new Uri(url.Replace("*", "wildcard", StringComparison.Ordinal).Replace("+", "wildcard", StringComparison.Ordinal)).Host;
            if (host is not ("127.0.0.1" or "[::1]" or "localhost"))
            {
                throw new InvalidOperationException($"GraphServer binds loopback only; refusing '{url}'. Use --urls http://127.0.0.1:PORT.");
            }
        }
    }
}
