using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;
using CoachBot.Graph;
using CoachBot.Storage.FieldDays;

namespace CoachBot.FieldDays;

/// <summary>
/// Remembers a field day booked from the nudge card, with its prep and debrief moments worked out from each person's
/// mailbox time zone and working hours (Graph; the default hours in UTC when Graph cannot answer, so a booking never
/// fails for it). Booking the same slot again rewrites the same row.
/// </summary>
internal sealed class FieldDayBookings(FieldDayStore store, ICalendarDirectory calendar, ILogger<FieldDayBookings> logger)
{
    public async Task<FieldDayRecord> RecordAsync(string tenantId, string managerId, string repId, string repName, FieldDayBooking booking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var managerHours = await HoursAsync(managerId, ct).ConfigureAwait(false);
        var repHours = await HoursAsync(repId, ct).ConfigureAwait(false);
        var managerName = await NameAsync(managerId, ct).ConfigureAwait(false);
        var moments = FieldDayMoments.For(booking.Start, booking.End, managerHours, repHours);
        var record = new FieldDayRecord(tenantId, booking.TransactionId, managerId, repId, repName, booking.Start, booking.End, booking.EventId,
            moments.ManagerPrepAt, moments.RepPrepAt, moments.DebriefAt)
        {
            ManagerName = managerName ?? "your manager",
            ManagerTimeZone = managerHours.TimeZoneId,
            RepTimeZone = repHours.TimeZoneId,
        };
        await store.RecordBookingAsync(record, ct).ConfigureAwait(false);
        FieldDayLog.Recorded(logger);
        return record;
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
