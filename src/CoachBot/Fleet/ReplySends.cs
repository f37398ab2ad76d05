using CoachBot.Storage.Turns;

namespace CoachBot.Fleet;

/// <summary>
/// This process's replies between "lease taken" and "sent or given back", and the watermark derived from them: every
/// send started before <see cref="Watermark"/> is settled. <see cref="FleetMembership"/> publishes the watermark in the
/// process's <c>fleet</c> row a few times a second, which is what lets a turn go without a "replied" write of its own
/// (<see cref="Storage.Turns.TurnRecord.IsSettledBy"/>). One lock orders the clock reads of <see cref="Begin"/> and
/// <see cref="Watermark"/>: a send begun after a watermark was read always has a later start than that watermark.
/// </summary>
internal sealed class ReplySends(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _unsettled = new(StringComparer.Ordinal);
    // Sent replies that started after the watermark, by start (oldest first): published by name until it passes them.
    private readonly Queue<(DateTimeOffset Since, string Sent)> _sentAfter = new();

    /// <summary>The key of one stored turn's send (tenant, user, conversation, activity).</summary>
    public static string KeyOf(Storage.Turns.TurnRecord turn) => (turn ?? throw new ArgumentNullException(nameof(turn))).SendKey;

    public static string KeyOf(string tenantId, string userKey, string conversationId, string activityId) =>
        Storage.Turns.TurnRecord.SendKeyOf(tenantId, userKey, conversationId, activityId);

    /// <summary>This process's id in the <c>fleet</c> table: fresh for every start, so a restarted process is a new member.</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A send of the turn <paramref name="key"/> is about to hold its lease; returns the lease's start to store with it.</summary>
    public DateTimeOffset Begin(string key)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _unsettled[key] = now;
            return now;
        }
    }

    /// <summary>Its lease was given back, or never stored: no longer holds the watermark.</summary>
    public void Settle(string key)
    {
        lock (_gate)
        {
            if (_unsettled.Remove(key)) _settled++;
        }
    }

    /// <summary>The reply went out: no longer holds the watermark, and is published by name until the watermark passes it.</summary>
    public void Sent(string key)
    {
        lock (_gate)
        {
            if (!_unsettled.Remove(key, out var since)) return;
            _settled++;
            _sentAfter.Enqueue((since, Storage.Fleet.FleetMember.SentKeyOf(key)));
        }
    }

    /// <summary>
    /// The watermark and the sends at or after it that went out (newest <see cref="Storage.Fleet.FleetMember.MaxSentAfter"/>),
    /// read together. Names the watermark has passed are dropped for good.
    /// </summary>
    public (DateTimeOffset Watermark, IReadOnlySet<string> SentAfter) Snapshot()
    {
        lock (_gate)
        {
            var watermark = Watermark();
            // Sends start in order (one lock, one clock), so the queue is ordered by start.
            while (_sentAfter.TryPeek(out var oldest) && (oldest.Since < watermark || _sentAfter.Count > Storage.Fleet.FleetMember.MaxSentAfter))
                _sentAfter.Dequeue();
            return (watermark, _sentAfter.Select(s => s.Sent).ToHashSet(StringComparer.Ordinal));
        }
    }

    private long _settled;

    /// <summary>How many sends have settled since start: the watermark is worth publishing only when this moved.</summary>
    public long Settled
    {
        get { lock (_gate) return _settled; }
    }

    /// <summary>Still being sent (or failed with its lease not given back yet) by this process.</summary>
    public bool IsUnsettled(string key)
    {
        lock (_gate) return _unsettled.ContainsKey(key);
    }

    public int Count
    {
        get { lock (_gate) return _unsettled.Count; }
    }

    /// <summary>The earliest start of an unsettled send, or now when there is none.</summary>
    public DateTimeOffset Watermark()
    {
        // Re-entered from Snapshot, which already holds the lock (Lock is re-entrant).
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var since in _unsettled.Values) if (since < now) now = since;
            return now;
        }
    }
}
