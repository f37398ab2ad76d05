using Azure;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// A delivery row of the <c>nudgesends</c> table (<see cref="SendLedger"/>), row key = the job's send key: its properties
/// are the row's columns. Every write replaces the whole row (claims are ETag-conditional), so this one class is all of it.
/// </summary>
internal sealed class SendEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? Kind { get; set; }
    /// <summary>yyyy-MM-dd (retention and the admin listing filter on it).</summary>
    public string? Day { get; set; }
    public string? State { get; set; }
    public int? Attempt { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? Owner { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? ContentJson { get; set; }
    public bool? Uncertain { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The row of <paramref name="r"/>; kind and day come from its send key (<c>{kind}|{day}[|{plan}]</c>).</summary>
    public static SendEntity From(SendRecord r)
    {
        var parts = r.SendKey.Split(TableKeys.Separator);
        return new SendEntity
        {
            PartitionKey = TableKeys.UserPartition(r.TenantId, r.UserKey),
            RowKey = r.SendKey,
            TenantId = r.TenantId,
            UserKey = r.UserKey,
            Kind = parts[0],
            Day = parts.Length > 1 ? parts[1] : null,
            State = r.State,
            Attempt = r.Attempt,
            LeaseUntil = r.LeaseUntil,
            Owner = r.Owner,
            ConversationId = r.ConversationId,
            ActivityId = r.ActivityId,
            ContentJson = r.ContentJson,
            Uncertain = r.Uncertain,
            UpdatedAt = r.UpdatedAt,
        };
    }

    public SendRecord ToRecord() => new(
        TenantId!, UserKey!, RowKey, State!, Attempt ?? 1, LeaseUntil ?? DateTimeOffset.MinValue, Owner, ConversationId, ActivityId, ContentJson,
        Uncertain ?? false, UpdatedAt ?? DateTimeOffset.MinValue, ETag);
}
