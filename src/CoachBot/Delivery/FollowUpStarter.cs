using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.FollowUp;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Turns;

namespace CoachBot.Delivery;

/// <summary>
/// Opens a due plan's follow-up in the rep's 1:1 chat: the follow-up state is saved first (so the rep's answer is
/// understood whichever instance receives it), then the question is sent, then the index is marked. A rep who said
/// "stop check-ins" in that chat gets nothing: the follow-up is dropped, not postponed.
/// </summary>
internal sealed class FollowUpStarter(PlanStore plans, CoachingStore store, FollowUpIndex index, ProactiveMessenger messenger) : IFollowUpStarter
{
    private const int MaxStateConflicts = 3;

    public async Task<ProactiveResult> StartAsync(string tenantId, string userKey, string planId, CancellationToken ct)
    {
        var plan = await plans.GetAsync(tenantId, userKey, planId, ct).ConfigureAwait(false);
        if (plan is null || plan.Outcome is not null) return new ProactiveResult(ProactiveOutcome.NothingToSend);
        var chat = await messenger.ResolvePersonalChatAsync(tenantId, userKey, ct).ConfigureAwait(false);
        if (chat is null) return new ProactiveResult(ProactiveOutcome.NotInstalled);

        var commitment = new Commitment(plan.Text, plan.Due, plan.Topic, null, null, DateOnly.FromDateTime(plan.CreatedAt.UtcDateTime));
        CoachingReply? opening = null;
        for (var attempt = 0; attempt < MaxStateConflicts && opening is null; attempt++)
        {
            var stored = await store.GetStateAsync(tenantId, userKey, chat.ConversationId, ct).ConfigureAwait(false);
            if (stored.State.CheckInsOff) return new ProactiveResult(ProactiveOutcome.NothingToSend);
            var candidate = FollowUpEngine.Start(stored.State, commitment);
            if (await store.SaveStateAsync(tenantId, userKey, chat.ConversationId, candidate.State, stored.ETag, ct).ConfigureAwait(false))
                opening = candidate;
        }
        if (opening is null) throw new InvalidOperationException("The rep's conversation kept changing; the follow-up will be retried.");

        var result = await messenger.SendAsync(chat, opening.Text, null, ct).ConfigureAwait(false);
        if (result.Outcome == ProactiveOutcome.Sent)
            await index.MarkSentAsync(new FollowUpDue(tenantId, userKey, planId, plan.Due, null, Sent: true), ct).ConfigureAwait(false);
        return result;
    }
}
