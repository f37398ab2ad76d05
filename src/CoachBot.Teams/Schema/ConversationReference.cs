namespace CoachBot.Teams.Schema;

/// <summary>Everything needed to message a conversation later, captured from an inbound activity.</summary>
public sealed record ConversationReference(
    string ServiceUrl,
    string ChannelId,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string UserId,
    string? UserAadObjectId,
    string? UserName,
    string? BotId,
    string? BotName,
    string? Locale)
{
    public static ConversationReference? From(Activity a) =>
        a.ServiceUrl is null || a.Conversation?.Id is null || a.From?.Id is null
            ? null
            : new(a.ServiceUrl, a.ChannelId ?? Channels.MsTeams, a.Conversation.Id, a.Conversation.ConversationType, a.TenantId,
                a.From.Id, a.From.AadObjectId, a.From.Name, a.Recipient?.Id, a.Recipient?.Name, a.Locale);
}
