using Azure;
using CoachBot.Storage.Conversations;

namespace CoachBot.Storage.Erasure;

/// <summary>States of an <see cref="ErasureJob"/>.</summary>
public static class ErasureStates
{
    /// <summary>Recorded; some of the rep's rows may still exist.</summary>
    public const string Pending = "pending";
    /// <summary>Every eraser finished; the rep has not been told yet.</summary>
    public const string Erased = "erased";
    /// <summary>Told (or could not be told): only a tombstone of hashes is left, until it expires.</summary>
    public const string Done = "done";
}

/// <summary>
/// One "forget me" in progress: whose data (<see cref="TenantId"/>, <see cref="UserKey"/>), which activity confirmed it
/// (<see cref="ActivityHash"/>, so its redelivery is recognised), and where to confirm (<see cref="Reference"/>). The
/// holder of an unexpired <see cref="LeaseUntil"/> is the one that works on it; every change is ETag-conditional. A done
/// job keeps no ids: tenant, user and reference are cleared, the key and activity are SHA-256 hashes.
/// </summary>
public sealed record ErasureJob(
    string Key,
    string State,
    string? TenantId,
    string? UserKey,
    string ActivityHash,
    StoredConversationReference? Reference,
    DateTimeOffset RequestedAt,
    DateTimeOffset LeaseUntil,
    int Attempts,
    DateTimeOffset? ErasedAt,
    DateTimeOffset? ExpiresAt,
    bool Confirmed,
    ETag ETag);
