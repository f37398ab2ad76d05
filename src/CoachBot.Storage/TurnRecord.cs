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
    DateTimeOffset? RepliedAt);
