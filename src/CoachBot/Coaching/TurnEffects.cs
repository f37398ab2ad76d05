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

    /// <summary>
    /// Writes the topic signal of a reply decided on the cached state while that state is read again
    /// (<see cref="CoachingBot"/>), so a new topic costs two round trips, not three; null when the reply raises none.
    /// The caller settles it with <see cref="SettleAheadAsync"/> once the turn is decided on the row it read.
    /// </summary>
    public Task<string?>? SignalAheadAsync(CoachingReply? reply, CoachingState cached, RepIdentity rep, TurnFacts turn, CancellationToken ct) =>
        reply is not null && RaisedTopic(reply, cached) is { } topic ? SignalTopicAsync(topic, rep, turn, ct) : null;

    /// <summary>
    /// Keeps the signal written ahead if the turn, decided on the row just read, raises a topic (the upsert that
    /// follows rewrites the same row with the right topic); takes it back if the turn raises none or will not be
    /// stored (the rep's "forget me" is under way), so no count and no personal row outlives the decision.
    /// </summary>
    /// <returns>The topic the signal row still holds, or null when there is none.</returns>
    public async Task<string?> SettleAheadAsync(string? signalled, CoachingReply? reply, CoachingState read, bool stored, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        if (signalled is null || stored && reply is not null && RaisedTopic(reply, read) is not null) return signalled;
        await signals.RemoveAsync(TopicSignal(signalled, rep, turn), ct).ConfigureAwait(false);
        return null;
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

    private async Task<string?> SignalTopicAsync(string topic, RepIdentity rep, TurnFacts turn, CancellationToken ct)
    {
        await signals.RecordAsync(TopicSignal(topic, rep, turn), ct).ConfigureAwait(false);
        return topic;
    }

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
