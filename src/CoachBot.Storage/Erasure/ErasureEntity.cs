using System.Text.Json;
using Azure;
using CoachBot.Storage.Conversations;

namespace CoachBot.Storage.Erasure;

/// <summary>The row of the <c>erasures</c> table (<see cref="ErasureStore"/>): partition = the job's key, row key "job".</summary>
internal sealed class ErasureEntity : TableRow
{
    public string? State { get; set; }
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? ActivityHash { get; set; }
    /// <summary>The <see cref="StoredConversationReference"/> to confirm to, as JSON.</summary>
    public string? Reference { get; set; }
    public DateTimeOffset? RequestedAt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? Attempts { get; set; }
    public DateTimeOffset? ErasedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public bool? Confirmed { get; set; }

    public static ErasureEntity From(ErasureJob j, string rowKey) => new()
    {
        PartitionKey = j.Key,
        RowKey = rowKey,
        State = j.State,
        TenantId = j.TenantId,
        UserKey = j.UserKey,
        ActivityHash = j.ActivityHash,
        Reference = j.Reference is null ? null : JsonSerializer.Serialize(j.Reference, StorageJson.Default.StoredConversationReference),
        RequestedAt = j.RequestedAt,
        LeaseUntil = j.LeaseUntil,
        Attempts = j.Attempts,
        ErasedAt = j.ErasedAt,
        ExpiresAt = j.ExpiresAt,
        Confirmed = j.Confirmed,
    };

    public ErasureJob ToRecord() => new(
        PartitionKey, State ?? ErasureStates.Pending, TenantId, UserKey, ActivityHash ?? "",
        Reference is { Length: > 0 } json ? JsonSerializer.Deserialize(json, StorageJson.Default.StoredConversationReference) : null,
        RequestedAt ?? DateTimeOffset.MinValue, LeaseUntil ?? DateTimeOffset.MinValue, Attempts ?? 1, ErasedAt, ExpiresAt, Confirmed ?? false, ETag);
}
