namespace CoachBot.Storage.Plans;

/// <summary>A row of the <c>followups</c> table (<see cref="FollowUpIndex"/>): the due day is the partition key.</summary>
internal sealed class FollowUpEntity : TableRow, IUserRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? PlanId { get; set; }
    public string? TimeZoneId { get; set; }
    public bool? Sent { get; set; }

    public static FollowUpEntity From(FollowUpDue due) => new()
    {
        PartitionKey = FollowUpIndex.PartitionKey(due),
        RowKey = FollowUpIndex.RowKey(due),
        TenantId = due.TenantId,
        UserKey = due.UserKey,
        PlanId = due.PlanId,
        TimeZoneId = due.TimeZoneId,
        Sent = due.Sent,
    };

    public FollowUpDue ToRecord(DateOnly due) => new(TenantId!, UserKey!, PlanId!, due, TimeZoneId, Sent ?? false);
}
