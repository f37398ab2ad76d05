namespace CoachBot.Storage.FieldDays;

// The merges into a field day row (FieldDayEntity names the same columns), one class per writer, each with exactly the
// columns it owns, so the manager's and the rep's clicks never overwrite each other.

/// <summary>The manager's watch list from the prep card: skill ids, comma-separated.</summary>
internal sealed class FieldDayWatchPatch : TableRow
{
    public string? Watch { get; set; }
}

/// <summary>The rep's shared prep answers.</summary>
internal sealed class FieldDaySharePatch : TableRow
{
    public string? RepFocus { get; set; }
    public string? RepCalls { get; set; }
    public DateTimeOffset? RepSharedAt { get; set; }
    public int? RepShares { get; set; }
}

/// <summary>The manager's debrief.</summary>
internal sealed class FieldDayDebriefPatch : TableRow
{
    public string? Reinforce { get; set; }
    public string? Improve { get; set; }
    public string? ImproveSkill { get; set; }
    public DateTimeOffset? DebriefedAt { get; set; }
}

/// <summary>The Graph event was found deleted or cancelled.</summary>
internal sealed class FieldDayCancelPatch : TableRow
{
    public DateTimeOffset? CancelledAt { get; set; }
}
