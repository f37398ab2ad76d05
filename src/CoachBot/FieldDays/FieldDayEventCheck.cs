using System.Collections.Concurrent;
using System.Globalization;
using CoachBot.Graph;
using CoachBot.Storage.FieldDays;

namespace CoachBot.FieldDays;

/// <summary>
/// Before a field day's prep or debrief goes out, reads its Graph event by id (one GET) so the messages follow what the
/// calendar says now: a moved event moves the record and its moments (nothing is sent until the new moment), a deleted
/// or cancelled one marks it cancelled (nothing more is sent). Checked once per field day, start and set of due moments
/// on each instance, so a tick every minute costs no extra calls: about three GETs per field day (manager's prep, rep's
/// question, debrief), plus two mailbox reads when it moved. When Graph cannot answer, the booked times are used.
/// </summary>
internal sealed class FieldDayEventCheck(ICalendarDirectory calendar, FieldDayBookings bookings, FieldDayStore store, ILogger<FieldDayEventCheck> logger)
{
    // Checks done on this instance, by field day, start and due moments; the value is the field day's day, for pruning.
    private readonly ConcurrentDictionary<string, DateOnly> _checked = new(StringComparer.Ordinal);

    /// <summary>The field day as the calendar has it now; null when its event is gone. <paramref name="moments"/> names what is due.</summary>
    public async Task<FieldDayRecord?> CurrentAsync(FieldDayRecord fd, string moments, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fd);
        if (_checked.ContainsKey(Key(fd, moments))) return fd;
        FieldDayBooking? evt;
        try
        {
            evt = await calendar.GetFieldDayAsync(fd.ManagerId, fd.EventId, ct).ConfigureAwait(false);
        }
        catch (GraphException ex)
        {
            // Sent at the booked times: remembered like a check, so a Graph outage is not asked again every tick.
            FieldDayLog.EventCheckDegraded(logger, ex.Operation);
            _checked[Key(fd, moments)] = fd.Day;
            return fd;
        }
        if (evt is null)
        {
            await store.SetCancelledAsync(fd, now, ct).ConfigureAwait(false);
            FieldDayLog.Cancelled(logger);
            return null;
        }
        // Moved: not remembered, so the new moments are checked again when they come (it may move or go again by then).
        if (evt.Start != fd.Start || evt.End != fd.End) return await bookings.MoveAsync(fd, evt.Start, evt.End, ct).ConfigureAwait(false);
        _checked[Key(fd, moments)] = fd.Day;
        return fd;
    }

    /// <summary>Forgets checks of field days before <paramref name="oldest"/>.</summary>
    public void Prune(DateOnly oldest)
    {
        foreach (var (key, day) in _checked)
            if (day < oldest) _checked.TryRemove(key, out _);
    }

    private static string Key(FieldDayRecord fd, string moments) =>
        string.Join('|', fd.FieldDayId, fd.Start.UtcTicks.ToString(CultureInfo.InvariantCulture), moments);
}
