namespace CoachBot.Storage.Nudges;

/// <summary>A row of the <c>nudgeinstalls</c> table (<see cref="ManagerInstallStore"/>): partition = tenant, row key = manager id (both escaped).</summary>
internal sealed class ManagerInstallEntity : TableRow
{
    public string? TenantId { get; set; }
    public string? ManagerId { get; set; }
    public string? State { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset? LastTried { get; set; }
    public int? Attempts { get; set; }

    public static ManagerInstallEntity From(ManagerInstall r) => new()
    {
        PartitionKey = TableKeys.Escape(r.TenantId),
        RowKey = TableKeys.Escape(r.ManagerId),
        TenantId = r.TenantId,
        ManagerId = r.ManagerId,
        State = r.State,
        Detail = r.Detail,
        LastTried = r.LastTried,
        Attempts = r.Attempts,
    };

    public ManagerInstall ToRecord() => new(TenantId!, ManagerId!, State!, Detail, LastTried ?? DateTimeOffset.MinValue, Attempts ?? 0);
}
