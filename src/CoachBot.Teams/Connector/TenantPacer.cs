using System.Collections.Concurrent;

namespace CoachBot.Teams.Connector;

/// <summary>
/// One tenant's Connector calls from this process. Calls wait in a first-in-first-out line (<see cref="WaitTurnAsync"/>);
/// the call at its head leaves when <see cref="TryLeave"/> allows it: at an even pace under the budget (no bursts), and
/// only while this process sent fewer than its quota in the last window, so a timer that fired late cannot bunch calls
/// (instances sharing a per-second budget would earn 429s that way on a loaded machine). A call that gives up (its
/// turn ran out of time) simply leaves the line: it holds no slot, so calls behind it move up and no slot goes unused,
/// however many give up. Both limits are read on every call, so a new share applies at once. <see cref="Pause"/>
/// honours Teams' Retry-After for the tenant.
/// </summary>
public sealed class TenantPacer(ConnectorBudget budget, TimeProvider time, int queueLimit) : IDisposable
{
    private readonly ConcurrentDictionary<string, Slot> _tenants = new(StringComparer.Ordinal);

    /// <summary>Waits in the tenant's line until this call may leave, and records it leaving. Throws when the line is full.</summary>
    public async ValueTask WaitTurnAsync(string tenant, CancellationToken ct)
    {
        if (budget.PerInstancePerSecond <= 0) return;
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        if (Interlocked.Increment(ref slot.Waiting) > queueLimit)
        {
            Interlocked.Decrement(ref slot.Waiting);
            throw new RateLimitExceededException("Too many queued Connector calls for one tenant.");
        }
        try
        {
            // SemaphoreSlim releases its asynchronous waiters in arrival order, and a cancelled waiter leaves the line.
            await slot.Head.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                while (TryLeave(slot) is var wait && wait > TimeSpan.Zero) await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
            finally
            {
                slot.Head.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref slot.Waiting);
        }
    }

    /// <summary>
    /// Records a call leaving now and returns zero, or returns how long until one may: the pace since the last call
    /// (and any Retry-After pause), and this process's quota for the window.
    /// </summary>
    public TimeSpan TryLeave(string tenant) => TryLeave(_tenants.GetOrAdd(tenant, _ => new Slot()));

    private TimeSpan TryLeave(Slot slot)
    {
        var rate = budget.PerInstancePerSecond;
        if (rate <= 0) return TimeSpan.Zero;
        lock (slot)
        {
            var now = time.GetUtcNow();
            var wait = slot.Next - now;
            var quota = WaitForQuota(slot, budget.PerInstancePerWindow, now);
            if (quota > wait) wait = quota;
            if (wait > TimeSpan.Zero) return wait;
            // Paced from the planned departure, not the actual one, so a timer firing a little late costs no throughput
            // (the quota above still holds the window); from now after an idle spell, so no burst is saved up.
            var interval = TimeSpan.FromSeconds(1 / rate);
            var from = slot.Next > now - interval ? slot.Next : now;
            slot.Next = from + interval;
            slot.Sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    /// <summary>Takes a slot only if one is free now and nobody is waiting in the line (typing indicators: worthless late).</summary>
    public bool TryTake(string tenant)
    {
        if (budget.PerInstancePerSecond <= 0) return true;
        var slot = _tenants.GetOrAdd(tenant, _ => new Slot());
        return Volatile.Read(ref slot.Waiting) == 0 && TryLeave(slot) == TimeSpan.Zero;
    }

    /// <summary>Teams answered 429 with a Retry-After: no call to this tenant leaves before it has passed.</summary>
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

    public void Dispose()
    {
        foreach (var slot in _tenants.Values) slot.Dispose();
    }

    private sealed class Slot : IDisposable
    {
        public readonly SemaphoreSlim Head = new(1, 1);
        public int Waiting;
        public DateTimeOffset Next;
        public readonly Queue<DateTimeOffset> Sent = new();

        public void Dispose() => Head.Dispose();
    }
}
