namespace CoachBot.Coaching.FieldDays;

/// <summary>Knobs for <see cref="FieldDaySlotFinder"/>. Every default is usable as is.</summary>
public sealed record FieldDayOptions
{
    public static FieldDayOptions Default { get; } = new();

    /// <summary>No slot starts before this local time of day, for the manager and for the rep, each in their own zone. Null: working hours decide.</summary>
    public TimeOnly? EarliestStart { get; init; }

    /// <summary>Minimum number of days between a rep's last field day (<see cref="FieldDayRep.LastFieldDay"/>) and a new one. Default 14.</summary>
    public int MinDaysSinceLastFieldDay { get; init; } = 14;

    /// <summary>Dates (manager's calendar) never to suggest.</summary>
    public IReadOnlySet<DateOnly> AvoidDates { get; init; } = new HashSet<DateOnly>();

    /// <summary>Days of the week (manager's calendar) never to suggest, e.g. Monday for pipeline meetings.</summary>
    public IReadOnlySet<DayOfWeek> AvoidDays { get; init; } = new HashSet<DayOfWeek>();

    /// <summary>How many suggestions to return at most. Default 5.</summary>
    public int MaxSuggestions { get; init; } = 5;

    /// <summary>Length of a half day. Default 4 h.</summary>
    public TimeSpan HalfDayDuration { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Length of a full day. Default 8 h.</summary>
    public TimeSpan FullDayDuration { get; init; } = TimeSpan.FromHours(8);
}
