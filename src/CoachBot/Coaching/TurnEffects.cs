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
    /// <see cref="StateCache"/>): the plan replies that change other rows, <c>export</c> and "forget me"'s erase. Two
    /// effects are written on a decision taken on the cached state, because the transaction's ETag check catches a stale
    /// one before anything is stored: a confirmed plan's follow-up entry (keyed by this message; if the turn is then
    /// decided otherwise, an entry whose plan was never stored is skipped when due, <c>FollowUpStarter</c>; its card is
    /// built from the plan the transaction wrote), and a new topic's signal (<see cref="SignalAheadAsync"/>).
    /// </summary>
    public static bool NeedsRead(CoachingReply reply) =>
        PlanEffects.Handles(reply.Kind) && reply.Kind != ReplyKind.PlanConfirmed
        || reply.Kind is ReplyKind.Export or ReplyKind.ForgetMeConfirmed;

    /// <summary>
    /// Writes the topic signal of a reply decided on the cached state, before the transaction confirms that state; null
    /// when the reply raises no topic, or when the row is there already: then another delivery of this turn wrote it,
    /// and it is that delivery's. The topic returned is this delivery's own row, which the caller settles:
    /// <see cref="SettleAheadAsync"/> if a failed transaction makes it decide the turn again on a row it read,
    /// <see cref="TakeBackAsync"/> if the turn turns out to be stored by another delivery.
    /// </summary>
    public Task<string?> SignalAheadAsync(CoachingReply? reply, CoachingState cached, RepIdentity rep, TurnFacts turn, CancellationToken ct) =>
        reply is not null && RaisedTopic(reply, cached) is { } topic ? SignalTopicAheadAsync(topic, rep, turn, ct) : NoSignal;

    /// <summary>
    /// Keeps the signal written ahead if the turn, decided on the row just read, raises a topic (the upsert that
    /// follows rewrites the same row with the right topic); takes it back if the turn raises none, so no count and no
    /// personal row outlives the decision. A turn that will not be stored ("forget me" under way) takes it back with
    /// <see cref="TakeBackAsync"/>.
    /// </summary>
    /// <returns>The topic the signal row still holds, or null when there is none.</returns>
    public async Task<string?> SettleAheadAsync(string? signalled, CoachingReply? reply, CoachingState read, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        if (signalled is null || reply is not null && RaisedTopic(reply, read) is not null) return signalled;
        await TakeBackAsync(signalled, rep, turn, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// Takes back this delivery's own signal: when the turn will not be stored, or when another delivery stored it (that
    /// one decided without a topic, or its signal row would have been there before this one's: signals are written
    /// before the transaction).
    /// </summary>
    public async Task TakeBackAsync(string? signalled, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        if (signalled is not null) await signals.RemoveAsync(TopicSignal(signalled, rep, turn), ct).ConfigureAwait(false);
    }

    /// <summary>Applies the reply's effects; returns the text to send (the engine's, plus any listing).</summary>
    /// <param name="signalled">The topic already signalled ahead for this turn (<see cref="SignalAheadAsync"/>), not written again.</param>
    public async Task<string> ApplyAsync(CoachingReply reply, CoachingState before, RepIdentity rep, TurnFacts turn, CancellationToken ct, string? signalled = null)
    {
        if (RaisedTopic(reply, before) is { } topic && topic != signalled)
            await signals.RecordAsync(TopicSignal(topic, rep, turn), ct).ConfigureAwait(false);

        if (await planEffects.TryApplyAsync(reply, before, rep, turn, ct).ConfigureAwait(false) is { } planText) return planText;
        return reply.Kind == ReplyKind.Export ? reply.Text + "\n\n" + await ExportAsync(rep, ct).ConfigureAwait(false) : reply.Text;
    }

    /// <summary>The topic the reply moves the conversation to, when it differs from the one before: a topic signal.</summary>
    private static string? RaisedTopic(CoachingReply reply, CoachingState before) =>
        reply.State.Topic is { } topic && topic != before.Topic ? topic : null;

    private static readonly Task<string?> NoSignal = Task.FromResult<string?>(null);

    private async Task<string?> SignalTopicAheadAsync(string topic, RepIdentity rep, TurnFacts turn, CancellationToken ct) =>
        await signals.TryAddAsync(TopicSignal(topic, rep, turn), ct).ConfigureAwait(false) ? topic : null;

    private static TeamSignal TopicSignal(string topic, RepIdentity rep, TurnFacts turn) =>
        new(rep.TenantId, turn.Day, TeamSignal.TopicRaised, rep.UserKey, turn.ActivityId, topic, null, null, turn.At);

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
