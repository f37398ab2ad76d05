using System.Collections.Concurrent;
using CoachBot.Graph;
using CoachBot.Graph.Directory;

namespace CoachBot.Managers;

/// <summary>
/// Whether a user is a manager CoachBot serves: someone with reps in the directory (Entra's manager relationship, or the
/// team mapping file). Asked only for commands whose meaning depends on the role, and cached, so coaching turns never
/// wait on Graph. A Graph outage makes nobody a manager for a minute: the user gets the rep's answer, not an error, and
/// a user who repeats a command ("help") during the outage does not send Graph a failing call (and log it) each time.
/// </summary>
internal sealed partial class ManagerRoles(ITeamDirectory team, TimeProvider time, ILogger<ManagerRoles> logger)
{
    private static readonly TimeSpan CacheTime = TimeSpan.FromHours(1);
    private static readonly TimeSpan FailureCacheTime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (bool IsManager, DateTimeOffset Until)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> IsManagerAsync(string? userId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(userId)) return false;
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(userId, out var cached) && cached.Until > now) return cached.IsManager;
        try
        {
            var isManager = (await team.GetRepsAsync(userId, ct).ConfigureAwait(false)).Count > 0;
            _cache[userId] = (isManager, now + CacheTime);
            return isManager;
        }
        catch (GraphException ex)
        {
            LogLookupFailed(logger, ex.Kind.ToString());
            _cache[userId] = (false, now + FailureCacheTime);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell whether a user is a manager (Graph: {Failure}); answering as to a rep")]
    private static partial void LogLookupFailed(ILogger logger, string failure);
}
