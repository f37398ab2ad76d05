namespace CoachBot.Coaching.Calendar;

/// <summary>An event on a manager's calendar, as much as coaching-time accounting needs (no subject, no body).</summary>
public sealed record CalendarEvent(
    string Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    FreeBusyStatus ShowAs,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> AttendeeIds);
