using Azure;

namespace CoachBot.Storage.Turns;

/// <summary>
/// The <c>turn|{conversation}|{activity}</c> row of the <c>coaching</c> table: its properties are the row's columns.
/// The sending lease columns are also written alone by <see cref="TurnLeasePatch"/>.
/// </summary>
internal sealed class TurnEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? ConversationId { get; set; }
    public string? ActivityId { get; set; }
    public string? RepAadObjectId { get; set; }
    public string? RepTeamsId { get; set; }
    public string? Kind { get; set; }
    public string? Topic { get; set; }
    public string? Stage { get; set; }
    public string? QuestionId { get; set; }
    public string? BotText { get; set; }
    public string? RepText { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public DateTimeOffset? SendingUntil { get; set; }
    public string? SendingBy { get; set; }
    public DateTimeOffset? SendingSince { get; set; }

    public static TurnEntity From(TurnRecord t) => new()
    {
        PartitionKey = TableKeys.UserPartition(t.TenantId, t.UserKey),
        RowKey = CoachingStore.TurnKey(t.ConversationId, t.ActivityId),
        TenantId = t.TenantId,
        UserKey = t.UserKey,
        ConversationId = t.ConversationId,
        ActivityId = t.ActivityId,
        RepAadObjectId = t.RepAadObjectId,
        RepTeamsId = t.RepTeamsId,
        Kind = t.Kind,
        Topic = t.Topic,
        Stage = t.Stage,
        QuestionId = t.QuestionId,
        BotText = t.BotText,
        RepText = t.RepText,
        ReceivedAt = t.ReceivedAt,
        RepliedAt = t.RepliedAt,
        SendingUntil = t.SendingUntil,
        SendingBy = t.SendingBy,
        SendingSince = t.SendingSince,
    };

    // Rows written before ReceivedAt existed fall back to the row's Timestamp.
    public TurnRecord ToRecord() => new(
        TenantId!, UserKey!, ConversationId!, ActivityId!, RepAadObjectId, RepTeamsId!, Kind!, Topic, Stage!, QuestionId, BotText!, RepText,
        ReceivedAt ?? Timestamp ?? DateTimeOffset.MinValue, RepliedAt)
    {
        SendingUntil = SendingUntil,
        SendingBy = SendingBy,
        SendingSince = SendingSince,
        ETag = ETag,
    };
}
