using CoachBot.Teams.Auth;
namespace CoachBot.Teams.Hosting;

/// <summary>
/// An activity that was acknowledged (200) before its turn finished, as persisted in the acknowledged-turn table: the
/// request body as received, what auth verified about its caller, and the entry's lease. <see cref="Key"/> and
/// <see cref="Version"/> are the store's own (opaque here).
/// </summary>
public sealed record AcknowledgedTurn(string Key, ReadOnlyMemory<byte> Activity, VerifiedCaller Caller, DateTimeOffset AcknowledgedAt, int Attempts)
{
    /// <summary>The entry's version when it was written or taken (for the store's conditional updates).</summary>
    public string? Version { get; init; }
}
