using System.Text.Json;
using Azure.Data.Tables;
using CoachBot.Storage.Turns;

namespace CoachBot.Storage.Conversations;

/// <summary>
/// The <c>ref|{conversation}</c> row of the <c>coaching</c> table: the Teams <c>ConversationReference</c> as one JSON
/// column (<c>Reference</c>) beside the keys and the columns that queries read or filter on (<c>IsStale</c>, which
/// <see cref="CoachingStore.FindTenantReferenceAsync"/> filters by; <c>UpdatedAt</c>; <c>TenantId</c> and <c>UserKey</c>,
/// which the escaped partition key cannot give back). Rows written before the JSON column held the reference as one
/// column per field; they are still read, and rewritten in the new shape the next time the reference is stored.
/// </summary>
internal static class ConversationReferenceRow
{
    private const string ReferenceColumn = "Reference";

    public static TableEntity ToEntity(StoredConversationReference r) => new(TableKeys.UserPartition(r.TenantId, r.UserKey), CoachingStore.ReferenceKey(r.ConversationId))
    {
        ["TenantId"] = r.TenantId,
        ["UserKey"] = r.UserKey,
        [ReferenceColumn] = JsonSerializer.Serialize(r.ToReference(), StorageJson.Default.ConversationReference),
        ["UpdatedAt"] = r.UpdatedAt,
        ["IsStale"] = r.IsStale,
    };

    public static StoredConversationReference FromEntity(TableEntity e)
    {
        var updatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue;
        var isStale = e.GetBoolean("IsStale") ?? false;
        if (e.GetString(ReferenceColumn) is { Length: > 0 } json
            && JsonSerializer.Deserialize(json, StorageJson.Default.ConversationReference) is { } reference)
            return StoredConversationReference.Of(e.GetString("TenantId"), e.GetString("UserKey"), reference, updatedAt) with { IsStale = isStale };

        // A row of the previous version: one column per field.
        return new(
            e.GetString("TenantId"), e.GetString("UserKey"), e.GetString("ServiceUrl"), e.GetString("ChannelId"), e.GetString("ConversationId"),
            e.GetString("ConversationType"), e.GetString("UserId"), e.GetString("UserAadObjectId"), e.GetString("UserName"), e.GetString("BotId"),
            e.GetString("Locale"), updatedAt, isStale);
    }
}
