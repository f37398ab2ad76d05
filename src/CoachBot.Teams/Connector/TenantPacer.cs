using System.Collections.Concurrent;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Spaces one tenant's Connector calls evenly at a rate read on every call (so a change of this instance's share applies
/// at once): each call is given the next free slot, one interval after the previous one. No bursts: that is what lets
/// instances share a per-second budget without counting each other's calls (<see cref="ConnectorBudget"/>).
/// </summary>
public sealed class TenantPacer(Func<double> perSecond, TimeProvider time, int queueLimit)
{
    private readonly ConcurrentDictionary<string, Slot> _tenants = new(StringComparer.Ordinal);

    /// <summary>Reserves the next slot; returns how long to wait for it. Throws when the queue is full.</summary>
    public TimeSpan Reserve(string tenant)
    {
        var rate = perSecond();
        if (rate <= 0) return TimeSpan.Zero;
        var interval = TimeSpan.FromSeconds(1 / rate);
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        lock (slot)
        {
            var now = time.GetUtcNow();
            var at = slot.Next > now ? slot.Next : now;
            if (at - now > interval * queueLimit) throw new RateLimitExceededException("Too many queued Connector calls for one tenant.");
            slot.Next = at + interval;
            return at - now;
        }
    }

    /// <summary>Takes a slot only if one is free now.</summary>
    public bool TryTake(string tenant)
    {
        var rate = perSecond();
        if (rate <= 0) return true;
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        lock (slot)
        {
            var now = time.GetUtcNow();
            if (slot.Next > now) return false;
            slot.Next = now + TimeSpan.FromSeconds(1 / rate);
            return true;
        }
    }

    private sealed class Slot
    {
        public DateTimeOffset Next;
    }
}
