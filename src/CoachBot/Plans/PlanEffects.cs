using System.Globalization;
using System.Text;
using CoachBot.Coaching;
using CoachBot.Coaching.Dialogue;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;

namespace CoachBot.Plans;

/// <summary>
/// The I/O of the plan replies (<see cref="ReplyKind.PlanConfirmed"/>, <see cref="ReplyKind.PlanUpdated"/>, <c>my plans</c>,
/// <c>share</c>, <c>field day</c>, a follow-up's outcome): the typed half of the plan feature, whose clicked half is
/// <see cref="PlanCardActions"/>; both end in <see cref="PlanActions"/>. Called by <see cref="TurnEffects"/> before the turn
/// is saved; every write is an upsert keyed by the activity or the plan, so a rerun changes nothing twice.
/// </summary>
internal sealed class PlanEffects(PlanStore plans, PlanActions planActions, TeamSignalStore signals, FollowUpIndex followUps)
{
    private const string NoOpenPlans = "You have no open plans right now. When we've worked a situation through and you've made a plan, it shows up here.";

    /// <summary>The reply kinds <see cref="TryApplyAsync"/> acts on (with I/O); any other kind it leaves alone.</summary>
    public static bool Handles(ReplyKind kind) => kind is ReplyKind.PlanConfirmed or ReplyKind.PlanUpdated or ReplyKind.ListPlans
        or ReplyKind.ShareWithManager or ReplyKind.RequestFieldDay or ReplyKind.FollowUpRecorded or ReplyKind.FollowUpReflected;

    /// <summary>Applies a plan reply's effects and returns the text to send; null when the reply is not about a plan.</summary>
    public async Task<string?> TryApplyAsync(CoachingReply reply, CoachingState before, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        switch (reply.Kind)
        {
            case ReplyKind.PlanConfirmed when reply.Plan is { } commitment:
                await followUps.ScheduleAsync(new FollowUpDue(rep.TenantId, rep.UserKey, turn.ActivityId, commitment.Due, turn.TimeZoneId, Sent: false), ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.PlanUpdated when reply.Plan is { } restated:
                await UpdatePlanAsync(before, restated, rep, turn, ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.ListPlans:
                return await ListPlansAsync(rep, ct).ConfigureAwait(false) is { } list ? reply.Text + "\n\n" + list : NoOpenPlans;
            // Typed commands take the same path as the plan card's buttons (PlanActions), so both reach the manager alike.
            case ReplyKind.ShareWithManager when reply.Plan is { } shared:
                if (await FindPlanAsync(rep, shared.Plan, shared.Due, ct).ConfigureAwait(false) is { } plan) await planActions.ShareAsync(plan, ct).ConfigureAwait(false);
                else await signals.RecordAsync(new TeamSignal(rep.TenantId, turn.Day, TeamSignal.PlanShared, rep.UserKey, turn.ActivityId,
                    shared.TopicId, shared.Plan, shared.Due, turn.At), ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.RequestFieldDay:
                if (reply.Plan is { } forPlan && await FindPlanAsync(rep, forPlan.Plan, forPlan.Due, ct).ConfigureAwait(false) is { } requested)
                    await planActions.RequestFieldDayAsync(requested, ct).ConfigureAwait(false);
                else await signals.RecordAsync(new TeamSignal(rep.TenantId, turn.Day, TeamSignal.FieldDayRequested, rep.UserKey, turn.ActivityId,
                    reply.State.Topic, null, null, turn.At), ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.FollowUpRecorded or ReplyKind.FollowUpReflected when reply.FollowUp is { } outcome:
                if (await FindPlanAsync(rep, outcome.Plan, outcome.Due, ct).ConfigureAwait(false) is { } followed)
                    await plans.UpdateAsync(followed with { Outcome = outcome.Outcome.ToString(), OutcomeNote = outcome.Reflection is null ? outcome.Learned : $"{outcome.Learned}\n{outcome.Reflection}" }, ct).ConfigureAwait(false);
                return reply.Text;
            default:
                return null;
        }
    }

    /// <summary>The rep's newest stored plan with this text and due date.</summary>
    private async Task<PlanRecord?> FindPlanAsync(RepIdentity rep, string text, DateOnly due, CancellationToken ct) =>
        (await plans.ListAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false))
            .Where(p => p.Text == text && p.Due == due).MaxBy(p => p.CreatedAt);

    /// <summary>
    /// The rep restated the plan just confirmed with a new day: the same row gets the new text and date, its follow-up moves
    /// and a shared copy is brought up to date (<see cref="PlanActions.ChangeAsync"/>). A row that is gone (erased by
    /// retention) is written again under the same id.
    /// </summary>
    private async Task UpdatePlanAsync(CoachingState before, Commitment restated, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        var stored = before.PlanId is { } id
            ? await plans.GetAsync(rep.TenantId, rep.UserKey, id, ct).ConfigureAwait(false)
            : before.LastPlan is { } last ? await FindPlanAsync(rep, last.Plan, last.Due, ct).ConfigureAwait(false) : null;
        if (stored is not null)
        {
            await planActions.ChangeAsync(stored, restated.Plan, restated.Due, ct).ConfigureAwait(false);
            return;
        }
        var planId = before.PlanId ?? turn.ActivityId;
        await plans.UpdateAsync(new PlanRecord(rep.TenantId, rep.UserKey, planId, turn.ConversationId, restated.TopicId, restated.Plan, restated.Due, turn.At), ct).ConfigureAwait(false);
        await followUps.ScheduleAsync(new FollowUpDue(rep.TenantId, rep.UserKey, planId, restated.Due, turn.TimeZoneId, Sent: false), ct).ConfigureAwait(false);
    }

    /// <summary>The open plans as a list, or null when there are none (then the heading is not sent at all).</summary>
    private async Task<string?> ListPlansAsync(RepIdentity rep, CancellationToken ct)
    {
        var open = (await plans.ListAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false)).Where(p => p.Outcome is null).ToList();
        if (open.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var p in open)
            sb.Append(CultureInfo.InvariantCulture, $"- {p.Text} (due {p.Due:ddd d MMM}{(p.SharedWithManager ? ", shared with your manager" : "")})\n");
        return sb.ToString().TrimEnd();
    }
}
