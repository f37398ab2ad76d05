using CoachBot.Coaching.Calendar;

namespace CoachBot.Graph;

/// <summary>
/// CoachBot's view of Microsoft Graph: org chart, mailbox settings, free/busy, calendar and field-day booking.
/// Every method throws only <see cref="GraphException"/> (or OperationCanceledException when the caller cancels);
/// <see cref="GraphException.IsTransient"/> marks outages a nudge should degrade on.
/// </summary>
public interface ICalendarDirectory
{
    /// <summary>The user, by object id or UPN; null when not found.</summary>
    Task<DirectoryUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>All direct reports (users only; contacts and devices are skipped), following every @odata.nextLink.</summary>
    Task<IReadOnlyList<DirectoryUser>> GetDirectReportsAsync(string managerId, CancellationToken cancellationToken = default);

    /// <summary>The user's manager; null when none is set (Graph answers 404).</summary>
    Task<DirectoryUser?> GetManagerAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Time zone and working hours; falls back to <see cref="GraphOptions.DefaultTimeZone"/> when missing or 403.</summary>
    Task<MailboxSettingsInfo> GetMailboxSettingsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Free/busy for each id (object id or SMTP address) over [windowStart, windowEnd), asked of Graph through
    /// <paramref name="organizerId"/>'s mailbox. Batches 20 schedules per call and pages windows of 62 days or more.
    /// A schedule Graph cannot read comes back as one Unknown interval covering the window. Keys are the ids as given.
    /// </summary>
    Task<IReadOnlyDictionary<string, PersonSchedule>> GetSchedulesAsync(
        string organizerId, IReadOnlyCollection<string> userIds, DateTimeOffset windowStart, DateTimeOffset windowEnd,
        CancellationToken cancellationToken = default);

    /// <summary>Expanded events (recurrences as occurrences) overlapping [windowStart, windowEnd), in UTC. AttendeeIds are SMTP addresses.</summary>
    Task<IReadOnlyList<CalendarEvent>> GetEventsAsync(string userId, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default);

    /// <summary>Books (once) a field day on the manager's calendar with the rep as required attendee.</summary>
    Task<FieldDayBooking> BookFieldDayAsync(FieldDayBookingRequest request, CancellationToken cancellationToken = default);

    /// <summary>The existing booking for a key, if any.</summary>
    Task<FieldDayBooking?> FindFieldDayAsync(string managerId, string bookingKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The booked field day's event as it is now on the manager's calendar (one GET by id, start and end in UTC); null
    /// when it was deleted or cancelled (Graph answers 404, or isCancelled).
    /// </summary>
    Task<FieldDayBooking?> GetFieldDayAsync(string managerId, string eventId, CancellationToken cancellationToken = default);

    /// <summary>Moves a booked field day; attendees get an update.</summary>
    Task<FieldDayBooking> RescheduleFieldDayAsync(string managerId, string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, CancellationToken cancellationToken = default);

    /// <summary>Deletes the event (Graph sends the rep a cancellation). False when it was already gone.</summary>
    Task<bool> CancelFieldDayAsync(string managerId, string eventId, CancellationToken cancellationToken = default);
}
