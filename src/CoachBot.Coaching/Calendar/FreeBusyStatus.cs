namespace CoachBot.Coaching.Calendar;

/// <summary>Graph's free/busy statuses (scheduleItem.status / event.showAs).</summary>
public enum FreeBusyStatus
{
    Free,
    Tentative,
    Busy,
    Oof,
    WorkingElsewhere,
    Unknown,
}
