using System.Globalization;
using CoachBot.Tools.GraphServer.Endpoints;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Control;

/// <summary>/_control: arm faults, read stats, reset. Plus the middleware that applies faults and counts requests.</summary>
public static class ControlEndpoints
{
    public static WebApplication MapControlEndpoints(this WebApplication app)
    {
        var control = app.MapGroup("/_control");
        control.MapPost("/faults", (Fault fault, FaultInjector faults) =>
        {
            faults.Add(fault);
            return Results.NoContent();
        });
        control.MapGet("/stats", (ServerStats stats) => GraphJson.Json(stats.ToJson()));
        control.MapPost("/reset", (FaultInjector faults, ServerStats stats, GraphStore store) =>
        {
            faults.Clear();
            stats.Reset();
            store.Reset();
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>Counts every Graph request, tracks per-mailbox concurrency, then applies any armed fault.</summary>
    public static WebApplication UseGraphControl(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var stats = context.RequestServices.GetRequiredService<ServerStats>();
            var store = context.RequestServices.GetRequiredService<GraphStore>();
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var mailbox = segments.Length > 2 && segments[1].Equals("users", StringComparison.OrdinalIgnoreCase)
                ? store.FindUser(Uri.UnescapeDataString(segments[2]))?.Id ?? Uri.UnescapeDataString(segments[2])
                : null;
            var operation = $"{context.Request.Method} {Operation(segments)}";
            stats.Request(operation, context.Request.Headers.Authorization.Count > 0);
            if (context.Request.Query.TryGetValue("$select", out var select)) stats.RecordSelect(operation, select.ToString());

            if (mailbox is not null) stats.Enter(mailbox);
            try
            {
                var fault = context.RequestServices.GetRequiredService<FaultInjector>().Take(context.Request.Method, path);
                if (fault is { DelayMs: > 0 }) await Task.Delay(fault.DelayMs, context.RequestAborted).ConfigureAwait(false);
                if (fault is { Status: > 0 })
                {
                    if (fault.RetryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                    var code = fault.Status == 429 ? "TooManyRequests" : fault.Status >= 500 ? "ServiceNotAvailable" : "InjectedFault";
                    await GraphJson.Error(fault.Status, code, "Injected by /_control/faults.").ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }

                await next(context).ConfigureAwait(false);
            }
            finally
            {
                if (mailbox is not null) stats.Exit(mailbox);
            }
        });
        return app;
    }

    /// <summary>
    /// "directReports", "getSchedule", "events/{id}", "user", "teamwork/installedApps/{id}/chat",
    /// "groups/transitiveMembers/graph.user", "appCatalogs/teamsApps"…: the path without ids, for counting.
    /// </summary>
    private static string Operation(string[] segments)
    {
        if (segments.Length <= 2) return string.Join('/', segments.Skip(1));
        if (!segments[1].Equals("users", StringComparison.OrdinalIgnoreCase))
            return segments.Length > 3 ? $"{segments[1]}/{string.Join('/', segments.Skip(3))}" : string.Join('/', segments.Skip(1));
        if (segments.Length == 3) return "user";
        var rest = segments.Skip(3).ToArray();
        if (rest.Length == 2 && rest[0] == "events") return "events/{id}";
        if (rest.Length >= 3 && rest[0] == "teamwork") rest[2] = "{id}";
        return string.Join('/', rest);
    }
}
