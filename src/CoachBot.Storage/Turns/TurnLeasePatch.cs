namespace CoachBot.Storage.Turns;

/// <summary>
/// A merge of a turn row's sending lease columns only (<see cref="TurnEntity"/> names the same columns). A null property
/// is sent as null, which the Table service treats as "not in the merge": the column keeps its value. So giving the lease
/// back (only <see cref="SendingUntil"/> set) leaves <see cref="SendingBy"/> and <see cref="SendingSince"/> as they were.
/// </summary>
internal sealed class TurnLeasePatch : TableRow
{
    public DateTimeOffset? SendingUntil { get; set; }
    public string? SendingBy { get; set; }
    public DateTimeOffset? SendingSince { get; set; }

    public static TurnLeasePatch Of(TurnRecord turn) => new()
    {
        PartitionKey = TableKeys.UserPartition(turn.TenantId, turn.UserKey),
        RowKey = CoachingStore.TurnKey(turn.ConversationId, turn.ActivityId),
    };
}
