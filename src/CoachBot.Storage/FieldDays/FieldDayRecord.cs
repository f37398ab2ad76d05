namespace CoachBot.Storage.FieldDays;

/// <summary>
/// A field day CoachBot booked, and what came of it. <see cref="FieldDayId"/> is the booking's Graph transactionId (a
/// hash of manager, rep and start), so booking twice yields the same row. Prep and debrief moments are computed once at
/// booking from each person's working hours. Text fields hold people's own words: the rep's focus only once the rep chose
/// to share it, the manager's debrief only once submitted (it is feedback meant for the rep).
/// </summary>
public sealed record FieldDayRecord(
    string TenantId,
    string FieldDayId,
    string ManagerId,
    string RepId,
    string RepName,
    DateTimeOffset Start,
    DateTimeOffset End,
    string EventId,
    DateTimeOffset ManagerPrepAt,
    DateTimeOffset RepPrepAt,
    DateTimeOffset DebriefAt)
{
    /// <summary>The UTC day of the start: the row's key and the day of its delivery jobs.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Start.UtcDateTime);

    public string ManagerName { get; init; } = "your manager";
    public string? ManagerTimeZone { get; init; }
    public string? RepTimeZone { get; init; }

    /// <summary>Skill ids the manager chose to watch (at most two), from the prep card.</summary>
    public IReadOnlyList<string> Watch { get; init; } = [];

    /// <summary>The rep's answers to the prep question; stored only when the rep shared them.</summary>
    public string? RepFocus { get; init; }
    public string? RepCalls { get; init; }
    public DateTimeOffset? RepSharedAt { get; init; }
    /// <summary>How many times the rep shared (new wording each time): each share is its own once-only message to the manager.</summary>
    public int RepShares { get; init; }

    public string? Reinforce { get; init; }
    public string? Improve { get; init; }
    public string? ImproveSkill { get; init; }
    public DateTimeOffset? DebriefedAt { get; init; }

    /// <summary>When CoachBot found the Graph event deleted or cancelled: nothing more is sent for it, and it is not counted as held.</summary>
    public DateTimeOffset? CancelledAt { get; init; }
}
