namespace CoachBot.Storage.DealHelp;

/// <summary>
/// A row of the <c>dealhelp</c> table (<see cref="DealHelpStore"/>): partition = tenant, row key = the request id. The
/// rep is the row's user (<see cref="UserKey"/>), so "forget me" finds it; the manager is found by <see cref="ManagerId"/>.
/// </summary>
internal sealed class DealHelpEntity : TableRow, IRepAndManagerRow
{
    public string? TenantId { get; set; }
    public string? UserKey { get; set; }
    public string? RepName { get; set; }
    public string? ManagerId { get; set; }
    public string? ManagerName { get; set; }
    public string? Request { get; set; }
    public string? Ask { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? Day { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public static DealHelpEntity From(DealHelpRecord r) => new()
    {
        PartitionKey = r.TenantId,
        RowKey = r.RequestId,
        TenantId = r.TenantId,
        UserKey = r.RepId,
        RepName = r.RepName,
        ManagerId = r.ManagerId,
        ManagerName = r.ManagerName,
        Request = r.Request,
        Ask = r.Ask,
        Day = TableQueries.Day(r.Day),
        SentAt = r.SentAt,
    };

    public DealHelpRecord ToRecord() => new(
        TenantId!, RowKey, UserKey!, RepName ?? "", ManagerId!, ManagerName ?? "", Request ?? "", Ask, TableQueries.ParseDay(Day!),
        SentAt ?? DateTimeOffset.MinValue);
}
