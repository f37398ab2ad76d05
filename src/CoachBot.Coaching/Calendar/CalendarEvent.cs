namespace CoachBot.Coaching.Calendar;

/// <summary>An event on a manager's calendar, as much as coaching-time accounting needs.</summary>
public sealed record CalendarEvent(
    string Id,
    string Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    FreeBusyStatus ShowAs,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> AttendeeIds);
