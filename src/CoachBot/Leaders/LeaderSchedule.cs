using System.Collections.Concurrent;
using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.Leaders;
using CoachBot.Delivery;
using CoachBot.Graph;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace CoachBot.Leaders;

/// <summary>
/// On each nudge-scheduler tick: a weekly job for each leader (the directory manager of a roster manager) once their
/// local week has started — from the start of their working hours on the first working day of the week (mailbox settings;
/// the default hours in UTC when Graph cannot answer) until the week ends (Sunday midnight, local). Keyed on the week's
/// Monday, so every tick and instance that week finds the same once-only job: it goes out on the first tick of the
/// first working day, or, when CoachBot was down all that day, on the first tick after it is back, once.
/// </summary>
internal sealed partial class LeaderSchedule(
    LeaderReport report,
    ICalendarDirectory calendar,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    ILogger<LeaderSchedule> logger) : IDueJobSource
{
    private readonly ConcurrentDictionary<string, (WorkingHours Hours, DateTimeOffset Until)> _hours = new(StringComparer.OrdinalIgnoreCase);

    // The leaders change as rarely as the roster: looked up again with it, not on every tick (a partial list is not kept).
    private volatile LeaderList? _leaders;

    private sealed record LeaderList(IReadOnlyList<string> Ids, DateTimeOffset Until);

    public async Task<IReadOnlyList<DeliveryJob>> DueAsync(string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<DeliveryJob>();
        foreach (var leaderId in await LeaderIdsAsync(ct).ConfigureAwait(false))
        {
            var hours = await HoursAsync(leaderId, ct).ConfigureAwait(false);
            if (WeekDue(hours, now) is { } week) due.Add(LeaderJobs.For(tenantId, leaderId, week));
        }
        return due;
    }

    /// <summary>
    /// The Monday of the leader's local week once its first working day's working hours have started (and for the rest of
    /// that week, so a missed Monday is caught up), else null.
    /// </summary>
    internal static DateOnly? WeekDue(WorkingHours hours, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        var monday = LeaderFigures.WeekOf(today);
        var first = Enumerable.Range(0, 7).Select(monday.AddDays).FirstOrDefault(d => hours.Days.Contains(d.DayOfWeek), monday);
        return today > first || (today == first && TimeOnly.FromDateTime(local.DateTime) >= hours.Start) ? monday : null;
    }

    private async Task<IReadOnlyList<string>> LeaderIdsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_leaders is { } cached && cached.Until > now) return cached.Ids;
        var (pairs, complete) = await report.LeadersAsync(ct).ConfigureAwait(false);
        IReadOnlyList<string> ids = [.. pairs.Select(p => p.Leader.Id).Distinct(StringComparer.OrdinalIgnoreCase)];
        if (complete) _leaders = new LeaderList(ids, now + options.Value.ManagerRefreshInterval);
        return ids;
    }

    private async Task<WorkingHours> HoursAsync(string leaderId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_hours.TryGetValue(leaderId, out var cached) && cached.Until > now) return cached.Hours;
        try
        {
            var hours = (await calendar.GetMailboxSettingsAsync(leaderId, ct).ConfigureAwait(false)).WorkingHours;
            _hours[leaderId] = (hours, now + options.Value.MailboxCacheTime);
            return hours;
        }
        catch (GraphException ex)
        {
            LogGraphDegraded(logger, ex.Operation);
            return WorkingHours.Default("UTC");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader schedule: Graph {Operation} failed; default working hours in UTC")]
    private static partial void LogGraphDegraded(ILogger logger, string operation);
}
