using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Schema;

/// <summary>
/// A Bot Framework activity, with the fields Teams uses. Unknown fields are kept in
/// <see cref="Extra"/> so nothing the channel sends is lost when an activity is stored or echoed.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Text { get; set; }
    public string? Locale { get; set; }
    public string? ReplyToId { get; set; }
    public string? Action { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The tenant, from <c>conversation.tenantId</c> or, in older Teams payloads, <c>channelData.tenant.id</c>.</summary>
    [JsonIgnore]
    public string? TenantId => Conversation?.TenantId ?? ChannelDataTenantId();

    /// <summary>Tenantless activities come only from local tools; they get a tenant of their own so they never mix with a real one.</summary>
    public const string NoTenant = "no-tenant";

    /// <summary>The stable key of the sender (Entra object id when Teams sends it, else the channel's user id): their data's key.</summary>
    [JsonIgnore]
    public string UserKey => From?.AadObjectId ?? From?.Id ?? "unknown";

    /// <summary>The tenant named in <c>channelData.tenant.id</c>, if any.</summary>
    public string? ChannelDataTenantId() =>
        ChannelData is { ValueKind: JsonValueKind.Object } cd
        && cd.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
        && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>Adds an Adaptive Card attachment (as JSON) to this activity and returns it.</summary>
    public Activity WithCard(JsonElement card)
    {
        (Attachments ??= []).Add(new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card });
        return this;
    }

    /// <summary>Builds a reply addressed back to the sender, in the same conversation, as the SDK's CreateReply does.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation is null ? null : new ConversationAccount
        {
            Id = Conversation.Id,
            ConversationType = Conversation.ConversationType,
            TenantId = TenantId,
            IsGroup = Conversation.IsGroup,
        },
        ReplyToId = Id,
        Text = text,
        TextFormat = text is null ? null : TextFormats.Markdown,
        Locale = Locale,
    };
}
