using CoachBot.Storage.Delivery;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;

namespace CoachBot.Storage;

/// <summary>
/// Every PartitionKey and RowKey that one inbound activity can make CoachBot write, built by the very functions the
/// stores use, so the key budget has one source of truth: an activity whose ids would overflow any of them can be
/// refused (400) before anything is stored or sent, instead of failing in storage after the retries.
/// </summary>
public static class TurnKeys
{
    // Keys hold days as yyyy-MM-dd: every day has the same length.
    private static readonly DateOnly AnyDay = new(2000, 1, 1);

    /// <summary>The keys written for an activity of this rep (<paramref name="activityId"/> doubles as the id of a plan it states).</summary>
    public static IEnumerable<string> For(string tenantId, string userKey, string conversationId, string activityId)
    {
        // coaching (state, turn, reference, welcome, plan) and nudgesends share the rep's partition.
        yield return TableKeys.UserPartition(tenantId, userKey);
        yield return CoachingStore.StateKey(conversationId);
        yield return CoachingStore.TurnKey(conversationId, activityId);
        yield return CoachingStore.ReferenceKey(conversationId);
        yield return CoachingStore.WelcomeKey(conversationId);
        yield return PlanStore.RowKey(activityId);
        foreach (var kind in TeamSignal.Kinds)
        {
            var signal = new TeamSignal(tenantId, AnyDay, kind, userKey, activityId, null, null, null, default);
            yield return TeamSignalStore.PartitionKey(signal);
            yield return TeamSignalStore.RowKey(signal);
        }
        var due = new FollowUpDue(tenantId, userKey, activityId, AnyDay, null, Sent: false);
        yield return FollowUpIndex.PartitionKey(due);
        yield return FollowUpIndex.RowKey(due);
        var followUp = new DeliveryJob(DeliveryJob.FollowUpKind, tenantId, userKey, AnyDay, activityId);
        yield return followUp.SendKey;
        yield return SendLedger.ScheduledKey(followUp);
    }

    /// <summary>True when every key of <see cref="For"/> fits <see cref="TableLimits.MaxKeyLength"/>.</summary>
    public static bool Fit(string tenantId, string userKey, string conversationId, string activityId) =>
        For(tenantId, userKey, conversationId, activityId).All(TableLimits.FitsKey);
}
