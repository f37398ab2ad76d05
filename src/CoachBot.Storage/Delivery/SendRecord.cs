using Azure;

namespace CoachBot.Storage.Delivery;

/// <summary>States of a <see cref="SendRecord"/>.</summary>
public static class SendStates
{
    /// <summary>Claimed: a worker is building or sending; valid until <see cref="SendRecord.LeaseUntil"/>.</summary>
    public const string Sending = "sending";
    public const string Sent = "sent";
    /// <summary>The user has no conversation with CoachBot (app never installed); listed for admins.</summary>
    public const string NotInstalled = "notInstalled";
    /// <summary>Teams refused for good (bot removed or blocked).</summary>
    public const string Refused = "refused";
    /// <summary>Nothing new and the quiet card is switched off: deliberately nothing sent.</summary>
    public const string Skipped = "skipped";
    /// <summary>A card shown on demand ("my day"); not a delivery.</summary>
    public const string Viewed = "viewed";
}

/// <summary>
/// The once-only record of one delivery (a manager's nudge for a day, a plan's follow-up): who claimed it, whether it
/// went out, and for nudges the card's content snapshot (so buttons refresh the card without asking Graph again).
/// <see cref="Attempt"/> &gt; 1 with <see cref="Uncertain"/> means a claim was taken over after its lease expired: the
/// first attempt may or may not have reached Teams (a possible duplicate, logged and listed).
/// </summary>
public sealed record SendRecord(
    string TenantId,
    string UserKey,
    string SendKey,
    string State,
    int Attempt,
    DateTimeOffset LeaseUntil,
    string? Owner,
    string? ConversationId,
    string? ActivityId,
    string? ContentJson,
    bool Uncertain,
    DateTimeOffset UpdatedAt,
    ETag ETag);

public enum ClaimOutcome
{
    /// <summary>Nobody had it: send now.</summary>
    Claimed,
    /// <summary>A claim whose lease expired was taken over: send now, but the earlier attempt may have been delivered.</summary>
    TookOverStale,
    /// <summary>Already done (sent, not installed, refused or skipped) and not forced.</summary>
    AlreadyDone,
    /// <summary>Another worker holds a live claim.</summary>
    InFlight,
}

public sealed record ClaimResult(ClaimOutcome Outcome, SendRecord Record)
{
    public bool MaySend => Outcome is ClaimOutcome.Claimed or ClaimOutcome.TookOverStale;
}
