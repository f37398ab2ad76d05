namespace CoachBot.Storage.Fleet;

/// <summary>A row of the <c>fleet</c> table (<see cref="FleetTable"/>): partition "member", row key = the process id.</summary>
internal sealed class FleetEntity : TableRow
{
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? RenewedAt { get; set; }
    public DateTimeOffset? SettledBefore { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    /// <summary><see cref="FleetMember.SentAfter"/>, comma-separated; absent when empty.</summary>
    public string? SentAfter { get; set; }

    public static FleetEntity From(string partitionKey, FleetMember member) => new()
    {
        PartitionKey = partitionKey,
        RowKey = member.Id,
        StartedAt = member.StartedAt,
        RenewedAt = member.RenewedAt,
        SettledBefore = member.SettledBefore,
        StoppedAt = member.StoppedAt,
        SentAfter = member.SentAfter.Count == 0 ? null : string.Join(',', member.SentAfter),
    };

    public FleetMember ToRecord() => new(
        RowKey, StartedAt ?? DateTimeOffset.MinValue, RenewedAt ?? DateTimeOffset.MinValue, SettledBefore ?? DateTimeOffset.MinValue, StoppedAt)
    {
        SentAfter = SentAfter is { Length: > 0 } sent ? sent.Split(',').ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
    };
}
