using System.Collections.Concurrent;
using CoachBot.Coaching.Calendar;
using CoachBot.Graph;
using CoachBot.Nudges;
using CoachBot.Storage;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using Microsoft.Extensions.Options;

namespace CoachBot.Delivery;

/// <summary>
/// Every <see cref="NudgeOptions.SchedulerInterval"/>: enqueues a nudge job for each manager of the <see cref="ManagerRoster"/> whose local nudge
/// time has come today (their mailbox time zone; the start of their working hours unless they chose an hour; not on days
/// off or non-working days), and a follow-up job for each due plan whose rep-local follow-up hour has come. A
/// "scheduled" marker keeps each job to one enqueue per day across ticks and instances (the send record is the real guard).
/// </summary>
internal sealed class DeliveryScheduler(
    DeliveryQueue queue,
    SendLedger ledger,
    ManagerSettingsStore settingsStore,
    FollowUpIndex followUps,
    ManagerRoster roster,
    ICalendarDirectory calendar,
    IEnumerable<IDueJobSource> sources,
    NudgeTenant nudgeTenant,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    IHostEnvironment environment,
    ILogger<DeliveryScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, (WorkingHours Hours, DateTimeOffset Until)> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _scheduled = new(StringComparer.Ordinal);

    public bool Enabled => options.Value.SchedulerEnabled ?? !environment.IsDevelopment();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        using var timer = new PeriodicTimer(options.Value.SchedulerInterval, time);
        do
        {
            try
            {
                var count = await RunDueAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                if (count > 0) DeliveryLog.Enqueued(logger, count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed tick (storage down) is retried on the next tick.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DeliveryLog.TickFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One tick: enqueues what is due at <paramref name="now"/>; returns how many jobs were enqueued.</summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var tenant = nudgeTenant.Id;
        var count = 0;
        foreach (var managerId in await roster.GetManagersAsync(tenant, ct).ConfigureAwait(false))
        {
            var settings = await settingsStore.GetAsync(tenant, managerId, ct).ConfigureAwait(false);
            var hours = await HoursAsync(managerId, settings, now, ct).ConfigureAwait(false);
            var zone = ZoneOf(hours.TimeZoneId);
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var day = DateOnly.FromDateTime(local.DateTime);
            if (!hours.Days.Contains(day.DayOfWeek) || settings.DaysOff.Contains(day.DayOfWeek)) continue;
            var at = (settings.NudgeHour ?? o.DefaultNudgeHour) is { } h ? new TimeOnly(h, 0) : hours.Start;
            if (TimeOnly.FromDateTime(local.DateTime) < at) continue;
            if (await EnqueueOnceAsync(new DeliveryJob(DeliveryJob.NudgeKind, tenant, managerId, day), now, ct).ConfigureAwait(false)) count++;
        }

        foreach (var source in sources)
            foreach (var job in await source.DueAsync(tenant, now, ct).ConfigureAwait(false))
                if (await EnqueueOnceAsync(job, now, ct).ConfigureAwait(false)) count++;

        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        for (var due = utcToday.AddDays(-1); due <= utcToday.AddDays(1); due = due.AddDays(1))
        {
            foreach (var f in await followUps.ListAsync(due, ct).ConfigureAwait(false))
            {
                if (f.Sent) continue;
                var local = TimeZoneInfo.ConvertTime(now, ZoneOf(f.TimeZoneId ?? "UTC"));
                var localDay = DateOnly.FromDateTime(local.DateTime);
                if (localDay < f.Due || (localDay == f.Due && local.Hour < o.FollowUpHour)) continue;
                if (await EnqueueOnceAsync(new DeliveryJob(DeliveryJob.FollowUpKind, f.TenantId, f.UserKey, f.Due, f.PlanId), now, ct).ConfigureAwait(false)) count++;
            }
        }
        return count;
    }

    /// <summary>Enqueues a job unless it was already scheduled (marker in the send ledger); true when this call enqueued it.</summary>
    internal async Task<bool> EnqueueOnceAsync(DeliveryJob job, DateTimeOffset now, CancellationToken ct)
    {
        var key = TableKeys.Join(job.TenantId, job.UserKey, job.SendKey);
        if (_scheduled.ContainsKey(key)) return false;
        // Mark first: a crash before the enqueue would lose the day, so the marker is removed if the enqueue fails.
        if (!await ledger.TryMarkScheduledAsync(job, now, ct).ConfigureAwait(false))
        {
            _scheduled.TryAdd(key, true);
            return false;
        }
        try
        {
            await queue.EnqueueAsync(job, ct).ConfigureAwait(false);
        }
        catch
        {
            await ledger.UnmarkScheduledAsync(job, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        _scheduled.TryAdd(key, true);
        return true;
    }

    private async Task<WorkingHours> HoursAsync(string managerId, ManagerSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        if (_mailboxes.TryGetValue(managerId, out var cached) && cached.Until > now) return cached.Hours;
        try
        {
            var mailbox = await calendar.GetMailboxSettingsAsync(managerId, ct).ConfigureAwait(false);
            _mailboxes[managerId] = (mailbox.WorkingHours, now + options.Value.MailboxCacheTime);
            if (settings.TimeZoneId != mailbox.WorkingHours.TimeZoneId)
                await settingsStore.UpdateAsync(nudgeTenant.Id, managerId, s => s with { TimeZoneId = mailbox.WorkingHours.TimeZoneId }, ct).ConfigureAwait(false);
            return mailbox.WorkingHours;
        }
        catch (GraphException ex)
        {
            NudgeLog.GraphDegraded(logger, ex.Operation);
            return WorkingHours.Default(settings.TimeZoneId ?? "UTC");
        }
    }

    private static TimeZoneInfo ZoneOf(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
