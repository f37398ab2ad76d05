using System.Collections.Concurrent;
using CoachBot.Storage.Signals;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// Team signals are stored one partition per tenant and day, so every manager of a tenant reads the same partitions.
/// During a fan-out each instance reads each (tenant, day) once per <see cref="NudgeOptions.SignalCacheTime"/> instead
/// of once per manager (10,000 managers would otherwise re-read the whole tenant's day 10,000 times).
/// </summary>
internal sealed class SignalCache(TeamSignalStore store, TimeProvider time, IOptions<NudgeOptions> options)
{
    private readonly ConcurrentDictionary<(string Tenant, DateOnly Day), (Task<IReadOnlyList<TeamSignal>> Signals, DateTimeOffset Until)> _entries = new();

    public async Task<IReadOnlyList<TeamSignal>> ListAsync(string tenantId, DateOnly day, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var key = (tenantId, day);
        if (_entries.TryGetValue(key, out var entry) && entry.Until > now && !entry.Signals.IsFaulted && !entry.Signals.IsCanceled)
            return await entry.Signals.WaitAsync(ct).ConfigureAwait(false);
        // Concurrent misses may each read once; the last one wins. The read is not tied to one caller's cancellation.
        var fresh = store.ListAsync(tenantId, day, CancellationToken.None);
        _entries[key] = (fresh, now + options.Value.SignalCacheTime);
        if (_entries.Count > 1000)
        {
            foreach (var old in _entries.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList()) _entries.TryRemove(old, out _);
        }
        return await fresh.WaitAsync(ct).ConfigureAwait(false);
    }
}
