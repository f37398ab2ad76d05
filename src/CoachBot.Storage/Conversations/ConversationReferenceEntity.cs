using System.Text.Json;
using CoachBot.Storage.Turns;

namespace CoachBot.Storage.Conversations;

/// <summary>
/// The <c>ref|{conversation}</c> row of the <c>coaching</c> table: the Teams <c>ConversationReference</c> as one JSON
/// column (<see cref="Reference"/>) beside the keys and the columns that queries read or filter on (<see cref="IsStale"/>,
/// which <see cref="CoachingStore.FindTenantReferenceAsync"/> filters by; <see cref="UpdatedAt"/>; <see cref="TenantId"/>
/// and <see cref="UserKey"/>, which the escaped partition key cannot give back). Rows written before the JSON column held
/// the reference as one column per field (the legacy columns below, never written now: null is not stored); they are
/// still read, and rewritten in the new shape the next time the reference is stored.
/// </summary>
internal sealed class ConversationReferenceEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public bool? IsStale { get; set; }

    // The previous version's columns, read only.
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public string? ConversationId { get; set; }
    public string? ConversationType { get; set; }
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    public string? UserName { get; set; }
    public string? BotId { get; set; }
    public string? Locale { get; set; }

    public static ConversationReferenceEntity From(StoredConversationReference r) => new()
    {
        PartitionKey = TableKeys.UserPartition(r.TenantId, r.UserKey),
        RowKey = CoachingStore.ReferenceKey(r.ConversationId),
        TenantId = r.TenantId,
        UserKey = r.UserKey,
        Reference = JsonSerializer.Serialize(r.ToReference(), StorageJson.Default.ConversationReference),
        UpdatedAt = r.UpdatedAt,
        IsStale = r.IsStale,
    };

    public StoredConversationReference ToRecord()
    {
        var updatedAt = UpdatedAt ?? DateTimeOffset.MinValue;
        var isStale = IsStale ?? false;
        if (Reference is { Length: > 0 } json
            && JsonSerializer.Deserialize(json, StorageJson.Default.ConversationReference) is { } reference)
            return StoredConversationReference.Of(TenantId!, UserKey!, reference, updatedAt) with { IsStale = isStale };

        // A row of the previous version: one column per field.
        return new(TenantId!, UserKey!, ServiceUrl!, ChannelId!, ConversationId!, ConversationType, UserId!, UserAadObjectId, UserName, BotId,
            Locale, updatedAt, isStale);
    }
}
