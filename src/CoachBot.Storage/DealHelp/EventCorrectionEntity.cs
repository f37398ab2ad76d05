namespace CoachBot.Storage.DealHelp;

/// <summary>A row of the <c>eventcorrections</c> table (<see cref="EventCorrectionStore"/>): the manager is the row's user.</summary>
internal sealed class EventCorrectionEntity : TableRow, IUserRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? EventId { get; set; }
    /// <summary>An <c>EventCorrection</c> name.</summary>
    public string? Correction { get; set; }
    public DateTimeOffset? At { get; set; }
}
