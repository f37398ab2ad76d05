namespace CoachBot.Storage.FieldDays;

/// <summary>
/// A row of the <c>fielddays</c> table (<see cref="FieldDayStore"/>): its properties are the row's columns. A booking
/// (<see cref="Booking"/>) sets the booking's columns only and is merged, so the others keep their values (null is not
/// sent as a value); the rep's share, the watch list, the debrief and the cancellation are merged as their own patches
/// (<c>FieldDayPatches.cs</c>). The rep is the row's user (<see cref="UserKey"/>), so "forget me" finds it.
/// </summary>
internal sealed class FieldDayEntity : TableRow, IRepAndManagerRow
{
    public string? TenantId { get; set; }
    public string? FieldDayId { get; set; }
    public string? ManagerId { get; set; }
    public string? UserKey { get; set; }
    public string? RepName { get; set; }
    public string? ManagerName { get; set; }
    public DateTimeOffset? Start { get; set; }
    public DateTimeOffset? End { get; set; }
    public string? EventId { get; set; }
    public DateTimeOffset? ManagerPrepAt { get; set; }
    public DateTimeOffset? RepPrepAt { get; set; }
    public DateTimeOffset? DebriefAt { get; set; }
    public string? ManagerTimeZone { get; set; }
    public string? RepTimeZone { get; set; }
    /// <summary>Skill ids, comma-separated.</summary>
    public string? Watch { get; set; }
    public string? RepFocus { get; set; }
    public string? RepCalls { get; set; }
    public DateTimeOffset? RepSharedAt { get; set; }
    public int? RepShares { get; set; }
    public string? Reinforce { get; set; }
    public string? Improve { get; set; }
    public string? ImproveSkill { get; set; }
    public DateTimeOffset? DebriefedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The columns a booking writes: who, when, the event and the prep and debrief moments.</summary>
    public static FieldDayEntity Booking(FieldDayRecord r) => new()
    {
        PartitionKey = r.TenantId,
        RowKey = FieldDayStore.RowKey(r.Day, r.FieldDayId),
        TenantId = r.TenantId,
        FieldDayId = r.FieldDayId,
        ManagerId = r.ManagerId,
        UserKey = r.RepId,
        RepName = r.RepName,
        ManagerName = r.ManagerName,
        Start = r.Start,
        End = r.End,
        EventId = r.EventId,
        ManagerPrepAt = r.ManagerPrepAt,
        RepPrepAt = r.RepPrepAt,
        DebriefAt = r.DebriefAt,
        ManagerTimeZone = r.ManagerTimeZone,
        RepTimeZone = r.RepTimeZone,
    };

    public FieldDayRecord ToRecord() => new(
        TenantId!, FieldDayId!, ManagerId!, UserKey!, RepName ?? "", Start ?? default, End ?? default, EventId ?? "",
        ManagerPrepAt ?? default, RepPrepAt ?? default, DebriefAt ?? default)
    {
        ManagerName = Text(ManagerName) ?? "your manager",
        ManagerTimeZone = Text(ManagerTimeZone),
        RepTimeZone = Text(RepTimeZone),
        Watch = Text(Watch)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
        RepFocus = Text(RepFocus),
        RepCalls = Text(RepCalls),
        RepSharedAt = RepSharedAt,
        // Rows shared before the count existed were shared once.
        RepShares = RepShares ?? (RepSharedAt is null ? 0 : 1),
        Reinforce = Text(Reinforce),
        Improve = Text(Improve),
        ImproveSkill = Text(ImproveSkill),
        DebriefedAt = DebriefedAt,
        CancelledAt = CancelledAt,
    };

    // An answer left empty is stored as "" (a merge cannot remove a column) and read as none.
    private static string? Text(string? s) => s is { Length: > 0 } ? s : null;
}
