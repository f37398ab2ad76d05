using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Storage.Nudges;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// <c>POST /admin/nudges/run?day=yyyy-MM-dd&amp;managerId=…&amp;force=false</c> (re)enqueues a day's nudges for one manager or
/// all configured ones — still once-only unless forced — and <c>GET /admin/nudges/not-installed</c> lists managers the
/// app could not reach. Both need the <c>X-Admin-Key</c> header to match <c>Admin:ApiKey</c>; with no key configured
/// the endpoints do not exist (404).
/// </summary>
public static class NudgeAdminEndpoints
{
    public const string KeyHeader = "X-Admin-Key";
    public const string KeySetting = "Admin:ApiKey";

    public static IEndpointRouteBuilder MapNudgeAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/admin/nudges").AddEndpointFilter(async (context, next) =>
        {
            var configured = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[KeySetting];
            if (string.IsNullOrEmpty(configured)) return Results.NotFound();
            var given = context.HttpContext.Request.Headers[KeyHeader].ToString();
            return KeyMatches(configured, given) ? await next(context).ConfigureAwait(false) : Results.Unauthorized();
        });

        group.MapPost("/run", async (string? day, string? managerId, bool? force, NudgeQueueClient queue, IOptions<NudgeOptions> options,
            IServiceProvider services, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Results.BadRequest(new { error = "day=yyyy-MM-dd is required" });
            var tenant = NudgeTenant.Resolve(options.Value, services);
            var managers = managerId is { Length: > 0 } one ? [one] : options.Value.ManagerIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var manager in managers)
                await queue.EnqueueAsync(new NudgeJob(NudgeJob.NudgeKind, tenant, manager, date, Force: force == true), ct).ConfigureAwait(false);
            return Results.Accepted(value: new { day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), enqueued = managers.Count, force = force == true });
        });

        group.MapGet("/not-installed", async (string? day, SendLedger ledger, CancellationToken ct) =>
        {
            DateOnly? date = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var records = await ledger.ListByStateAsync(SendStates.NotInstalled, date, ct).ConfigureAwait(false);
            return Results.Ok(records
                .GroupBy(r => (r.TenantId, r.UserKey))
                .Select(g => new { tenantId = g.Key.TenantId, managerId = g.Key.UserKey, lastTried = g.Max(r => r.UpdatedAt) })
                .OrderBy(r => r.managerId, StringComparer.Ordinal));
        });
        return app;
    }

    /// <summary>Constant-time comparison of SHA-256 digests (equal length whatever the inputs).</summary>
    internal static bool KeyMatches(string configured, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
