namespace CoachBot.Storage.Delivery;

/// <summary>A <c>scheduled|…</c> row of the <c>nudgesends</c> table: the scheduler already enqueued that job (<see cref="SendLedger.TryMarkScheduledAsync"/>).</summary>
internal sealed class ScheduledMarkEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    /// <summary>Always "scheduled".</summary>
    public string? State { get; set; }
    /// <summary>The job's day (yyyy-MM-dd), for retention; markers written before it was added have none.</summary>
    public string? Day { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
