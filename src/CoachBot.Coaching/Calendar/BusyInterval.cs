namespace CoachBot.Coaching.Calendar;

/// <summary>A span of a person's calendar that is not free, as getSchedule reports it. Start is inclusive, End exclusive.</summary>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, FreeBusyStatus Status);
