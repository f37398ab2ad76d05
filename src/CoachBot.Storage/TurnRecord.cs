using Azure;

namespace CoachBot.Storage;

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

    /// <summary>The row's version as read or written, for conditional updates of the lease.</summary>
    public ETag ETag { get; init; }

    public static string? ClipRepText(string? text) => text is { Length: > MaxRepTextLength } ? text[..MaxRepTextLength] + "…" : text;
}
