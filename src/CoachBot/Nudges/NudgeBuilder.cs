using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;
using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Signals;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// Gathers one manager's day (settings, team, free/busy, last week's calendar, rep signals) and composes the nudge.
/// Graph failures degrade the card instead of failing it: no slots ("couldn't reach your calendar"), no coaching time.
/// </summary>
internal sealed class NudgeBuilder(
    ICalendarDirectory calendar,
    ITeamDirectory team,
    SignalCache signals,
    ManagerSettingsStore settingsStore,
    DealHelp.CoachingTimeReader coachingTime,
    IOptions<NudgeOptions> options,
    ILogger<NudgeBuilder> logger)
{
    private const int MaxSignalDays = 7;

    public async Task<NudgeContent?> BuildAsync(string tenantId, string managerId, DateOnly day, DateTimeOffset now, CancellationToken ct) =>
        await BuildAsync(tenantId, managerId, day, now, await settingsStore.GetAsync(tenantId, managerId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);

    public async Task<NudgeContent?> BuildAsync(string tenantId, string managerId, DateOnly day, DateTimeOffset now, ManagerSettings settings, CancellationToken ct)
    {
        var o = options.Value;
        var target = settings.CoachingTargetPercent ?? o.CoachingTargetPercent;

        var hours = await Degrade("mailboxSettings", () => calendar.GetMailboxSettingsAsync(managerId, ct), ct).ConfigureAwait(false) is { } mailbox
            ? mailbox.WorkingHours
            : WorkingHours.Default(settings.TimeZoneId ?? "UTC");
        var reps = await Degrade("directReports", () => team.GetRepsAsync(managerId, ct), ct).ConfigureAwait(false);
        var members = reps?.Select(r => new TeamMember(r.Id, r.DisplayName, settings.Tiers.GetValueOrDefault(r.Id, RepTier.Emerging))).ToList() ?? [];

        IReadOnlyList<CalendarEvent>? events = null;
        IReadOnlyList<FieldDaySlot> slots = [];
        var slotsUnavailable = reps is null;
        if (reps is { Count: > 0 })
        {
            events = await Degrade("events", () => calendar.GetEventsAsync(managerId, now.AddDays(-28), now.AddDays(28), ct), ct).ConfigureAwait(false);
            var schedules = await Degrade("getSchedule",
                () => calendar.GetSchedulesAsync(managerId, [managerId, .. reps.Select(r => r.Id)], now, now.AddDays(Math.Max(7, o.HorizonWorkingDays * 2)), ct), ct).ConfigureAwait(false);
            if (schedules is null || !schedules.TryGetValue(managerId, out var managerSchedule)) slotsUnavailable = true;
            else slots = FindSlots(managerSchedule, schedules, reps, members, events, settings, day, now, o);
        }

        var (requests, topics) = reps is null ? ([], []) : await ReadSignalsAsync(tenantId, reps, settings, day, ct).ConfigureAwait(false);
        CoachingTimeWindow? week = null;
        if (events is not null && reps is not null)
        {
            var reportAddresses = reps.Select(r => r.SmtpAddress).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            var managerAddress = (await Degrade("user", () => calendar.GetUserAsync(managerId, ct), ct).ConfigureAwait(false))?.SmtpAddress ?? managerId;
            week = await coachingTime.ComputeAsync(tenantId, managerId, events, managerAddress, hours, reportAddresses, now, target, ct).ConfigureAwait(false);
        }

        var input = new NudgeInput(day, slots, slotsUnavailable, requests, topics, members, week, target,
            settings.ThreeSixNo.IsEmpty ? null : settings.ThreeSixNo);
        var content = NudgeComposer.Compose(input, NudgeCompositionOptions.Default with { ThemeMinimumReps = o.ThemeMinimumReps, EmptyDay = o.EmptyDay });
        // The events behind the share, with rep names, so the manager can correct a class from the card.
        return content is not null && week is not null ? content with { CoachingTime = DealHelp.CoachingTimeReader.Line(week, target, reps!, hours.TimeZoneId) } : content;
    }

    private static List<FieldDaySlot> FindSlots(
        PersonSchedule managerSchedule, IReadOnlyDictionary<string, PersonSchedule> schedules, IReadOnlyList<DirectoryUser> reps,
        List<TeamMember> members, IReadOnlyList<CalendarEvent>? events, ManagerSettings settings, DateOnly day, DateTimeOffset now, NudgeOptions o)
    {
        var fieldRepsByAddress = events?.Where(CoachingTimeCalculator.IsFieldDay)
            .SelectMany(e => e.AttendeeIds.Select(a => (Address: a, Day: DateOnly.FromDateTime(e.Start.UtcDateTime))))
            .GroupBy(x => x.Address, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Max(x => x.Day), StringComparer.OrdinalIgnoreCase) ?? [];
        var fieldReps = new List<FieldDayRep>();
        foreach (var rep in reps)
        {
            if (!schedules.TryGetValue(rep.Id, out var schedule)) continue;
            var tier = members.First(m => m.Id == rep.Id).Tier;
            DateOnly? last = rep.SmtpAddress is { } a && fieldRepsByAddress.TryGetValue(a, out var d) ? d : null;
            fieldReps.Add(new FieldDayRep(schedule, rep.DisplayName, tier, AskedForFieldTime: false, last));
        }
        if (fieldReps.Count == 0) return [];
        var finderOptions = FieldDayOptions.Default with { AvoidDays = settings.DaysOff, MaxSuggestions = 15, AvoidDates = new HashSet<DateOnly> { day } };
        return [.. FieldDaySlotFinder.Find(new FieldDaySlotQuery(managerSchedule, fieldReps, now, o.HorizonWorkingDays, settings.FieldDayLength ?? o.FieldDayLength, finderOptions))];
    }

    private async Task<(List<RepRequest>, List<TopicSignal>)> ReadSignalsAsync(
        string tenantId, IReadOnlyList<DirectoryUser> reps, ManagerSettings settings, DateOnly day, CancellationToken ct)
    {
        var names = reps.ToDictionary(r => r.Id, r => r.DisplayName, StringComparer.OrdinalIgnoreCase);
        var since = settings.SignalsSince is { } s && s <= day && s > day.AddDays(-MaxSignalDays) ? s : day.AddDays(-1);
        // Keyed so a request shows once: a rep's field-day ask once per rep, a shared plan once per plan (latest wording).
        var requests = new Dictionary<(string Kind, string User, string Id), RepRequest>();
        var topics = new List<TopicSignal>();
        var yesterday = day.AddDays(-1);
        for (var d = since < yesterday ? since : yesterday; d <= day; d = d.AddDays(1))
        {
            foreach (var signal in await signals.ListAsync(tenantId, d, ct).ConfigureAwait(false))
            {
                if (!names.TryGetValue(signal.UserKey, out var name)) continue;
                switch (signal.Kind)
                {
                    case TeamSignal.FieldDayRequested when d >= since:
                        requests[(signal.Kind, signal.UserKey, "")] = new RepRequest(signal.UserKey, name, RepRequestKind.FieldDay);
                        break;
                    case TeamSignal.PlanShared when d >= since:
                        requests[(signal.Kind, signal.UserKey, signal.Id)] = new RepRequest(signal.UserKey, name, RepRequestKind.SharedPlan, signal.SharedPlanText, signal.SharedPlanDue);
                        break;
                    // "What reps were stuck on yesterday": topics of the day before the nudge only.
                    case TeamSignal.TopicRaised when d == yesterday && signal.Topic is { } topic:
                        topics.Add(new TopicSignal(signal.UserKey, topic));
                        break;
                }
            }
        }
        return ([.. requests.Values], topics);
    }

    private async Task<T?> Degrade<T>(string operation, Func<Task<T>> call, CancellationToken ct) where T : class?
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (GraphException ex) when (!ct.IsCancellationRequested)
        {
            NudgeLog.GraphDegraded(logger, ex.Operation.Length > 0 ? ex.Operation : operation);
            return null;
        }
    }
}
