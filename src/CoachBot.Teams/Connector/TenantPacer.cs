using System.Collections.Concurrent;

namespace CoachBot.Teams.Connector;

/// <summary>
/// One tenant's Connector calls from this process, in two steps. <see cref="Reserve"/> hands each call the next even
/// slot at the budget's pace (read on every call, so a new share applies at once): no bursts, and calls keep their order.
/// <see cref="Admit"/> runs when the call actually leaves and holds it while this process already sent its quota in the
/// last window: a timer or thread that fired late must not bunch calls together, which is how instances sharing a
/// per-second budget would earn 429s on a loaded machine. <see cref="Pause"/> honours Teams' Retry-After for the tenant.
/// </summary>
public sealed class TenantPacer(ConnectorBudget budget, TimeProvider time, int queueLimit)
{
    private readonly ConcurrentDictionary<string, Slot> _tenants = new(StringComparer.Ordinal);

    /// <summary>Reserves the next slot; returns how long to wait for it. Throws when the queue is full.</summary>
    public TimeSpan Reserve(string tenant)
    {
        var rate = budget.PerInstancePerSecond;
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

    /// <summary>Records a call leaving now and returns zero, or returns how long to wait before asking again.</summary>
    public TimeSpan Admit(string tenant)
    {
        var quota = budget.PerInstancePerWindow;
        if (quota <= 0) return TimeSpan.Zero;
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        lock (slot)
        {
            var now = time.GetUtcNow();
            var wait = WaitForQuota(slot, quota, now);
            if (wait > TimeSpan.Zero) return wait;
            slot.Sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Takes a slot only if one is free now, both by pace and by quota.</summary>
    public bool TryTake(string tenant)
    {
        var rate = budget.PerInstancePerSecond;
        if (rate <= 0) return true;
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        lock (slot)
        {
            var now = time.GetUtcNow();
            if (slot.Next > now || WaitForQuota(slot, budget.PerInstancePerWindow, now) > TimeSpan.Zero) return false;
            slot.Next = now + TimeSpan.FromSeconds(1 / rate);
            slot.Sent.Enqueue(now);
            return true;
        }
    }

    /// <summary>Teams answered 429 with a Retry-After: no new slot for this tenant starts before it has passed.</summary>
    public void Pause(string tenant, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero) return;
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        lock (slot)
        {
            var until = time.GetUtcNow() + wait;
            if (slot.Next < until) slot.Next = until;
        }
    }

    private static TimeSpan WaitForQuota(Slot slot, int quota, DateTimeOffset now)
    {
        while (slot.Sent.Count > 0 && now - slot.Sent.Peek() >= ConnectorBudget.Window) slot.Sent.Dequeue();
        if (slot.Sent.Count < quota) return TimeSpan.Zero;
        // The quota may have shrunk since these were sent: wait for enough of them to leave the window.
        return slot.Sent.ElementAt(slot.Sent.Count - quota) + ConnectorBudget.Window - now;
    }

    private sealed class Slot
    {
        public DateTimeOffset Next;
        public readonly Queue<DateTimeOffset> Sent = new();
    }
}
