using System.Net;
using Azure;
using Azure.Data.Tables;
using CoachBot.Coaching.Dialogue;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Erasure;
using CoachBot.Storage.Plans;

namespace CoachBot.Storage.Turns;

/// <summary>
/// The <c>coaching</c> table. One partition per user (<see cref="TableKeys.UserPartition"/>) holds that user's
/// coaching state per conversation, every turn, and their conversation references, so a turn is saved in one
/// atomic transaction and "forget me" is one partition delete. Row keys:
/// <c>state|{conversation}</c>, <c>turn|{conversation}|{activityId}</c>, <c>ref|{conversation}</c>, <c>welcome|{conversation}</c>,
/// <c>plan|{planId}</c> (see <see cref="PlanStore"/>).
/// </summary>
public sealed class CoachingStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "coaching";

    public async Task<StoredState> GetStateAsync(string tenantId, string userKey, string conversationId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<StateEntity>(TableKeys.UserPartition(tenantId, userKey), StateKey(conversationId), cancellationToken: ct).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null) return new StoredState(CoachingState.New, null);
        return new StoredState(row.Value.ToState() ?? CoachingState.New, row.Value.ETag) { Erasing = row.Value.Erasing == true };
    }

    /// <summary>
    /// Marks every conversation state of the rep as being erased ("forget me" recorded), so the state read every turn
    /// makes anyway tells a turn to stop, with no separate look-up of the erase job. A merge: it changes each row's ETag,
    /// so a turn that read the state before the mark fails its transaction and reads it again. The erasers then delete
    /// the rows; a turn that finds no state looks the erase job up itself.
    /// </summary>
    public async Task MarkErasingAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        await foreach (var row in table.QueryAsync<KeyRow>(TableQueries.RowKeyPrefix(pk, StatePrefix), select: KeyRow.Keys, cancellationToken: ct).ConfigureAwait(false))
        {
            try
            {
                await table.UpdateEntityAsync(new StatePatch { PartitionKey = row.PartitionKey, RowKey = row.RowKey, Erasing = true }, ETag.All, TableUpdateMode.Merge, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                // Already erased.
            }
        }
    }

    /// <summary>
    /// Saves the turn, the new state and the conversation reference atomically. The turn row is an insert, so a
    /// redelivered activity fails the whole transaction as <see cref="SaveTurnResult.Duplicate"/>; the state row is
    /// written against the ETag it was read with, so two concurrent turns cannot overwrite each other. The turn is
    /// saved with its <see cref="TurnRecord.SendingUntil"/> lease already held. The new ETags of the turn row and the
    /// state row are returned (default when the service did not report them).
    /// </summary>
    public async Task<(SaveTurnResult Result, ETag TurnETag, ETag StateETag)> SaveTurnAsync(TurnRecord turn, CoachingState state, ETag? stateETag, StoredConversationReference? reference, PlanRecord? plan, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(turn.TenantId, turn.UserKey);
        var stateRow = StateEntity.From(pk, turn.ConversationId, state);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, TurnEntity.From(turn)),
            stateETag is { } etag
                ? new(TableTransactionActionType.UpdateReplace, stateRow, etag)
                : new(TableTransactionActionType.Add, stateRow),
        ];
        if (reference is not null) actions.Add(new(TableTransactionActionType.UpsertReplace, ConversationReferenceEntity.From(reference)));
        if (plan is not null) actions.Add(new(TableTransactionActionType.UpsertReplace, PlanEntity.From(plan)));
        try
        {
            var saved = await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
            return (SaveTurnResult.Saved, ETagOf(saved.Value, 0), ETagOf(saved.Value, 1));
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == (int)HttpStatusCode.Conflict)
        {
            return (SaveTurnResult.Duplicate, default, default);
        }
        // 404: the state row was erased ("forget me") since it was read; reading again finds no state and the erase job.
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return (SaveTurnResult.Conflict, default, default);
        }
    }

    private static ETag ETagOf(IReadOnlyList<Response> responses, int action) =>
        responses.Count > action ? responses[action].Headers.ETag ?? default : default;

    /// <summary>Writes a state outside a turn (e.g. opening a follow-up); false when another turn changed it first.</summary>
    public async Task<bool> SaveStateAsync(string tenantId, string userKey, string conversationId, CoachingState state, ETag? etag, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = StateEntity.From(TableKeys.UserPartition(tenantId, userKey), conversationId, state);
        try
        {
            if (etag is { } e) await table.UpdateEntityAsync(row, e, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            else await table.AddEntityAsync(row, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    public async Task<TurnRecord?> GetTurnAsync(string tenantId, string userKey, string conversationId, string activityId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TurnEntity>(TableKeys.UserPartition(tenantId, userKey), TurnKey(conversationId, activityId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.ToRecord() : null;
    }

    public async Task<IReadOnlyList<TurnRecord>> GetTurnsAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        var turns = new List<TurnRecord>();
        await foreach (var row in table.QueryAsync<TurnEntity>(TableQueries.RowKeyPrefix(pk, TurnPrefix), cancellationToken: ct).ConfigureAwait(false)) turns.Add(row.ToRecord());
        return [.. turns.OrderBy(t => t.ReceivedAt)];
    }

    /// <summary>
    /// Takes the sending lease of a stored turn whose lease is free or ran out, only if the row is still as
    /// <paramref name="turn"/> was read (If-Match its ETag): of concurrent takers on any instance exactly one wins.
    /// Returns the turn as now held, or null when another delivery changed it first.
    /// </summary>
    public async Task<TurnRecord?> TryTakeSendingLeaseAsync(TurnRecord turn, string by, DateTimeOffset since, DateTimeOffset until, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var patch = TurnLeasePatch.Of(turn);
        patch.SendingUntil = until;
        patch.SendingBy = by;
        patch.SendingSince = since;
        try
        {
            var updated = await table.UpdateEntityAsync(patch, turn.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
            return turn with { SendingUntil = until, SendingBy = by, SendingSince = since, ETag = updated.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Gives the sending lease back after a send that failed, so a redelivery need not wait for it to run out and does not
    /// take the turn for answered. Only while the row is unchanged since the lease was taken (If-Match): a lease taken over
    /// meanwhile (or a turn erased since) is left alone. Throws when storage fails: then the lease is not given back yet.
    /// </summary>
    public async Task ReleaseSendingLeaseAsync(TurnRecord turn, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var patch = TurnLeasePatch.Of(turn);
        patch.SendingUntil = TurnRecord.LeaseReleased;
        try
        {
            await table.UpdateEntityAsync(patch, turn.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
        }
    }

    /// <summary>True the first time it is called for a conversation, so the welcome is sent once.</summary>
    public async Task<bool> TryMarkWelcomedAsync(string tenantId, string userKey, string conversationId, DateTimeOffset at, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new WelcomeEntity { PartitionKey = TableKeys.UserPartition(tenantId, userKey), RowKey = WelcomeKey(conversationId), At = at }, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task UpsertReferenceAsync(StoredConversationReference reference, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(ConversationReferenceEntity.From(reference), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<StoredConversationReference?> GetReferenceAsync(string tenantId, string userKey, string conversationId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<ConversationReferenceEntity>(TableKeys.UserPartition(tenantId, userKey), ReferenceKey(conversationId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.ToRecord() : null;
    }

    /// <summary>Every conversation reference stored for a user (personal chat, group chats, channels).</summary>
    public async Task<IReadOnlyList<StoredConversationReference>> GetReferencesAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        var references = new List<StoredConversationReference>();
        await foreach (var row in table.QueryAsync<ConversationReferenceEntity>(TableQueries.RowKeyPrefix(pk, ReferencePrefix), cancellationToken: ct).ConfigureAwait(false)) references.Add(row.ToRecord());
        return references;
    }

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    /// <summary>
    /// The users of a tenant who had a coaching turn since <paramref name="since"/>: their state rows, which every message
    /// turn rewrites inside its transaction, so finding them costs no write. A key-range scan of the tenant's partitions
    /// that returns only partition keys (the roster runs it about hourly; see docs/nudges.md).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListActiveUsersAsync(string tenantId, DateTimeOffset since, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var (lower, upper) = TableKeys.TenantPartitions(tenantId);
        var filter = TableClient.CreateQueryFilter<StateEntity>(e => e.PartitionKey.CompareTo(lower) >= 0 && e.PartitionKey.CompareTo(upper) < 0
            && e.RowKey.CompareTo(StatePrefix) >= 0 && e.RowKey.CompareTo(StateUpper) < 0 && e.Timestamp >= since);
        var users = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<KeyRow>(filter, select: [nameof(KeyRow.PartitionKey)], cancellationToken: ct).ConfigureAwait(false))
            if (TableKeys.UserOf(tenantId, row.PartitionKey) is { } user) users.Add(user);
        return [.. users];
    }

    /// <summary>Some live conversation reference in the tenant (its serviceUrl and bot id serve a proactive install); null when none.</summary>
    public async Task<StoredConversationReference?> FindTenantReferenceAsync(string tenantId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var (lower, upper) = TableKeys.TenantPartitions(tenantId);
        var filter = TableClient.CreateQueryFilter<ConversationReferenceEntity>(e => e.PartitionKey.CompareTo(lower) >= 0 && e.PartitionKey.CompareTo(upper) < 0
            && e.RowKey.CompareTo(ReferencePrefix) >= 0 && e.RowKey.CompareTo(ReferenceUpper) < 0 && e.IsStale == false);
        await foreach (var row in table.QueryAsync<ConversationReferenceEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
            return row.ToRecord();
        return null;
    }

    /// <summary>Every row of one user ("forget me"), in 100-row transactions; returns how many were deleted.</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        var keys = new List<KeyRow>();
        await foreach (var row in table.QueryAsync<KeyRow>(e => e.PartitionKey == pk, select: KeyRow.Keys, cancellationToken: ct).ConfigureAwait(false))
            keys.Add(row);
        foreach (var chunk in keys.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                // Another eraser run got to some of these rows first: delete the rest one by one (a missing row is fine there).
                foreach (var e in chunk) await table.DeleteEntityAsync(e.PartitionKey, e.RowKey, ETag.All, ct).ConfigureAwait(false);
            }
        }
        return keys.Count;
    }

    /// <summary>
    /// Retention: deletes every turn (the rows that hold a rep's words) received before <paramref name="cutoff"/>, across
    /// all users; a filtered scan, run once a day. Returns how many were deleted.
    /// </summary>
    public async Task<int> DeleteTurnsBeforeAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter<TurnEntity>(e => e.RowKey.CompareTo(TurnPrefix) >= 0 && e.RowKey.CompareTo(TurnUpper) < 0 && e.ReceivedAt < cutoff);
        return await TableQueries.DeleteWhereAsync(table, filter, ct).ConfigureAwait(false);
    }

    /// <summary>A cheap round trip that proves the table service answers; used by /healthz.</summary>
    public async Task PingAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await foreach (var _ in table.QueryAsync<KeyRow>(e => e.PartitionKey == "~health", maxPerPage: 1, select: [nameof(KeyRow.PartitionKey)], cancellationToken: ct).AsPages().ConfigureAwait(false))
            break;
    }

    // Row-key prefixes of the row shapes, and the bound above each (see TableQueries.UpperBound).
    internal const string StatePrefix = "state|";
    internal const string TurnPrefix = "turn|";
    internal const string ReferencePrefix = "ref|";
    internal static readonly string StateUpper = TableQueries.UpperBound(StatePrefix);
    private static readonly string TurnUpper = TableQueries.UpperBound(TurnPrefix);
    private static readonly string ReferenceUpper = TableQueries.UpperBound(ReferencePrefix);

    internal static string StateKey(string conversationId) => TableKeys.Join("state", conversationId);
    internal static string TurnKey(string conversationId, string activityId) => TableKeys.Join("turn", conversationId, activityId);
    internal static string ReferenceKey(string conversationId) => TableKeys.Join("ref", conversationId);
    internal static string WelcomeKey(string conversationId) => TableKeys.Join("welcome", conversationId);
}
