using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Conversations;

namespace CoachBot.Storage.Erasure;

/// <summary>
/// The <c>erasures</c> table: one row per rep with a "forget me" in progress (partition = SHA-256 of
/// <c>{tenant}|{user}</c>, row key "job"), written before the rep is told anything, so an erase that fails or dies
/// half-way is finished later by any instance. Small by design: pending jobs plus tombstones that expire.
/// </summary>
public sealed class ErasureStore(TableServiceClient service) : TableStore(service, TableName)
{
    public const string TableName = "erasures";
    private const string RowKey = "job";

    /// <summary>The row's partition: a hash, so a tombstone names nobody.</summary>
    public static string KeyOf(string tenantId, string userKey) => Hash(TableKeys.UserPartition(tenantId, userKey));

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public async Task<ErasureJob?> GetAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<ErasureEntity>(KeyOf(tenantId, userKey), RowKey, cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.ToRecord() : null;
    }

    /// <summary>
    /// Records the erase (pending, leased to the caller until now + <paramref name="lease"/>). When the rep already has
    /// an unfinished job, that one is returned unleased (the caller may try <see cref="TryLeaseAsync"/>); a tombstone of
    /// an earlier erase is replaced.
    /// </summary>
    public async Task<(ErasureJob Job, bool Leased)> RecordAsync(
        string tenantId, string userKey, string activityId, StoredConversationReference? reference, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var job = new ErasureJob(KeyOf(tenantId, userKey), ErasureStates.Pending, tenantId, userKey, Hash(activityId), reference, now, now + lease, 1, null, null, false, default);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var added = await table.AddEntityAsync(ErasureEntity.From(job, RowKey), ct).ConfigureAwait(false);
                return (job with { ETag = added.Headers.ETag ?? default }, true);
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
            }
            var existing = await GetAsync(tenantId, userKey, ct).ConfigureAwait(false);
            if (existing is null) continue;
            if (existing.State != ErasureStates.Done || attempt > 3) return (existing, false);
            try
            {
                var replaced = await table.UpdateEntityAsync(ErasureEntity.From(job, RowKey), existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return (job with { ETag = replaced.Headers.ETag ?? default }, true);
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
            }
        }
    }

    /// <summary>Takes an unfinished job whose lease has run out; null when someone holds it or changed it first.</summary>
    public async Task<ErasureJob?> TryLeaseAsync(ErasureJob job, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State == ErasureStates.Done || job.LeaseUntil > now) return null;
        return await TryReplaceAsync(job with { LeaseUntil = now + lease, Attempts = job.Attempts + 1 }, job.ETag, ct).ConfigureAwait(false);
    }

    /// <summary>Every eraser finished; null when the lease was lost meanwhile (the new holder confirms).</summary>
    public Task<ErasureJob?> MarkErasedAsync(ErasureJob job, DateTimeOffset now, CancellationToken ct) =>
        TryReplaceAsync(job with { State = ErasureStates.Erased, ErasedAt = now }, job.ETag, ct);

    /// <summary>Gives the lease back now (the erase failed for now), so the next sweep on any instance retries at once.</summary>
    public async Task ReleaseAsync(ErasureJob job, CancellationToken ct) =>
        await TryReplaceAsync(job with { LeaseUntil = DateTimeOffset.UnixEpoch }, job.ETag, ct).ConfigureAwait(false);

    /// <summary>
    /// The rep was told (or cannot be): the row becomes a tombstone that names nobody (hashes and times only), kept until
    /// <paramref name="keepUntil"/> so a late redelivery of the confirming activity is still recognised.
    /// </summary>
    public async Task MarkDoneAsync(ErasureJob job, bool confirmed, DateTimeOffset keepUntil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var tombstone = job with { State = ErasureStates.Done, TenantId = null, UserKey = null, Reference = null, ExpiresAt = keepUntil, Confirmed = confirmed };
        await table.UpsertEntityAsync(ErasureEntity.From(tombstone, RowKey), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>Jobs not done yet (pending or erased), across all reps: a scan of a table that holds only jobs and fresh tombstones.</summary>
    public async Task<IReadOnlyList<ErasureJob>> ListUnfinishedAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var jobs = new List<ErasureJob>();
        await foreach (var row in table.QueryAsync<ErasureEntity>(e => e.State != ErasureStates.Done, cancellationToken: ct).ConfigureAwait(false))
            jobs.Add(row.ToRecord());
        return jobs;
    }

    /// <summary>Deletes tombstones whose time is up; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableClient.CreateQueryFilter<ErasureEntity>(e => e.State == ErasureStates.Done && e.ExpiresAt < now), ct).ConfigureAwait(false);
    }

    private async Task<ErasureJob?> TryReplaceAsync(ErasureJob job, ETag etag, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            var updated = await table.UpdateEntityAsync(ErasureEntity.From(job, RowKey), etag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return job with { ETag = updated.Headers.ETag ?? default };
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
