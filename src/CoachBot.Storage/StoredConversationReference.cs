namespace CoachBot.Storage;

/// <summary>What is kept to message a user later. Stale once the Connector said the bot is gone (403/404) or it was uninstalled.</summary>
public sealed record StoredConversationReference(
    string TenantId,
    string UserKey,
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string? ConversationType,
    string UserId,
    string? UserAadObjectId,
    string? UserName,
    string? BotId,
    string? Locale,
    DateTimeOffset UpdatedAt,
    bool IsStale);
