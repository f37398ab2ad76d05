using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Leaders;
using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Nudges;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using Microsoft.Extensions.Options;

namespace CoachBot.Leaders;

/// <summary>
/// Gathers the figures of <see cref="LeaderFigures"/> for the managers of the <see cref="ManagerRoster"/>, grouped by their
/// own manager (Graph <c>/users/{id}/manager</c>): the team and coaching time from Graph, tiers and target from the manager's
/// settings, field days from the field-day store, follow-ups from the follow-up index. Reads counts and ids only; no rep
/// text is loaded into a figure. A Graph failure for one manager leaves that manager's coaching share empty, not the report.
/// </summary>
internal sealed partial class LeaderReport(
    ManagerRoster roster,
    ITeamDirectory team,
    ICalendarDirectory calendar,
    ManagerSettingsStore settingsStore,
    FieldDayStore fieldDays,
    FollowUpIndex followUps,
    DealHelp.CoachingTimeReader coachingTime,
    IOptions<NudgeOptions> options,
    NudgeTenant tenant,
    ILogger<LeaderReport> logger)
{
    public string TenantId => tenant.Id;

    /// <summary>
    /// Each roster manager's leader (managers the directory names no manager for are left out), sorted by manager id;
    /// <c>Complete</c> is false when a Graph lookup failed and that manager is missing.
    /// </summary>
    public async Task<(IReadOnlyList<(string ManagerId, DirectoryUser Leader)> Pairs, bool Complete)> LeadersAsync(CancellationToken ct)
    {
        var list = new List<(string, DirectoryUser)>();
        var complete = true;
        foreach (var managerId in await roster.GetManagersAsync(TenantId, ct).ConfigureAwait(false))
        {
            try
            {
                if (await team.GetManagerAsync(managerId, ct).ConfigureAwait(false) is { } leader) list.Add((managerId, leader));
            }
            catch (GraphException ex)
            {
                LogGraphDegraded(logger, ex.Operation);
                complete = false;
            }
        }
        return (list, complete);
    }

    /// <summary>The week of <paramref name="weekStart"/> for every manager who has a leader, or only those of <paramref name="leaderId"/>.</summary>
    public async Task<IReadOnlyList<ManagerWeek>> BuildAsync(DateOnly weekStart, string? leaderId, CancellationToken ct)
    {
        var tenant = TenantId;
        var pairs = (await LeadersAsync(ct).ConfigureAwait(false)).Pairs
            .Where(p => leaderId is null || string.Equals(p.Leader.Id, leaderId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (pairs.Count == 0) return [];
        // A field day whose calendar event was deleted or cancelled did not happen: not counted as held.
        var stored = (await fieldDays.ListAsync(tenant, weekStart.AddDays(-LeaderFigures.FieldWindowDays - 1), weekStart, ct).ConfigureAwait(false))
            .Where(f => f.CancelledAt is null).ToList();
        var followed = new List<FollowUpDue>();
        for (var d = weekStart.AddDays(-7); d < weekStart; d = d.AddDays(1))
            followed.AddRange((await followUps.ListAsync(d, ct).ConfigureAwait(false)).Where(f => f.Sent && f.TenantId == tenant));

        var weeks = new List<ManagerWeek>(pairs.Count);
        foreach (var (managerId, leader) in pairs)
        {
            var settings = await settingsStore.GetAsync(tenant, managerId, ct).ConfigureAwait(false);
            var target = settings.CoachingTargetPercent ?? options.Value.CoachingTargetPercent;
            IReadOnlyList<DirectoryUser> reps;
            try
            {
                reps = await team.GetRepsAsync(managerId, ct).ConfigureAwait(false);
            }
            catch (GraphException ex)
            {
                LogGraphDegraded(logger, ex.Operation);
                reps = [];
            }
            // One directory read per manager serves both the coaching share (their address) and the card (their name).
            var manager = await ManagerAsync(managerId, ct).ConfigureAwait(false);
            var tiers = reps.ToDictionary(r => r.Id, r => settings.Tiers.GetValueOrDefault(r.Id, RepTier.Emerging), StringComparer.OrdinalIgnoreCase);
            var input = new ManagerWeekInput(
                tiers,
                [.. stored.Where(f => string.Equals(f.ManagerId, managerId, StringComparison.OrdinalIgnoreCase))
                    .Select(f => new HeldFieldDay(f.RepId, f.Start, f.End, f.DebriefedAt is not null))],
                [.. followed.Select(f => f.UserKey)],
                tiers.Count >= options.Value.ThemeMinimumReps ? await ShareAsync(managerId, manager, reps, weekStart, target, ct).ConfigureAwait(false) : null);
            var figures = LeaderFigures.Compute(input, weekStart, target, options.Value.ThemeMinimumReps);
            weeks.Add(new ManagerWeek(leader.Id, leader.DisplayName, managerId, manager.User?.DisplayName is { Length: > 0 } name ? name : managerId, figures));
        }
        return [.. weeks.OrderBy(w => w.LeaderName, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.ManagerName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The coaching-time share of the seven days before the week start (00:00 UTC), as the nudge computes it.</summary>
    private async Task<double?> ShareAsync(
        string managerId, ManagerLookup manager, IReadOnlyList<DirectoryUser> reps, DateOnly weekStart, double target, CancellationToken ct)
    {
        // Without the manager's address their own events cannot be told apart: no share rather than a wrong one.
        if (!manager.Answered) return null;
        var asOf = new DateTimeOffset(weekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        try
        {
            var hours = (await calendar.GetMailboxSettingsAsync(managerId, ct).ConfigureAwait(false)).WorkingHours;
            var events = await calendar.GetEventsAsync(managerId, asOf.AddDays(-8), asOf, ct).ConfigureAwait(false);
            var address = manager.User?.SmtpAddress ?? managerId;
            var reportAddresses = reps.Select(r => r.SmtpAddress).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            // The manager's own corrections from the card ("this was a deal call") count here as on their nudge.
            return (await coachingTime.ComputeAsync(TenantId, managerId, events, address, hours, reportAddresses, asOf, target, ct).ConfigureAwait(false)).SharePercent;
        }
        catch (GraphException ex)
        {
            LogGraphDegraded(logger, ex.Operation);
            return null;
        }
    }

    /// <summary>The manager's directory entry; <see cref="ManagerLookup.Answered"/> is false when Graph failed (not when the user is unknown).</summary>
    private async Task<ManagerLookup> ManagerAsync(string managerId, CancellationToken ct)
    {
        try
        {
            return new ManagerLookup(await calendar.GetUserAsync(managerId, ct).ConfigureAwait(false), Answered: true);
        }
        catch (GraphException ex)
        {
            LogGraphDegraded(logger, ex.Operation);
            return new ManagerLookup(null, Answered: false);
        }
    }

    private readonly record struct ManagerLookup(DirectoryUser? User, bool Answered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leader report: Graph {Operation} failed; that figure is left out")]
    private static partial void LogGraphDegraded(ILogger logger, string operation);
}
