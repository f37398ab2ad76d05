using System.Collections.Concurrent;
using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// Who gets nudges in a tenant: the managers (Entra <c>manager</c>, or the team mapping) of the reps who used CoachBot in
/// the last <see cref="NudgeOptions.ActiveRepDays"/>, the transitive user members of <see cref="NudgeOptions.SalesManagersGroupId"/>,
/// and <see cref="NudgeOptions.ManagerIds"/>. Recomputed every <see cref="NudgeOptions.ManagerRefreshInterval"/>; when Graph
/// or storage fails, the last good list stays in use (configured ids are always in it) and the refresh is retried sooner.
/// </summary>
internal sealed partial class ManagerRoster(
    CoachingStore store,
    ITeamDirectory team,
    IGroupDirectory groups,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    ILogger<ManagerRoster> logger) : IDisposable
{
    /// <summary>Graph calls at once while looking up reps' managers (directory reads are cheap; this keeps bursts polite).</summary>
    private const int LookupConcurrency = 4;

    private static readonly TimeSpan FailedRefreshRetry = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Roster> _rosters = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refresh = new(1, 1);

    private sealed record Roster(IReadOnlyList<string> Managers, HashSet<string> Set, DateTimeOffset RefreshAfter, bool Complete);

    /// <summary>The managers to nudge in <paramref name="tenantId"/>, sorted; from the cache unless it is due for a refresh.</summary>
    public async Task<IReadOnlyList<string>> GetManagersAsync(string tenantId, CancellationToken ct) => (await GetAsync(tenantId, ct).ConfigureAwait(false)).Managers;

    /// <summary>True when <paramref name="managerId"/> (Entra object id, any case) is one of the tenant's managers to nudge.</summary>
    public async Task<bool> IsKnownManagerAsync(string tenantId, string managerId, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(managerId) && (await GetAsync(tenantId, ct).ConfigureAwait(false)).Set.Contains(managerId);

    private async Task<Roster> GetAsync(string tenantId, CancellationToken ct)
    {
        if (_rosters.TryGetValue(tenantId, out var cached) && cached.RefreshAfter > time.GetUtcNow()) return cached;
        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_rosters.TryGetValue(tenantId, out cached) && cached.RefreshAfter > time.GetUtcNow()) return cached;
            var fresh = await RefreshAsync(tenantId, cached, ct).ConfigureAwait(false);
            _rosters[tenantId] = fresh;
            return fresh;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<Roster> RefreshAsync(string tenantId, Roster? previous, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var found = new ConcurrentDictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in o.ManagerIds.Where(id => !string.IsNullOrWhiteSpace(id))) found.TryAdd(id.Trim(), true);
        int reps = 0, fromReps = 0, fromGroup = 0;
        try
        {
            var active = await store.ListActiveUsersAsync(tenantId, now - TimeSpan.FromDays(o.ActiveRepDays), ct).ConfigureAwait(false);
            reps = active.Count;
            await Parallel.ForEachAsync(active, new ParallelOptions { MaxDegreeOfParallelism = LookupConcurrency, CancellationToken = ct }, async (rep, c) =>
            {
                if (await team.GetManagerAsync(rep, c).ConfigureAwait(false) is { } manager && found.TryAdd(manager.Id, true)) Interlocked.Increment(ref fromReps);
            }).ConfigureAwait(false);
            if (o.SalesManagersGroupId is { Length: > 0 } group)
                foreach (var id in await groups.GetTransitiveUserIdsAsync(group, ct).ConfigureAwait(false))
                    if (found.TryAdd(id, true)) fromGroup++;
        }
        catch (Exception ex) when (ex is GraphException or Azure.RequestFailedException)
        {
            LogDegraded(logger, ex, previous?.Complete == true);
            // The last good list, else what this attempt found (never less than the configured ids); retried soon either way.
            var retryAt = now + Min(FailedRefreshRetry, o.ManagerRefreshInterval);
            return previous is { Complete: true } ? previous with { RefreshAfter = retryAt } : Build(found.Keys, retryAt, complete: false);
        }
        LogRefreshed(logger, found.Count, reps, fromReps, fromGroup);
        return Build(found.Keys, now + o.ManagerRefreshInterval, complete: true);
    }

    private static Roster Build(IEnumerable<string> ids, DateTimeOffset refreshAfter, bool complete)
    {
        var set = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
        return new Roster([.. set.Order(StringComparer.OrdinalIgnoreCase)], set, refreshAfter, complete);
    }

    public void Dispose() => _refresh.Dispose();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Manager roster: {Managers} managers ({FromReps} found as managers of {Reps} active reps, {FromGroup} more from the sales-managers group)")]
    private static partial void LogRefreshed(ILogger logger, int managers, int reps, int fromReps, int fromGroup);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manager roster refresh failed; using the last good list: {HadGoodList}")]
    private static partial void LogDegraded(ILogger logger, Exception exception, bool hadGoodList);
}
