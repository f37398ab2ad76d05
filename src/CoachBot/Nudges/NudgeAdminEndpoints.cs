using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoachBot.Admin;
using CoachBot.Storage.Nudges;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// <c>POST /admin/nudges/run?day=yyyy-MM-dd&amp;managerId=…&amp;force=false</c> (re)enqueues a day's nudges for one manager or
/// all of the tenant's managers (<see cref="ManagerRoster"/>) — still once-only unless forced — and <c>GET /admin/nudges/not-installed</c> lists managers the
/// app could not reach, with how installing it for them ended (<see cref="NotInstalledReport"/>). Both need the <c>X-Admin-Key</c> header to match <c>Admin:ApiKey</c>; with no key configured
/// the endpoints do not exist (404). Wrong keys are throttled per client address and overall (<see cref="AdminKeyThrottle"/>:
/// 429 with Retry-After); <c>run</c> takes only known managers (<see cref="IKnownManagers"/>, else 404) and days within
/// <see cref="AdminOptions.DayWindowDays"/> of today in UTC (else 400).
/// </summary>
public static partial class NudgeAdminEndpoints
{
    public const string KeyHeader = "X-Admin-Key";

    public static IEndpointRouteBuilder MapNudgeAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/admin/nudges").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var configured = http.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue.ApiKey;
            if (string.IsNullOrEmpty(configured)) return Results.NotFound();
            // Throttled clients are refused before their key is looked at, so guessing on costs them nothing but time.
            var throttle = http.RequestServices.GetRequiredService<AdminKeyThrottle>();
            var client = AdminKeyThrottle.ClientOf(http.Connection.RemoteIpAddress);
            if (throttle.RetryAfter(client) is { } wait) return TooManyRequests(http, wait);
            var given = http.Request.Headers[KeyHeader].ToString();
            if (KeyMatches(configured, given)) return await next(context).ConfigureAwait(false);
            if (throttle.Failed(client))
                LogThrottled(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NudgeAdminEndpoints).FullName!));
            return Results.Unauthorized();
        });

        group.MapPost("/run", async (string? day, string? managerId, bool? force, NudgeQueueClient queue, IOptions<NudgeOptions> options,
            IOptionsMonitor<AdminOptions> admin, IKnownManagers known, ManagerRoster roster, TimeProvider time, IServiceProvider services, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Results.BadRequest(new { error = "day=yyyy-MM-dd is required" });
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var window = admin.CurrentValue.DayWindowDays;
            if (Math.Abs(date.DayNumber - today.DayNumber) > window)
                return Results.BadRequest(new { error = $"day must be within {window} days of today (UTC)" });
            if (managerId is { Length: > 0 } && !await known.IsKnownAsync(managerId, ct).ConfigureAwait(false))
                return Results.NotFound(new { error = "unknown manager" });
            var tenant = NudgeTenant.Resolve(options.Value, services);
            var managers = managerId is { Length: > 0 } one ? [one] : await roster.GetManagersAsync(tenant, ct).ConfigureAwait(false);
            foreach (var manager in managers)
                await queue.EnqueueAsync(new NudgeJob(NudgeJob.NudgeKind, tenant, manager, date, Force: force == true), ct).ConfigureAwait(false);
            return Results.Accepted(value: new { day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), enqueued = managers.Count, force = force == true });
        });

        group.MapGet("/not-installed", async (string? day, NotInstalledReport report, CancellationToken ct) =>
        {
            DateOnly? date = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            return Results.Ok(await report.ListAsync(date, ct).ConfigureAwait(false));
        });
        return app;
    }

    private static IResult TooManyRequests(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { error = "too many wrong admin keys; try again later" }, statusCode: StatusCodes.Status429TooManyRequests);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin endpoints throttled after repeated wrong keys")]
    private static partial void LogThrottled(ILogger logger);

    /// <summary>Constant-time comparison of SHA-256 digests (equal length whatever the inputs).</summary>
    internal static bool KeyMatches(string configured, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
