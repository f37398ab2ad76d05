using CoachBot.Teams.Schema;

namespace CoachBot.Storage.Conversations;

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
    bool IsStale)
{
    /// <summary>The row for <paramref name="reference"/>, kept under the verified tenant and the user's key.</summary>
    public static StoredConversationReference Of(string tenantId, string userKey, ConversationReference reference, DateTimeOffset now) =>
        new(tenantId, userKey, reference.ServiceUrl, reference.ChannelId, reference.ConversationId, reference.ConversationType,
            reference.UserId, reference.UserAadObjectId, reference.UserName, reference.BotId, reference.Locale, now, IsStale: false);

    /// <summary>The reference to continue this conversation with (<c>ConnectorClient.ContinueConversationAsync</c>).</summary>
    public ConversationReference ToReference() =>
        new(ServiceUrl, ChannelId, ConversationId, ConversationType, TenantId, UserId, UserAadObjectId, UserName, BotId, BotName: null, Locale);
}
