using CoachBot.Coaching.Topics;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Signals;

namespace CoachBot.FieldDays;

/// <summary>
/// Gathers the manager's prep from the team signals the nudge already reads: how often each topic came up in the
/// rep's coaching (names and counts, never the rep's words) and the plans the rep chose to share that fall due around
/// the field day (latest wording of each). Read from the store, not the nudge's short-lived cache: a prep is one
/// read per day of the window, once per field day, and must show what the rep raised since this morning's nudge.
/// </summary>
internal sealed class FieldDayPrepReader(TeamSignalStore signals)
{
    public async Task<FieldDayPrep> ReadAsync(FieldDayRecord fd, DateOnly today, CancellationToken ct)
    {
        var rep = new List<TeamSignal>();
        for (var day = today.AddDays(-FieldDayPrep.TopicDays); day <= today; day = day.AddDays(1))
            rep.AddRange((await signals.ListAsync(fd.TenantId, day, ct).ConfigureAwait(false)).Where(s => string.Equals(s.UserKey, fd.RepId, StringComparison.OrdinalIgnoreCase)));

        var topics = rep.Where(s => s.Kind == TeamSignal.TopicRaised && s.Topic is not null)
            .GroupBy(s => s.Topic!)
            .Select(g => new TopicCount(TopicTaxonomy.Find(g.Key)?.Name ?? g.Key, g.Select(s => s.Id).Distinct().Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

        var fieldDay = fd.Day;
        var plans = rep.Where(s => s.Kind == TeamSignal.PlanShared && s.SharedPlanText is not null && s.SharedPlanDue is { } due
                                   && Math.Abs(due.DayNumber - fieldDay.DayNumber) <= FieldDayPrep.PlanWindowDays)
            .GroupBy(s => s.Id).Select(g => g.MaxBy(s => s.At)!)
            .OrderBy(s => s.SharedPlanDue)
            .Select(s => new SharedPlanLine(s.SharedPlanText!, s.SharedPlanDue!.Value))
            .ToList();
        return new FieldDayPrep(topics, plans);
    }
}
