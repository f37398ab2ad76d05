using Azure;

namespace CoachBot.Storage.Turns;

/// <summary>
/// One processed inbound activity and CoachBot's answer to it. Its row key is derived from the activity id,
/// so a duplicate delivery collides with it and is recognised.
/// </summary>
public sealed record TurnRecord(
    string TenantId,
    string UserKey,
    string ConversationId,
    string ActivityId,
    string? RepAadObjectId,
    string RepTeamsId,
    string Kind,
    string? Topic,
    string Stage,
    string? QuestionId,
    string BotText,
    string? RepText,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? RepliedAt)
{
    /// <summary>
    /// The most of a rep's message kept with a turn. An Azure Tables string property holds at most 64 KiB (32K UTF-16
    /// characters); a longer paste is stored clipped rather than failing the turn (the engine reads it whole).
    /// </summary>
    public const int MaxRepTextLength = 16_000;

    /// <summary>
    /// The sending lease: until this moment one delivery of the activity holds the right to send the stored reply, so a
    /// concurrent duplicate waits instead of sending too. Null or past: free to be taken (ETag-conditional).
    /// </summary>
    public DateTimeOffset? SendingUntil { get; init; }

    /// <summary>The process (<see cref="Fleet.FleetMember.Id"/>) that took the sending lease; null on rows from before the fleet table.</summary>
    public string? SendingBy { get; init; }

    /// <summary>When that process took the lease, on its own clock: compared with its reply watermark.</summary>
    public DateTimeOffset? SendingSince { get; init; }

    /// <summary>A lease given back after a failed send: a moment long past (a merge cannot remove a property).</summary>
    public static readonly DateTimeOffset LeaseReleased = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last sender gave the lease back (its send failed): the reply has not gone out.</summary>
    public bool IsReleased => SendingUntil is { } until && until <= LeaseReleased;

    /// <summary>
    /// Whether the reply is known to have gone out without a "replied" mark: the process that holds the lease has since
    /// published a watermark past the moment it took it, and did not give the lease back. A process publishes its
    /// watermark only past sends that succeeded or whose lease it released (see the host's ReplySends), so this is
    /// "sent". False when the holder died (or lost storage) before publishing past it: then the reply may not have gone
    /// out, and a redelivery sends it once the lease ran out.
    /// </summary>
    public bool IsSettledBy(Fleet.FleetMember? holder) =>
        RepliedAt is not null
        || (holder is not null && SendingBy == holder.Id && SendingSince is { } since && !IsReleased
            && (since < holder.SettledBefore || holder.SentAfter.Contains(Fleet.FleetMember.SentKeyOf(SendKey))));

    /// <summary>The key of this turn's reply send (tenant, user, conversation, activity): what a holder settles and names.</summary>
    public string SendKey => SendKeyOf(TenantId, UserKey, ConversationId, ActivityId);

    public static string SendKeyOf(string tenantId, string userKey, string conversationId, string activityId) =>
        TableKeys.Join(tenantId, userKey, conversationId, activityId);

    /// <summary>The row's version as read or written, for conditional updates of the lease.</summary>
    public ETag ETag { get; init; }

    public static string? ClipRepText(string? text) => text is { Length: > MaxRepTextLength } ? text[..MaxRepTextLength] + "…" : text;
}
