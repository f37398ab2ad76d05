using System.Globalization;
using CoachBot.Admin;
using CoachBot.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// <c>POST /admin/nudges/run?day=yyyy-MM-dd&amp;managerId=…&amp;force=false</c> (re)enqueues a day's nudges for one manager or
/// all of the tenant's managers (<see cref="ManagerRoster"/>) — still once-only unless forced — and <c>GET /admin/nudges/not-installed</c> lists managers the
/// app could not reach, with how installing it for them ended (<see cref="NotInstalledReport"/>). Both are behind <see cref="AdminKeyFilter"/> (<c>X-Admin-Key</c>,
/// 404 without a configured key, wrong keys throttled); <c>run</c> takes only known managers (<see cref="IKnownManagers"/>, else 404) and days within
/// <see cref="AdminOptions.DayWindowDays"/> of today in UTC (else 400).
/// </summary>
public static class NudgeAdminEndpoints
{
    public const string KeyHeader = AdminKeyFilter.KeyHeader;

    public static IEndpointRouteBuilder MapNudgeAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/admin/nudges").RequireAdminKey();

        group.MapPost("/run", async (string? day, string? managerId, bool? force, DeliveryQueue queue,
            IOptionsMonitor<AdminOptions> admin, IKnownManagers known, ManagerRoster roster, TimeProvider time, NudgeTenant nudgeTenant, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Results.BadRequest(new { error = "day=yyyy-MM-dd is required" });
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var window = admin.CurrentValue.DayWindowDays;
            if (Math.Abs(date.DayNumber - today.DayNumber) > window)
                return Results.BadRequest(new { error = $"day must be within {window} days of today (UTC)" });
            if (managerId is { Length: > 0 } && !await known.IsKnownAsync(managerId, ct).ConfigureAwait(false))
                return Results.NotFound(new { error = "unknown manager" });
            var tenant = nudgeTenant.Id;
            var managers = managerId is { Length: > 0 } one ? [one] : await roster.GetManagersAsync(tenant, ct).ConfigureAwait(false);
            foreach (var manager in managers)
                await queue.EnqueueAsync(new DeliveryJob(DeliveryJob.NudgeKind, tenant, manager, date, Force: force == true), ct).ConfigureAwait(false);
            return Results.Accepted(value: new { day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), enqueued = managers.Count, force = force == true });
        });

        group.MapGet("/not-installed", async (string? day, NotInstalledReport report, CancellationToken ct) =>
        {
            DateOnly? date = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            return Results.Ok(await report.ListAsync(date, ct).ConfigureAwait(false));
        });
        return app;
    }
}
