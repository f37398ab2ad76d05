using System.Text.Json;

namespace CoachBot.Teams.Schema;

/// <summary>
/// The body of <c>POST /v3/conversations</c>. For a Teams 1:1: isGroup false, exactly one member (the user's "29:" id),
/// tenantId and channelData.tenant.id (Teams needs the tenant; the bot is inferred from the token).
/// </summary>
public sealed class ConversationParameters
{
    public bool IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount> Members { get; set; } = [];
    public string? TenantId { get; set; }
    public string? TopicName { get; set; }
    public JsonElement? ChannelData { get; set; }

    public static ConversationParameters PersonalChat(string userId, string tenantId, string? botId) => new()
    {
        IsGroup = false,
        Bot = botId is null ? null : new ChannelAccount { Id = botId },
        Members = [new ChannelAccount { Id = userId }],
        TenantId = tenantId,
        ChannelData = JsonSerializer.SerializeToElement(new TenantChannelData(new TenantInfo(tenantId)), BotJson.Default.TenantChannelData),
    };
}

/// <summary>What <c>POST /v3/conversations</c> returns; Teams sends only the id for a 1:1.</summary>
public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

public sealed record TenantChannelData(TenantInfo Tenant);

public sealed record TenantInfo(string Id);
