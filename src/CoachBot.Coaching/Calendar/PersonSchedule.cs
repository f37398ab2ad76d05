namespace CoachBot.Coaching.Calendar;

/// <summary>One person's availability over a window: working hours plus busy intervals.</summary>
public sealed record PersonSchedule(string UserId, WorkingHours WorkingHours, IReadOnlyList<BusyInterval> Busy);
