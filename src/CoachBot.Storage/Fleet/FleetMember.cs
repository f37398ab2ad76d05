namespace CoachBot.Storage.Fleet;

/// <summary>
/// One running CoachBot process as the <c>fleet</c> table last heard of it. <see cref="RenewedAt"/> says it is alive (the
/// live ones share the Teams budget); <see cref="SettledBefore"/> is its reply watermark: every reply this process started
/// to send before that moment has been sent or given back (its lease released), so a stored turn it held then needs no
/// "replied" mark of its own (<see cref="TurnRecord.IsSettledBy"/>). Times are the process's own clock.
/// </summary>
public sealed record FleetMember(string Id, DateTimeOffset StartedAt, DateTimeOffset RenewedAt, DateTimeOffset SettledBefore, DateTimeOffset? StoppedAt)
{
    /// <summary>Alive as of <paramref name="now"/>: renewed within <paramref name="liveFor"/> and not stopped.</summary>
    public bool IsLive(DateTimeOffset now, TimeSpan liveFor) => StoppedAt is null && RenewedAt > now - liveFor;
}
