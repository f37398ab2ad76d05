using System.Globalization;
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
/// The I/O a coaching reply asks for (see <see cref="ReplyKind"/>): the topic signal and <c>export</c> here, the plan
/// replies in their feature folder (<see cref="PlanEffects"/>). Everything here runs before the turn is saved and
/// is idempotent (upserts keyed by the activity or plan), so a retried or redelivered turn cannot double it; text it
/// adds becomes part of the stored reply, so a redelivery resends the same answer. "forget me" is not here: see
/// <see cref="Erasure.RepErasure"/>.
/// </summary>
internal sealed class TurnEffects(PlanEffects planEffects, PlanStore plans, TeamSignalStore signals, CoachingStore store, IOptions<CoachingOptions> options)
{
    /// <summary>
    /// Whether the reply does I/O beyond the turn's own transaction that must be decided on a freshly read state (see
    /// <see cref="StateCache"/>): a new topic's signal (one decided on a stale state could count a topic the rep had
    /// already raised), the plan replies that change other rows, <c>export</c> and "forget me"'s erase. A confirmed plan
    /// is not among them: its only effect is the follow-up entry keyed by this message, and if a stale state fails the
    /// transaction and the turn is decided otherwise, an entry whose plan was never stored is skipped when due
    /// (<c>FollowUpStarter</c>); its reply's card is built from the plan the transaction wrote.
    /// </summary>
    public static bool Needs(CoachingReply reply, CoachingState before) =>
        RaisedTopic(reply, before) is not null
        || PlanEffects.Handles(reply.Kind) && reply.Kind != ReplyKind.PlanConfirmed
        || reply.Kind is ReplyKind.Export or ReplyKind.ForgetMeConfirmed;

    /// <summary>Applies the reply's effects; returns the text to send (the engine's, plus any listing).</summary>
    public async Task<string> ApplyAsync(CoachingReply reply, CoachingState before, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        if (RaisedTopic(reply, before) is { } topic)
            await Signal(TeamSignal.TopicRaised, rep, turn, topic, null, ct).ConfigureAwait(false);

        if (await planEffects.TryApplyAsync(reply, before, rep, turn, ct).ConfigureAwait(false) is { } planText) return planText;
        return reply.Kind == ReplyKind.Export ? reply.Text + "\n\n" + await ExportAsync(rep, ct).ConfigureAwait(false) : reply.Text;
    }

    /// <summary>The topic the reply moves the conversation to, when it differs from the one before: a topic signal.</summary>
    private static string? RaisedTopic(CoachingReply reply, CoachingState before) =>
        reply.State.Topic is { } topic && topic != before.Topic ? topic : null;

    private Task Signal(string kind, RepIdentity rep, TurnFacts turn, string? topic, string? planText, CancellationToken ct) =>
        signals.RecordAsync(new TeamSignal(rep.TenantId, turn.Day, kind, rep.UserKey, turn.ActivityId, topic, planText, null, turn.At), ct);

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
