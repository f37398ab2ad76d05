using CoachBot.Storage.Turns;

namespace CoachBot.Storage.Fleet;

/// <summary>
/// One running CoachBot process as the <c>fleet</c> table last heard of it. <see cref="RenewedAt"/> says it is alive (the
/// live ones share the Teams budget); <see cref="SettledBefore"/> is its reply watermark: every reply this process started
/// to send before that moment has been sent or given back (its lease released), so a stored turn it held then needs no
/// "replied" mark of its own (<see cref="TurnRecord.IsSettledBy"/>). <see cref="SentAfter"/> names the replies it sent
/// that started after the watermark (which one slow send holds back): without them, a crash would leave every reply sent
/// behind a slow one looking unsent, and the restart would send it again. Times are the process's own clock.
/// </summary>
public sealed record FleetMember(string Id, DateTimeOffset StartedAt, DateTimeOffset RenewedAt, DateTimeOffset SettledBefore, DateTimeOffset? StoppedAt)
{
    /// <summary>At most this many sent keys are published (13 characters each: well inside a table property's 64 KiB).</summary>
    public const int MaxSentAfter = 2000;

    /// <summary><see cref="SentKeyOf"/> of replies sent that started at or after <see cref="SettledBefore"/>.</summary>
    public IReadOnlySet<string> SentAfter { get; init; } = EmptySet;

    /// <summary>
    /// A short, one-way name for a turn's send key (tenant, user, conversation, activity): 48 bits of its SHA-256, so the
    /// row carries no ids, and a collision among a process's last few thousand sends is vanishingly unlikely.
    /// </summary>
    public static string SentKeyOf(string turnKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(turnKey)))[..12];

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>Alive as of <paramref name="now"/>: renewed within <paramref name="liveFor"/> and not stopped.</summary>
    public bool IsLive(DateTimeOffset now, TimeSpan liveFor) => StoppedAt is null && RenewedAt > now - liveFor;
}
