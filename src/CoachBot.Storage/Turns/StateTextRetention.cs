using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage.Turns;

/// <summary>
/// Retention for the rep's words kept in a conversation's state row (<c>coaching</c>, <c>state|…</c>): the opening
/// situation and the goal (each up to 300 characters). Turns expire after <c>Coaching:RetentionDays</c>; a state row
/// not written since then (no turn in that conversation for as long) loses those two texts too. The rest of the state
/// (stage, drill progress, check-ins off, the last plan, which is also a plan row kept until "forget me") stays.
/// </summary>
public sealed class StateTextRetention(TableServiceClient service) : TableStore(service, CoachingStore.TableName)
{
    /// <summary>Clears situation and goal of every state row last written before <paramref name="cutoff"/>; returns how many changed.</summary>
    public async Task<int> ClearBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        // The state row is rewritten on every turn, so its Timestamp is the conversation's last activity.
        var filter = TableClient.CreateQueryFilter<StateEntity>(e =>
            e.RowKey.CompareTo(CoachingStore.StatePrefix) >= 0 && e.RowKey.CompareTo(CoachingStore.StateUpper) < 0 && e.Timestamp < cutoff);
        var cleared = 0;
        await foreach (var row in table.QueryAsync<StateEntity>(filter, select: [nameof(StateEntity.PartitionKey), nameof(StateEntity.RowKey), nameof(StateEntity.State)], cancellationToken: ct).ConfigureAwait(false))
        {
            var state = row.ToState();
            if (state is null || (state.Situation is null && state.Goal is null)) continue;
            var patch = new StatePatch { PartitionKey = row.PartitionKey, RowKey = row.RowKey, State = StateEntity.Json(state with { Situation = null, Goal = null }) };
            try
            {
                await table.UpdateEntityAsync(patch, row.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
                cleared++;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A turn (or forget me) wrote the row meanwhile: it is no longer stale, or no longer there.
            }
        }
        return cleared;
    }
}
