using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;
using CoachBot.Graph;
using CoachBot.Storage.FieldDays;

namespace CoachBot.FieldDays;

/// <summary>
/// Remembers a field day booked from the nudge card, with its prep and debrief moments worked out from each person's
/// mailbox time zone and working hours (Graph; the default hours in UTC when Graph cannot answer, so a booking never
/// fails for it). Booking the same slot again rewrites the same row; a moved event moves the row (<see cref="MoveAsync"/>).
/// </summary>
internal sealed class FieldDayBookings(FieldDayStore store, ICalendarDirectory calendar, ILogger<FieldDayBookings> logger)
{
    public async Task<FieldDayRecord> RecordAsync(string tenantId, string managerId, string repId, string repName, FieldDayBooking booking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var managerName = await NameAsync(managerId, ct).ConfigureAwait(false);
        var record = new FieldDayRecord(tenantId, booking.TransactionId, managerId, repId, repName, booking.Start, booking.End, booking.EventId,
            default, default, default) { ManagerName = managerName ?? "your manager" };
        record = await WithMomentsAsync(record, booking.Start, booking.End, ct).ConfigureAwait(false);
        await store.RecordBookingAsync(record, ct).ConfigureAwait(false);
        FieldDayLog.Recorded(logger);
        return record;
    }

    /// <summary>
    /// The manager moved the field day's event: the record follows it, with prep and debrief moments worked out again
    /// for the new times (two mailbox-settings reads), under the new start's day.
    /// </summary>
    public async Task<FieldDayRecord> MoveAsync(FieldDayRecord fd, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fd);
        var moved = await WithMomentsAsync(fd, start, end, ct).ConfigureAwait(false);
        await store.MoveAsync(fd, moved, ct).ConfigureAwait(false);
        FieldDayLog.Moved(logger);
        return moved;
    }

    private async Task<FieldDayRecord> WithMomentsAsync(FieldDayRecord fd, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var managerHours = await HoursAsync(fd.ManagerId, ct).ConfigureAwait(false);
        var repHours = await HoursAsync(fd.RepId, ct).ConfigureAwait(false);
        var moments = FieldDayMoments.For(start, end, managerHours, repHours);
        return fd with
        {
            Start = start,
            End = end,
            ManagerPrepAt = moments.ManagerPrepAt,
            RepPrepAt = moments.RepPrepAt,
            DebriefAt = moments.DebriefAt,
            ManagerTimeZone = managerHours.TimeZoneId,
            RepTimeZone = repHours.TimeZoneId,
        };
    }

    private async Task<WorkingHours> HoursAsync(string userId, CancellationToken ct)
    {
        try
        {
            var hours = (await calendar.GetMailboxSettingsAsync(userId, ct).ConfigureAwait(false)).WorkingHours;
            // A zone id .NET cannot read would stop the moments: fall back as for an unreachable mailbox.
            return TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZoneId, out _) ? hours : WorkingHours.Default("UTC");
        }
        catch (GraphException ex)
        {
            FieldDayLog.GraphDegraded(logger, ex.Operation);
            return WorkingHours.Default("UTC");
        }
    }

    private async Task<string?> NameAsync(string userId, CancellationToken ct)
    {
        try
        {
            return (await calendar.GetUserAsync(userId, ct).ConfigureAwait(false))?.DisplayName is { Length: > 0 } name ? FirstName(name) : null;
        }
        catch (GraphException ex)
        {
            FieldDayLog.GraphDegraded(logger, ex.Operation);
            return null;
        }
    }

    private static string FirstName(string displayName) => displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
