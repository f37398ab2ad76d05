using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;

namespace CoachBot.Plans;

/// <summary>
/// What a rep can do with a stated plan — share it with their manager, ask for a field day on it, change its text or
/// date — in one place, whether the rep clicked the plan card or typed the command: the plan's flags, the team signal
/// the manager's nudge reads, and the follow-up's due day always move together. Every step is an idempotent upsert
/// keyed by the plan, so a repeated click or a redelivered turn changes nothing twice.
/// </summary>
internal sealed class PlanActions(PlanStore plans, TeamSignalStore signals, FollowUpIndex followUps, TimeProvider time)
{
    public async Task<PlanRecord> ShareAsync(PlanRecord plan, CancellationToken ct)
    {
        plan = plan with { SharedWithManager = true };
        await plans.UpdateAsync(plan, ct).ConfigureAwait(false);
        await RecordAsync(TeamSignal.PlanShared, plan, ct).ConfigureAwait(false);
        return plan;
    }

    public async Task<PlanRecord> RequestFieldDayAsync(PlanRecord plan, CancellationToken ct)
    {
        plan = plan with { FieldDayRequested = true };
        await plans.UpdateAsync(plan, ct).ConfigureAwait(false);
        await RecordAsync(TeamSignal.FieldDayRequested, plan, ct).ConfigureAwait(false);
        return plan;
    }

    /// <summary>New text and due date: the follow-up moves to the new day and a shared copy is brought up to date.</summary>
    public async Task<PlanRecord> ChangeAsync(PlanRecord plan, string text, DateOnly due, CancellationToken ct)
    {
        var changed = plan with { Text = text, Due = due };
        await plans.UpdateAsync(changed, ct).ConfigureAwait(false);
        if (due != plan.Due)
        {
            var current = await followUps.GetAsync(plan.TenantId, plan.UserKey, plan.PlanId, plan.Due, ct).ConfigureAwait(false);
            if (current is not null) await followUps.RescheduleAsync(current, due, ct).ConfigureAwait(false);
            else await followUps.ScheduleAsync(new FollowUpDue(plan.TenantId, plan.UserKey, plan.PlanId, due, TimeZoneId: null, Sent: false), ct).ConfigureAwait(false);
        }
        if (changed.SharedWithManager) await RecordAsync(TeamSignal.PlanShared, changed, ct).ConfigureAwait(false);
        return changed;
    }

    // Keyed by the plan id: the nudge shows each plan (and each plan's field-day request) once, in its latest wording.
    private Task RecordAsync(string kind, PlanRecord plan, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var shared = kind == TeamSignal.PlanShared;
        return signals.RecordAsync(new TeamSignal(plan.TenantId, DateOnly.FromDateTime(now.UtcDateTime), kind, plan.UserKey, plan.PlanId, plan.Topic,
            shared ? plan.Text : null, shared ? plan.Due : null, now), ct);
    }
}
