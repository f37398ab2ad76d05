using System.Globalization;
using System.Text;
using System.Text.Json;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Topics;
using CoachBot.Erasure;
using CoachBot.Plans;
using CoachBot.Storage;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching;

/// <summary>
/// The I/O a coaching reply asks for (see <see cref="ReplyKind"/>). Everything here runs before the turn is saved and
/// is idempotent (upserts keyed by the activity or plan), so a retried or redelivered turn cannot double it; text it
/// adds becomes part of the stored reply, so a redelivery resends the same answer. "forget me" is not here: see
/// <see cref="Erasure.RepErasure"/>.
/// </summary>
internal sealed class TurnEffects(PlanStore plans, PlanActions planActions, TeamSignalStore signals, FollowUpIndex followUps, CoachingStore store, IOptions<CoachingOptions> options)
{
    /// <summary>Applies the reply's effects; returns the text to send (the engine's, plus any listing).</summary>
    public async Task<string> ApplyAsync(CoachingReply reply, CoachingState before, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        if (reply.State.Topic is { } topic && topic != before.Topic)
            await Signal(TeamSignal.TopicRaised, rep, turn, topic, null, ct).ConfigureAwait(false);

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
                if (await FindPlanAsync(rep, shared, ct).ConfigureAwait(false) is { } plan) await planActions.ShareAsync(plan, ct).ConfigureAwait(false);
                else await signals.RecordAsync(new TeamSignal(rep.TenantId, turn.Day, TeamSignal.PlanShared, rep.UserKey, turn.ActivityId,
                    shared.TopicId, shared.Plan, shared.Due, turn.At), ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.RequestFieldDay:
                if (reply.Plan is { } forPlan && await FindPlanAsync(rep, forPlan, ct).ConfigureAwait(false) is { } requested)
                    await planActions.RequestFieldDayAsync(requested, ct).ConfigureAwait(false);
                else await Signal(TeamSignal.FieldDayRequested, rep, turn, reply.State.Topic, null, ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.FollowUpRecorded or ReplyKind.FollowUpReflected when reply.FollowUp is { } outcome:
                var followed = (await plans.ListAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false))
                    .Where(p => p.Text == outcome.Plan && p.Due == outcome.Due).MaxBy(p => p.CreatedAt);
                if (followed is not null)
                    await plans.UpdateAsync(followed with { Outcome = outcome.Outcome.ToString(), OutcomeNote = outcome.Reflection is null ? outcome.Learned : $"{outcome.Learned}\n{outcome.Reflection}" }, ct).ConfigureAwait(false);
                return reply.Text;
            case ReplyKind.Export:
                return reply.Text + "\n\n" + await ExportAsync(rep, ct).ConfigureAwait(false);
            default:
                return reply.Text;
        }
    }

    private Task Signal(string kind, RepIdentity rep, TurnFacts turn, string? topic, string? planText, CancellationToken ct) =>
        signals.RecordAsync(new TeamSignal(rep.TenantId, turn.Day, kind, rep.UserKey, turn.ActivityId, topic, planText, null, turn.At), ct);

    private async Task<PlanRecord?> FindPlanAsync(RepIdentity rep, Commitment commitment, CancellationToken ct) =>
        (await plans.ListAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false))
            .Where(p => p.Text == commitment.Plan && p.Due == commitment.Due).MaxBy(p => p.CreatedAt);

    /// <summary>
    /// The rep restated the plan just confirmed with a new day: the same row gets the new text and date, its follow-up moves
    /// and a shared copy is brought up to date (<see cref="PlanActions.ChangeAsync"/>). A row that is gone (erased by
    /// retention) is written again under the same id.
    /// </summary>
    private async Task UpdatePlanAsync(CoachingState before, Commitment restated, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        var stored = before.PlanId is { } id
            ? await plans.GetAsync(rep.TenantId, rep.UserKey, id, ct).ConfigureAwait(false)
            : before.LastPlan is { } last ? await FindPlanAsync(rep, last, ct).ConfigureAwait(false) : null;
        if (stored is not null)
        {
            await planActions.ChangeAsync(stored, restated.Plan, restated.Due, ct).ConfigureAwait(false);
            return;
        }
        var planId = before.PlanId ?? turn.ActivityId;
        await plans.UpdateAsync(new PlanRecord(rep.TenantId, rep.UserKey, planId, turn.ConversationId, restated.TopicId, restated.Plan, restated.Due, turn.At), ct).ConfigureAwait(false);
        await followUps.ScheduleAsync(new FollowUpDue(rep.TenantId, rep.UserKey, planId, restated.Due, turn.TimeZoneId, Sent: false), ct).ConfigureAwait(false);
    }

    private const string NoOpenPlans = "You have no open plans right now. When we've worked a situation through and you've made a plan, it shows up here.";

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

    /// <summary>The rep's own data as JSON in a code block: plans and turns (with their own words), newest first, bounded.</summary>
    private async Task<string> ExportAsync(RepIdentity rep, CancellationToken ct)
    {
        var allPlans = await plans.ListAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false);
        var turns = await store.GetTurnsAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false);
        var export = new
        {
            exportedFor = rep.AadObjectId ?? rep.TeamsId,
            plans = allPlans.Select(p => new { p.Text, due = p.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), topic = p.Topic is { } t ? TopicTaxonomy.Find(t)?.Name : null, p.SharedWithManager, p.FieldDayRequested, p.Outcome, p.OutcomeNote }),
            turns = turns.Where(t => t.Kind != nameof(ReplyKind.Export)).OrderByDescending(t => t.ReceivedAt).Select(t => new { at = t.ReceivedAt, you = t.RepText, coachBot = t.BotText, t.Topic, t.Stage }),
        };
        var json = JsonSerializer.Serialize(export, ExportJson);
        var max = options.Value.MaxExportCharacters;
        if (json.Length > max) json = json[..max] + "\n… (cut here: ask your admin for a full export)";
        return "```json\n" + json + "\n```";
    }

    private static readonly JsonSerializerOptions ExportJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>The facts of the inbound turn the effects need.</summary>
internal sealed record TurnFacts(string ActivityId, DateOnly Day, DateTimeOffset At, string? TimeZoneId, string ConversationId);
