using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// The <c>nudgesends</c> table: one row per delivery, partition <c>{tenant}|{user}</c>, row key the job's
/// <see cref="DeliveryJob.SendKey"/>. The claim is a conditional insert (AddEntity, 409 when it exists) written
/// <b>before</b> sending, and updated (ETag-conditional) to "sent" with the activity id after. Row keys
/// <c>scheduled|…</c> mark that the scheduler already enqueued a job, so each tick does not enqueue it again.
/// </summary>
public sealed class SendLedger(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "nudgesends";
    private const string ScheduledPrefix = "scheduled", ScheduledState = "scheduled";
    private static readonly DateTimeOffset Expired = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Claims the delivery for <paramref name="owner"/> until now + <paramref name="lease"/>.</summary>
    public async Task<ClaimResult> TryClaimAsync(DeliveryJob job, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(job.TenantId, job.UserKey);
        var entity = new SendEntity
        {
            PartitionKey = pk,
            RowKey = job.SendKey,
            TenantId = job.TenantId,
            UserKey = job.UserKey,
            Kind = job.Kind,
            Day = Day(job.Day),
            State = SendStates.Sending,
            Attempt = 1,
            LeaseUntil = now + lease,
            Owner = owner,
            Uncertain = false,
            UpdatedAt = now,
        };
        try
        {
            var added = await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
            entity.ETag = added.Headers.ETag ?? default;
            return new ClaimResult(ClaimOutcome.Claimed, entity.ToRecord());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }

        var existing = (await table.GetEntityAsync<SendEntity>(pk, job.SendKey, cancellationToken: ct).ConfigureAwait(false)).Value;
        var record = existing.ToRecord();
        var live = record.State == SendStates.Sending && record.LeaseUntil > now;
        if (live) return new ClaimResult(ClaimOutcome.InFlight, record);
        var stale = record.State == SendStates.Sending;
        if (!stale && !job.Force) return new ClaimResult(ClaimOutcome.AlreadyDone, record);

        // Take over (stale claim, or a forced rerun) only if nobody else did in between: ETag-conditional.
        existing.State = SendStates.Sending;
        existing.Attempt = record.Attempt + 1;
        existing.LeaseUntil = now + lease;
        existing.Owner = owner;
        existing.Uncertain = stale || record.Uncertain;
        existing.UpdatedAt = now;
        if (!stale)
        {
            existing.ActivityId = null;
        }
        try
        {
            var updated = await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            existing.ETag = updated.Headers.ETag ?? default;
            return new ClaimResult(stale ? ClaimOutcome.TookOverStale : ClaimOutcome.Claimed, existing.ToRecord());
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return new ClaimResult(ClaimOutcome.InFlight, record);
        }
    }

    /// <summary>Records the outcome of a claimed delivery. False when the claim was lost (taken over after the lease): a possible duplicate.</summary>
    public async Task<bool> CompleteAsync(SendRecord claim, string state, string? conversationId, string? activityId, string? contentJson, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var entity = SendEntity.From(claim with { State = state, ConversationId = conversationId, ActivityId = activityId, ContentJson = contentJson, UpdatedAt = now });
        try
        {
            await table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Gives a claim back when nothing was sent (build or send failed before Teams accepted it), so a retry starts clean.</summary>
    public async Task ReleaseAsync(SendRecord claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            if (claim.Attempt == 1 && !claim.Uncertain)
            {
                await table.DeleteEntityAsync(TableKeys.UserPartition(claim.TenantId, claim.UserKey), claim.SendKey, claim.ETag, ct).ConfigureAwait(false);
            }
            else
            {
                // A rerun or takeover: keep the history, just end the lease now.
                var entity = SendEntity.From(claim with { LeaseUntil = Expired });
                await table.UpdateEntityAsync(entity, claim.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
        }
    }

    /// <summary>
    /// Stores the snapshot behind a card shown on demand (<see cref="DeliveryJob.ViewKind"/>), so its buttons work like the
    /// daily card's; an upsert, not a claim: the once-a-day nudge record is never touched.
    /// </summary>
    public async Task<SendRecord> SaveViewAsync(string tenantId, string userKey, DateOnly day, string contentJson, DateTimeOffset now, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var job = new DeliveryJob(DeliveryJob.ViewKind, tenantId, userKey, day);
        var entity = new SendEntity
        {
            PartitionKey = TableKeys.UserPartition(tenantId, userKey),
            RowKey = job.SendKey,
            TenantId = tenantId,
            UserKey = userKey,
            Kind = job.Kind,
            Day = Day(day),
            State = SendStates.Viewed,
            Attempt = 1,
            LeaseUntil = Expired,
            Owner = "",
            Uncertain = false,
            ContentJson = contentJson,
            UpdatedAt = now,
        };
        var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        entity.ETag = response.Headers.ETag ?? default;
        return entity.ToRecord();
    }

    public async Task<SendRecord?> GetAsync(string tenantId, string userKey, string sendKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<SendEntity>(TableKeys.UserPartition(tenantId, userKey), sendKey, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToRecord() : null;
    }

    /// <summary>Replaces a sent nudge's snapshot (a button changed it); ETag-conditional, false on a concurrent change.</summary>
    public async Task<bool> UpdateContentAsync(SendRecord record, string contentJson, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(SendEntity.From(record with { ContentJson = contentJson, UpdatedAt = now }), record.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Marks a job as enqueued by the scheduler; false when it already was (any instance, any tick).</summary>
    public async Task<bool> TryMarkScheduledAsync(DeliveryJob job, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new ScheduledMarkEntity
            {
                PartitionKey = TableKeys.UserPartition(job.TenantId, job.UserKey),
                RowKey = ScheduledKey(job),
                TenantId = job.TenantId,
                UserKey = job.UserKey,
                State = ScheduledState,
                Day = Day(job.Day),
                UpdatedAt = now,
            }, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Removes a scheduled marker (the enqueue after it failed), so the next tick tries again.</summary>
    public async Task UnmarkScheduledAsync(DeliveryJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.DeleteEntityAsync(TableKeys.UserPartition(job.TenantId, job.UserKey), ScheduledKey(job), ETag.All, ct).ConfigureAwait(false);
    }

    /// <summary>Records in a state (e.g. notInstalled) across users, optionally for one day; an admin query (a table scan).</summary>
    public async Task<IReadOnlyList<SendRecord>> ListByStateAsync(string state, DateOnly? day, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var dayText = day is { } d ? Day(d) : null;
        var filter = dayText is not null
            ? TableClient.CreateQueryFilter<SendEntity>(e => e.State == state && e.Day == dayText)
            : TableClient.CreateQueryFilter<SendEntity>(e => e.State == state);
        var list = new List<SendRecord>();
        await foreach (var e in table.QueryAsync<SendEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
            list.Add(e.ToRecord());
        return list;
    }

    /// <summary>
    /// Retention: deletes every record of a day before <paramref name="firstKeptDay"/> (deliveries, scheduler marks and the
    /// card snapshots that name reps). A click on a card that old then finds no snapshot and answers "no longer available".
    /// Scheduler marks written before they carried their day go by when they were written, a day earlier to cover a job
    /// scheduled the evening before in UTC.
    /// </summary>
    public async Task<int> DeleteBeforeAsync(DateOnly firstKeptDay, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var first = Day(firstKeptDay);
        var undatedBefore = new DateTimeOffset(firstKeptDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var filter = TableClient.CreateQueryFilter<SendEntity>(e => e.Day!.CompareTo(first) < 0 || e.State == ScheduledState && e.UpdatedAt < undatedBefore);
        return await TableQueries.DeleteWhereAsync(table, filter, ct).ConfigureAwait(false);
    }

    /// <summary>Row key of the scheduler's "already enqueued" marker for a job (its send key, escaped once more).</summary>
    internal static string ScheduledKey(DeliveryJob job) => TableKeys.Join(ScheduledPrefix, job.SendKey);

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    /// <summary>
    /// "forget me": deletes the user's own records (their follow-up deliveries, scheduler marks, their nudges if they
    /// manage), and drops the card snapshot of every nudge in the tenant that mentions them (their slots, team entry,
    /// requests and shared plans). The snapshot is dropped rather than edited: the card already in Teams addresses its
    /// slots by position, so removing one would make a later Book click book a different rep. The row itself stays, so
    /// that day's nudge is still not sent twice; its buttons answer "no longer available".
    /// </summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        var changed = await TableQueries.DeleteWhereAsync(table, TableClient.CreateQueryFilter<KeyRow>(e => e.PartitionKey == pk), ct).ConfigureAwait(false);
        // Daily nudges and cards shown on demand ("my day") both keep a snapshot that can name the rep.
        var snapshots = TableClient.CreateQueryFilter<SendEntity>(e => e.TenantId == tenantId && (e.Kind == DeliveryJob.NudgeKind || e.Kind == DeliveryJob.ViewKind));
        await foreach (var row in table.QueryAsync<SendEntity>(snapshots, cancellationToken: ct).ConfigureAwait(false))
        {
            var entity = row;
            // A concurrent button click may rewrite the snapshot: re-read and drop again until it sticks.
            while (entity.ContentJson is { } json && json.Contains(userKey, StringComparison.OrdinalIgnoreCase))
            {
                // Null is not stored: the replace leaves the row without the column.
                entity.ContentJson = null;
                try
                {
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                    changed++;
                    break;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    var current = await table.GetEntityIfExistsAsync<SendEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct).ConfigureAwait(false);
                    if (!current.HasValue || current.Value is null) break;
                    entity = current.Value;
                }
            }
        }
        return changed;
    }

    private static string Day(DateOnly day) => TableQueries.Day(day);
}
