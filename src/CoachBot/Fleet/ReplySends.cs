namespace CoachBot.Fleet;

/// <summary>
/// This process's replies between "lease taken" and "sent or given back", and the watermark derived from them: every
/// send started before <see cref="Watermark"/> is settled. <see cref="FleetMembership"/> publishes the watermark in the
/// process's <c>fleet</c> row a few times a second, which is what lets a turn go without a "replied" write of its own
/// (<see cref="Storage.TurnRecord.IsSettledBy"/>). One lock orders the clock reads of <see cref="Begin"/> and
/// <see cref="Watermark"/>: a send begun after a watermark was read always has a later start than that watermark.
/// </summary>
internal sealed class ReplySends(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _unsettled = new(StringComparer.Ordinal);

    /// <summary>The key of one stored turn's send (tenant, user, conversation, activity).</summary>
    public static string KeyOf(Storage.TurnRecord turn) =>
        KeyOf((turn ?? throw new ArgumentNullException(nameof(turn))).TenantId, turn.UserKey, turn.ConversationId, turn.ActivityId);

    public static string KeyOf(string tenantId, string userKey, string conversationId, string activityId) =>
        Storage.TableKeys.Join(tenantId, userKey, conversationId, activityId);

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

    /// <summary>The reply went out, or its lease was given back, or the lease was never stored: no longer holds the watermark.</summary>
    public void Settle(string key)
    {
        lock (_gate)
        {
            if (_unsettled.Remove(key)) _settled++;
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
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var since in _unsettled.Values) if (since < now) now = since;
            return now;
        }
    }
}
