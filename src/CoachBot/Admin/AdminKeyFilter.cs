using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin;

/// <summary>
/// The one gate of every <c>/admin/*</c> group: with no <c>Admin:ApiKey</c> configured the endpoints do not exist (404);
/// otherwise <c>X-Admin-Key</c> must match (constant-time compare of SHA-256 digests), and wrong keys are throttled per
/// client address and overall (<see cref="AdminKeyThrottle"/>: 429 with Retry-After).
/// </summary>
public static partial class AdminKeyFilter
{
    public const string KeyHeader = "X-Admin-Key";

    /// <summary>Puts the admin-key check in front of every endpoint of <paramref name="group"/>.</summary>
    public static RouteGroupBuilder RequireAdminKey(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var configured = http.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue.UsableApiKey();
            if (string.IsNullOrEmpty(configured)) return Results.NotFound();
            // Throttled clients are refused before their key is looked at, so guessing on costs them nothing but time.
            var throttle = http.RequestServices.GetRequiredService<AdminKeyThrottle>();
            var client = AdminKeyThrottle.ClientOf(http.Connection.RemoteIpAddress);
            if (throttle.RetryAfter(client) is { } wait) return TooManyRequests(http, wait);
            var given = http.Request.Headers[KeyHeader].ToString();
            if (KeyMatches(configured, given)) return await next(context).ConfigureAwait(false);
            if (throttle.Failed(client))
                LogThrottled(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminKeyFilter).FullName!));
            return Results.Unauthorized();
        });
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
