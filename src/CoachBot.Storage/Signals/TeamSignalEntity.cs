namespace CoachBot.Storage.Signals;

/// <summary>A row of the <c>signals</c> table (<see cref="TeamSignalStore"/>): its properties are the row's columns.</summary>
internal sealed class TeamSignalEntity : TableRow, IUserRow
{
    public string? TenantId { get; set; }
    /// <summary>yyyy-MM-dd (retention filters on it).</summary>
    public string? Day { get; set; }
    public string? Kind { get; set; }
    public string? UserKey { get; set; }
    public string? Id { get; set; }
    public string? Topic { get; set; }
    public string? SharedPlanText { get; set; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? SharedPlanDue { get; set; }
    public DateTimeOffset? At { get; set; }

    public static TeamSignalEntity From(TeamSignal s) => new()
    {
        PartitionKey = TeamSignalStore.PartitionKey(s),
        RowKey = TeamSignalStore.RowKey(s),
        TenantId = s.TenantId,
        Day = TableQueries.Day(s.Day),
        Kind = s.Kind,
        UserKey = s.UserKey,
        Id = s.Id,
        Topic = s.Topic,
        SharedPlanText = s.SharedPlanText,
        SharedPlanDue = s.SharedPlanDue is { } due ? TableQueries.Day(due) : null,
        At = s.At,
    };

    public TeamSignal ToRecord() => new(
        TenantId!, TableQueries.ParseDay(Day!), Kind!, UserKey!, Id!, Topic, SharedPlanText,
        SharedPlanDue is { } due ? TableQueries.ParseDay(due) : null, At ?? DateTimeOffset.MinValue);
}
