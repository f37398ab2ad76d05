using CoachBot.Nudges;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Nudges;

namespace CoachBot.FieldDays;

/// <summary>
/// On each nudge-scheduler tick: the prep messages whose moment has come (until the field day starts) and the debrief
/// cards whose field day has ended (for <see cref="DebriefWindow"/>, unless already debriefed). The scheduler enqueues
/// each once; the send ledger keeps each to one message however often it is found.
/// </summary>
internal sealed class FieldDayScheduler(FieldDayStore store) : IDueJobSource
{
    /// <summary>A debrief card not sent within this long after the day (CoachBot was down) is no longer worth sending.</summary>
    public static readonly TimeSpan DebriefWindow = TimeSpan.FromDays(2);

    // Prep can come up to a week ahead (the previous working day); debriefs and their feedback some days after.
    private const int DaysBack = 5;
    private const int DaysAhead = 8;

    public async Task<IReadOnlyList<NudgeJob>> DueAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = new List<NudgeJob>();
        foreach (var fd in await store.ListAsync(tenantId, today.AddDays(-DaysBack), today.AddDays(DaysAhead), ct).ConfigureAwait(false))
        {
            if (now >= fd.ManagerPrepAt && now < fd.Start) due.Add(FieldDayJobs.For(FieldDayJobs.Prep, fd));
            if (now >= fd.RepPrepAt && now < fd.Start) due.Add(FieldDayJobs.For(FieldDayJobs.Ask, fd));
            if (now >= fd.DebriefAt && now < fd.DebriefAt + DebriefWindow && fd.DebriefedAt is null) due.Add(FieldDayJobs.For(FieldDayJobs.Debrief, fd));
            // The clicks enqueue these at once; found here too in case that enqueue failed after the click was saved.
            if (fd.RepSharedAt is not null && now < fd.End) due.Add(FieldDayJobs.For(FieldDayJobs.Shared, fd));
            if (fd.DebriefedAt is { } debriefed && now < debriefed + DebriefWindow) due.Add(FieldDayJobs.For(FieldDayJobs.Feedback, fd));
        }
        return due;
    }
}
