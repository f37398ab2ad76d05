using CoachBot.Delivery;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.FieldDays;

namespace CoachBot.FieldDays;

/// <summary>
/// On each nudge-scheduler tick: the prep messages whose moment has come (until the field day starts) and the debrief
/// cards whose field day has ended (for <see cref="DebriefWindow"/>, unless already debriefed). Before any of those is
/// due, the field day's Graph event is read (<see cref="FieldDayEventCheck"/>): moved, the moments follow it; deleted or
/// cancelled, nothing more is due. The scheduler enqueues each once; the send ledger keeps each to one message however
/// often it is found.
/// </summary>
internal sealed class FieldDayScheduler(FieldDayStore store, FieldDayEventCheck events) : IDueJobSource
{
    /// <summary>A debrief card not sent within this long after the day (CoachBot was down) is no longer worth sending.</summary>
    public static readonly TimeSpan DebriefWindow = TimeSpan.FromDays(2);

    // Prep can come up to a week ahead (the previous working day); debriefs and their feedback some days after.
    private const int DaysBack = 5;
    private const int DaysAhead = 8;

    public async Task<IReadOnlyList<DeliveryJob>> DueAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        events.Prune(today.AddDays(-DaysBack));
        var due = new List<DeliveryJob>();
        foreach (var listed in await store.ListAsync(tenantId, today.AddDays(-DaysBack), today.AddDays(DaysAhead), ct).ConfigureAwait(false))
        {
            if (listed.CancelledAt is not null) continue;
            var fd = listed;
            if (Timed(fd, now) is { Count: > 0 } timed)
            {
                if (await events.CurrentAsync(fd, string.Join(',', timed), now, ct).ConfigureAwait(false) is not { } current) continue;
                fd = current;
            }
            foreach (var kind in Timed(fd, now)) due.Add(FieldDayJobs.For(kind, fd));
            // The clicks enqueue these at once; found here too in case that enqueue failed after the click was saved.
            if (fd.RepSharedAt is not null && now < fd.End) due.Add(FieldDayJobs.For(FieldDayJobs.Shared, fd));
            if (fd.DebriefedAt is { } debriefed && now < debriefed + DebriefWindow) due.Add(FieldDayJobs.For(FieldDayJobs.Feedback, fd));
        }
        return due;
    }

    /// <summary>The messages due by time now: the manager's prep and the rep's question (until the start), the debrief card.</summary>
    private static List<string> Timed(FieldDayRecord fd, DateTimeOffset now)
    {
        var kinds = new List<string>(3);
        if (now >= fd.ManagerPrepAt && now < fd.Start) kinds.Add(FieldDayJobs.Prep);
        if (now >= fd.RepPrepAt && now < fd.Start) kinds.Add(FieldDayJobs.Ask);
        if (now >= fd.DebriefAt && now < fd.DebriefAt + DebriefWindow && fd.DebriefedAt is null) kinds.Add(FieldDayJobs.Debrief);
        return kinds;
    }
}
