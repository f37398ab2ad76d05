using CoachBot.Coaching.Dialogue;
using CoachBot.Erasure;
using CoachBot.Fleet;
using CoachBot.Managers;
using CoachBot.Plans;
using CoachBot.Storage;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.DealHelp;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Fleet;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;
using CoachBot.Telemetry;
using Microsoft.Extensions.Options;

namespace CoachBot.Coaching;

/// <summary>
/// CoachBot's turn logic: welcomes on install, coaches on messages. Each message turn is read, decided by the pure
/// <see cref="CoachingEngine"/>, saved atomically (turn + state + reference), and only then answered, so a redelivery
/// is recognised by its stored turn and never answered twice. A plain turn makes one storage request, the transaction,
/// against the state this instance stored last (<see cref="StateCache"/>); a turn with no cached state, or one whose
/// reply does more I/O, reads the state first (the row also says whether the rep's "forget me" is under way). Nothing is written after the reply:
/// the process's reply watermark in the <c>fleet</c> table (<see cref="ReplySends"/>) says which stored turns were answered.
/// </summary>
internal sealed partial class CoachingBot(
    CoachingStore store,
    ManagerCommands managers,
    SendLedger ledger,
    ManagerSettingsStore managerSettings,
    PlanStore plans,
    TurnEffects effects,
    DrillLibraryProvider drills,
    RecentReplies recentReplies,
    StateCache states,
    ReplySends sends,
    SendingLeases leases,
    FleetTable fleet,
    RepErasure erasure,
    IEnumerable<ICardActionHandler> cardHandlers,
    IOptions<BotOptions> botOptions,
    TimeProvider time,
    ILogger<CoachingBot> logger) : TeamsActivityHandler
{
    /// <summary>Three rereads after a conflict, plus one for a cached state that was stale.</summary>
    private const int MaxStateConflicts = 4;

    /// <summary>A reply leaves at least this long before its sending lease runs out, so it completes before any takeover.</summary>
    private static readonly TimeSpan SendMargin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A card button. A Universal Action's invoke answer refreshes the card only in the clicker's open view, so the card
    /// message is also edited through the Connector (the invoke's replyToId is that message): otherwise the old card comes
    /// back after a reload. A legacy Action.Submit arrives as a message with no invoke answer, so the edit is all it gets.
    /// </summary>
    protected override async Task<InvokeResponse?> OnCardActionAsync(ITurnContext turn, CardActionInvoke action, CancellationToken ct)
    {
        var handler = cardHandlers.FirstOrDefault(h => h.Handles(action.Verb));
        if (handler is null) return await base.OnCardActionAsync(turn, action, ct).ConfigureAwait(false);
        var response = await handler.HandleAsync(action, RepIdentity.From(turn.Activity), ct).ConfigureAwait(false);
        if (turn.Activity.ReplyToId is { } cardMessageId && InvokeResponses.CardOf(response) is { } card)
        {
            try
            {
                await turn.UpdateActivityAsync(turn.Activity.CreateReply().WithCard(card), cardMessageId, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (action.IsUniversalAction && ex is ConnectorException or HttpRequestException)
            {
                // The click took effect and the invoke answer still shows it; only the stored copy stays old until the next click.
                LogCardUpdateFailed(logger, ex is ConnectorException c ? (int)c.Status : 0);
            }
        }
        return action.IsUniversalAction ? response : null;
    }

    protected override async Task OnMessageAsync(ITurnContext turn, CancellationToken ct)
    {
        using var trace = CoachBotTelemetry.Source.StartActivity("coaching turn");
        await using var typing = TypingIndicator.Start(turn, TimeSpan.FromSeconds(1), TypingIndicator.RepeatEvery);
        var activity = turn.Activity;
        var rep = RepIdentity.From(activity);
        var conversationId = turn.ConversationId;
        var text = MentionText.StripBotMention(activity);
        var now = time.GetUtcNow();
        var today = RepClock.Today(activity, now);
        var reference = ToStored(activity, rep, now);

        var facts = new TurnFacts(turn.ActivityId, DateOnly.FromDateTime(now.UtcDateTime), now, activity.LocalTimezone, conversationId);
        var command = await managers.TryAnswerAsync(rep, activity, text, today, ct).ConfigureAwait(false);

        var stateKey = StateCache.KeyOf(rep.TenantId, rep.UserKey, conversationId);
        (AsideReply? Aside, CoachingReply? Reply) Decide(StoredState stored)
        {
            // Not coaching material here: a manager's command, or anything but help and practice in a group or channel.
            var aside = command ?? PublicChat.Redirect(activity, stored.State, text, today);
            var reply = aside is null ? CoachingEngine.Respond(stored.State, text, today, drills.Current) : null;
            // A confirmed plan's row id is this message's id; the state keeps it so a restated plan updates that row.
            if (reply is { Kind: ReplyKind.PlanConfirmed }) reply = reply with { State = reply.State with { PlanId = activity.Id } };
            return (aside, reply);
        }

        // This delivery's own topic signal, written on the cached state's decision before the transaction confirms it
        // (TurnEffects.SignalAheadAsync), until the turn is stored, decided again on a row read, or found stored by another delivery.
        string? signalled = null;
        for (var attempt = 1; attempt <= MaxStateConflicts; attempt++)
        {
            // The state this instance stored last stands in for the read (StateCache), unless the reply decided on it
            // would do I/O beyond the transaction that a stale state must not decide: then, as for a state not cached,
            // the row is read and decides.
            var stored = states.TryGet(stateKey, out var cached) ? cached : null;
            var (aside, reply) = stored is null ? default : Decide(stored);
            if (stored is null || signalled is not null || reply is not null && TurnEffects.NeedsRead(reply))
            {
                var read = await store.GetStateAsync(rep.TenantId, rep.UserKey, conversationId, ct).ConfigureAwait(false);
                // The erase job is looked up only when the state says "erasing" or is missing (a first turn here, or the rep
                // was erased): a redelivered "forget me" confirmation, or any message while the erase is unfinished, is not a new turn.
                if ((read.Erasing || read.IsMissing) && await erasure.InterceptAsync(turn, rep, ct).ConfigureAwait(false))
                {
                    await effects.TakeBackAsync(signalled, rep, facts, ct).ConfigureAwait(false);
                    return;
                }
                // The row as cached (same ETag): the decision already taken on it stands.
                if (stored is null || read.ETag != stored.ETag) (aside, reply) = Decide(read);
                signalled = await effects.SettleAheadAsync(signalled, reply, read.State, rep, facts, ct).ConfigureAwait(false);
                stored = read;
            }
            else
            {
                // Decided on the cached state, with no read: a new topic's signal goes first, the transaction's ETag check
                // confirms the decision, and a conflict brings the turn round again to read the row and settle the signal.
                signalled = await effects.SignalAheadAsync(reply, stored.State, rep, facts, ct).ConfigureAwait(false);
            }
            var state = reply?.State ?? stored.State;
            var botText = reply is null ? aside!.Text : await effects.ApplyAsync(reply, stored.State, rep, facts, ct, signalled).ConfigureAwait(false);
            var kind = reply?.Kind.ToString() ?? aside!.Kind;
            var key = ReplySends.KeyOf(rep.TenantId, rep.UserKey, conversationId, turn.ActivityId);
            var since = sends.Begin(key);
            var record = new TurnRecord(rep.TenantId, rep.UserKey, conversationId, turn.ActivityId, rep.AadObjectId, rep.TeamsId,
                kind, state.Topic, state.Stage.ToString(), reply is not null ? reply.QuestionId : ManagerViews.DayRef(aside!.Day), botText, TurnRecord.ClipRepText(text), activity.Timestamp ?? now, null)
            {
                // Saved with the sending lease held by this process: a concurrent duplicate leaves the reply to it.
                SendingUntil = since + botOptions.Value.ReplyLease,
                SendingBy = sends.Id,
                SendingSince = since,
            };
            // The plan's id is the id of the message that stated it, so a redelivery finds the same plan.
            var plan = reply is { Kind: ReplyKind.PlanConfirmed, Plan: { } commitment }
                ? new PlanRecord(rep.TenantId, rep.UserKey, turn.ActivityId, conversationId, commitment.TopicId, commitment.Plan, commitment.Due, now)
                : null;

            // The conversation's reference row is rewritten only when it changed or is getting old (StateCache.HeldReference).
            var held = states.HeldReference(stateKey, reference, now);
            SaveTurnResult saved;
            Azure.ETag turnETag, stateETag;
            try
            {
                (saved, turnETag, stateETag) = await store.SaveTurnAsync(record, state, stored.ETag, held is null ? reference : null, plan, ct).ConfigureAwait(false);
            }
            catch
            {
                states.Forget(stateKey);
                // Whether the transaction landed is unknown: if it did, its lease must be given back before the
                // watermark may pass it, or a redelivery would take the unsent turn for answered.
                leases.GiveBackUnseen(record);
                throw;
            }
            if (saved != SaveTurnResult.Saved) sends.Settle(key);
            if (saved == SaveTurnResult.Saved) states.Remember(stateKey, new StoredState(state, stateETag), held ?? reference);
            else states.Forget(stateKey);
            switch (saved)
            {
                case SaveTurnResult.Saved:
                    LogTurn(logger, kind, state.Stage, state.Topic ?? "none");
                    CoachBotTelemetry.Turn(activity.Type!, kind);
                    // "forget me": recorded as a job, erased, and only then confirmed (RepErasure), not replied to here.
                    if (reply?.Kind == ReplyKind.ForgetMeConfirmed)
                    {
                        sends.Settle(key);
                        await erasure.ForgetAsync(turn, rep, reference, ct).ConfigureAwait(false);
                    }
                    else await ReplyAsync(turn, record with { ETag = turnETag }, ct, plan).ConfigureAwait(false);
                    return;
                case SaveTurnResult.Duplicate:
                    CoachBotTelemetry.Duplicate();
                    await effects.TakeBackAsync(signalled, rep, facts, ct).ConfigureAwait(false);
                    await AnswerStoredTurnAsync(turn, rep, conversationId, reference, ct).ConfigureAwait(false);
                    return;
                case SaveTurnResult.Conflict:
                    continue;
            }
        }
        throw new InvalidOperationException("The coaching state kept changing under this turn; the channel will redeliver it.");
    }

    /// <summary>
    /// Another delivery of this activity stored its turn. Answered — marked (older rows), remembered here, or settled by
    /// the holder's published watermark: nothing to do. Its lease is live and the holder has not settled it: wait for
    /// either (this process's own sends are known without storage). Lease given back, or run out unsettled (the holder
    /// died or lost storage before publishing past it): take it, ETag-conditional so one taker wins across instances,
    /// and send the stored reply. Only duplicates come here; the normal path makes no extra storage call.
    /// </summary>
    private async Task AnswerStoredTurnAsync(ITurnContext turn, RepIdentity rep, string conversationId, StoredConversationReference? reference, CancellationToken ct)
    {
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var existing = await store.GetTurnAsync(rep.TenantId, rep.UserKey, conversationId, turn.ActivityId, ct).ConfigureAwait(false);
            // The first delivery stored a "forget me" confirmation but may have died before recording the erase job:
            // record and run it now (the erase job is once-only and confirms by itself).
            if (existing?.Kind == nameof(ReplyKind.ForgetMeConfirmed))
            {
                await erasure.ForgetAsync(turn, rep, reference, ct).ConfigureAwait(false);
                return;
            }
            // Gone (erased by forget me or retention since), or already answered: nothing to send.
            if (existing is null || recentReplies.Contains(ReplySends.KeyOf(existing)) || await IsSettledAsync(existing, ct).ConfigureAwait(false))
            {
                LogDuplicate(logger, DuplicateOutcome.Answered);
                return;
            }
            var now = time.GetUtcNow();
            if (!existing.IsReleased && existing.SendingUntil is { } until && until > now)
            {
                await Task.Delay(until - now < pause ? until - now : pause, time, ct).ConfigureAwait(false);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
                continue;
            }
            // Lost the race: read again (the winner's lease is live now).
            var key = ReplySends.KeyOf(existing);
            var since = sends.Begin(key);
            TurnRecord? held;
            try
            {
                held = await store.TryTakeSendingLeaseAsync(existing, sends.Id, since, since + botOptions.Value.ReplyLease, ct).ConfigureAwait(false);
            }
            catch
            {
                leases.GiveBackUnseen(existing with { SendingBy = sends.Id, SendingSince = since });
                throw;
            }
            if (held is null)
            {
                sends.Settle(key);
                continue;
            }
            LogDuplicate(logger, DuplicateOutcome.TookOver);
            await ReplyAsync(turn, held, ct).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>
    /// Whether the holder of the turn's lease has settled it: this process knows its own sends; another's published
    /// watermark is read from the <c>fleet</c> table (one read, on this duplicate path only).
    /// </summary>
    private async Task<bool> IsSettledAsync(TurnRecord existing, CancellationToken ct)
    {
        if (existing.RepliedAt is not null) return true;
        if (existing.SendingBy is not { } holder || existing.IsReleased) return false;
        if (holder == sends.Id)
            return !sends.IsUnsettled(ReplySends.KeyOf(existing)) && existing.IsSettledBy(new FleetMember(holder, default, default, sends.Watermark(), null));
        return existing.IsSettledBy(await fleet.GetAsync(holder, ct).ConfigureAwait(false));
    }

    /// <param name="stored">The plan this turn's transaction wrote, if any: its card needs no read back.</param>
    private async Task ReplyAsync(ITurnContext turn, TurnRecord record, CancellationToken ct, PlanRecord? stored = null)
    {
        var key = ReplySends.KeyOf(record);
        try
        {
            var reply = turn.Activity.CreateReply(record.BotText);
            if (record.Kind is nameof(ReplyKind.PlanConfirmed) or nameof(ReplyKind.PlanUpdated)
                && (stored ?? await plans.GetAsync(record.TenantId, record.UserKey, await PlanIdAsync(record, ct).ConfigureAwait(false), ct).ConfigureAwait(false)) is { } plan)
                reply.WithCard(PlanCard.Build(plan).ToJsonElement());
            else if (record.Kind == nameof(ReplyKind.DealHelpOffered))
                reply.WithCard(DealHelp.DealHelpCards.BuildAsk(DealHelpStore.RequestIdOf(record.UserKey, record.ActivityId), record.RepText).ToJsonElement());
            else if (await ManagerViews.CardAsync(record, ledger, managerSettings, ct).ConfigureAwait(false) is { } managerCard)
                reply.WithCard(managerCard.ToJsonElement());
            // The send ends inside the sending lease: once it runs out another delivery may take over and send. It
            // leaves (after the rate limits) at least SendMargin before that, so a call in flight is rarely cut off:
            // one cut off may still have been delivered, and the takeover would send it again.
            var now = time.GetUtcNow();
            var until = record.SendingUntil ?? now;
            var left = until - now;
            using var bound = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, time);
            using var send = CancellationTokenSource.CreateLinkedTokenSource(ct, bound.Token);
            await turn.SendActivityAsync(reply, until - SendMargin, send.Token).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            // The bot was removed or blocked: retrying cannot help, and the reference must not be used again. Settled:
            // a redelivery must not try again either.
            sends.Settle(key);
            LogPermanentFailure(logger, (int)ex.Status, ex.Code);
            await RetireReferenceAsync(turn, ct).ConfigureAwait(false);
            return;
        }
        catch
        {
            // Not sent: give the lease back so the rerun or redelivery that follows can send at once. Until that is
            // stored, this send holds the watermark back, so nobody takes the turn for answered.
            await leases.GiveBackAsync(record).ConfigureAwait(false);
            throw;
        }
        // Sent: remembered here at once; other instances (and a restart) learn it from the next published watermark.
        recentReplies.Remember(key);
        sends.Sent(key);
    }

    /// <summary>A confirmed plan is the row of the message that stated it; an updated plan is the row the state points at.</summary>
    private async Task<string> PlanIdAsync(TurnRecord record, CancellationToken ct) =>
        record.Kind == nameof(ReplyKind.PlanUpdated)
        && (await store.GetStateAsync(record.TenantId, record.UserKey, record.ConversationId, ct).ConfigureAwait(false)).State.PlanId is { } id
            ? id
            : record.ActivityId;

    /// <summary>Stores the reference and welcomes once per conversation (Teams sends two activities for one install).</summary>
    protected override async Task OnInstalledAsync(ITurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        if (activity.From?.Id is null) return;
        var rep = RepIdentity.From(activity);
        var now = time.GetUtcNow();
        await store.UpsertReferenceAsync(ToStored(activity, rep, now)!, ct).ConfigureAwait(false);
        // Teams sends both installationUpdate and conversationUpdate on install: welcome once per conversation.
        if (!await store.TryMarkWelcomedAsync(rep.TenantId, rep.UserKey, turn.ConversationId, now, ct).ConfigureAwait(false)) return;
        var welcome = activity.CreateReply(ScopeWelcome.For(activity));
        welcome.ReplyToId = null;
        await turn.SendActivityAsync(welcome, ct).ConfigureAwait(false);
    }

    protected override Task OnUninstalledAsync(ITurnContext turn, CancellationToken ct) => RetireReferenceAsync(turn, ct);

    private async Task RetireReferenceAsync(ITurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        if (activity.From?.Id is null) return;
        var rep = RepIdentity.From(activity);
        // The next turn here must write the reference again, not trust the copy it stored before.
        states.Forget(StateCache.KeyOf(rep.TenantId, rep.UserKey, turn.ConversationId));
        if (ToStored(activity, rep, time.GetUtcNow()) is { } reference)
            await store.UpsertReferenceAsync(reference with { IsStale = true }, ct).ConfigureAwait(false);
    }

    private static StoredConversationReference? ToStored(Activity a, RepIdentity rep, DateTimeOffset now) =>
        ConversationReference.From(a) is { } r ? StoredConversationReference.Of(rep.TenantId, rep.UserKey, r, now) : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Coaching turn: {Kind} at stage {Stage}, topic {Topic}")]
    private static partial void LogTurn(ILogger logger, string kind, CoachingStage stage, string topic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate delivery of an activity: {Outcome}")]
    private static partial void LogDuplicate(ILogger logger, DuplicateOutcome outcome);

    private enum DuplicateOutcome
    {
        /// <summary>Answered by another delivery (or erased since): nothing sent.</summary>
        Answered,
        /// <summary>The first delivery's lease was free or ran out: this one sent the stored reply.</summary>
        TookOver,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A clicked card's message could not be updated (Connector status {Status}); the invoke answer still refreshed it")]
    private static partial void LogCardUpdateFailed(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector refused the reply for good ({Status} {Code}); conversation reference retired")]
    private static partial void LogPermanentFailure(ILogger logger, int status, string? code);
}
