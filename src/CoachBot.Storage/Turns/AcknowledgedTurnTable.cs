using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure;
using CoachBot.Storage.Erasure;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;
using CoachBot.Teams.Auth;

namespace CoachBot.Storage.Turns;

/// <summary>
/// The <c>acknowledged</c> table: activities the bot acknowledged (200) before their turn finished, each kept until its
/// turn finished. Partition = the UTC hour of the acknowledgement (<c>yyyyMMddHH</c>), so a periodic sweep reads a few
/// recent partitions with one range query; row key = a fresh id per acknowledgement. The request body is stored as
/// binary chunks (a table property holds at most 64 KiB, an activity up to Bot:MaxActivityBytes). Entries normally
/// live for seconds; they hold the rep's message, so nothing else is kept here.
/// </summary>
public sealed class AcknowledgedTurnTable(TableServiceClient service) : TableStore(service, TableName), IAcknowledgedTurnStore, IPersonalDataEraser
{
    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    /// <summary>"forget me": the rep's messages still waiting to be answered (each entry names its sender).</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableQueries.OfUser<AcknowledgedTurnEntity>(tenantId, userKey), ct).ConfigureAwait(false);
    }

    public const string TableName = "acknowledged";

    private const int ChunkBytes = 60_000;
    // An entity is at most 1 MiB; 15 chunks leave room for the other properties.
    private const int MaxChunks = AcknowledgedTurnEntity.MaxChunks;

    public async Task<AcknowledgedTurn> AddAsync(ReadOnlyMemory<byte> activity, VerifiedCaller caller, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var chunks = (activity.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunks > MaxChunks) throw new InvalidOperationException($"An activity of {activity.Length} bytes is too large to be recorded.");
        var table = await TableAsync(ct).ConfigureAwait(false);
        // Who sent it, so "forget me" can find the rep's waiting messages without reading every body.
        var sender = SenderOf(activity);
        var entity = new AcknowledgedTurnEntity
        {
            PartitionKey = Bucket(now),
            RowKey = Guid.NewGuid().ToString("N"),
            TenantId = sender?.TenantId ?? Activity.NoTenant,
            UserKey = sender?.UserKey,
            Caller = caller.ToJson(),
            AcknowledgedAt = now,
            LeaseUntil = leaseUntil,
            Attempts = 0,
        };
        entity.SetBody(activity, ChunkBytes);
        var added = await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
        return new AcknowledgedTurn(Key(entity), activity, caller, now, 0) { Version = added.Headers.ETag?.ToString() };
    }

    public async Task RemoveAsync(AcknowledgedTurn turn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var (pk, rk) = Split(turn.Key);
        try
        {
            // Unconditional: the turn finished, so a concurrent rerun of the same entry has nothing left to do.
            await table.DeleteEntityAsync(pk, rk, ETag.All, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
        }
    }

    public async Task<IReadOnlyList<AcknowledgedTurn>> TakeExpiredAsync(DateTimeOffset now, DateTimeOffset leaseUntil, DateTimeOffset? acknowledgedSince, int max, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var bucket = acknowledgedSince is { } since ? Bucket(since) : null;
        var filter = bucket is not null
            ? TableClient.CreateQueryFilter<AcknowledgedTurnEntity>(e => e.PartitionKey.CompareTo(bucket) >= 0 && e.LeaseUntil < now)
            : TableClient.CreateQueryFilter<AcknowledgedTurnEntity>(e => e.LeaseUntil < now);
        var taken = new List<AcknowledgedTurn>();
        await foreach (var entity in table.QueryAsync<AcknowledgedTurnEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            if (taken.Count >= max) break;
            var attempts = (entity.Attempts ?? 0) + 1;
            var patch = new AcknowledgedLeasePatch { PartitionKey = entity.PartitionKey, RowKey = entity.RowKey, LeaseUntil = leaseUntil, Attempts = attempts };
            try
            {
                // If-Match the version read: of concurrent sweepers (any instance) exactly one takes the entry.
                var updated = await table.UpdateEntityAsync(patch, entity.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
                taken.Add(new AcknowledgedTurn(Key(entity), entity.Body(), VerifiedCaller.FromJson(entity.Caller),
                    entity.AcknowledgedAt ?? entity.Timestamp ?? now, attempts) { Version = updated.Headers.ETag?.ToString() });
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                // Taken or finished by someone else in between.
            }
        }
        return taken;
    }

    private static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
    /// <summary>The activity's sender; null for a body that is not an activity (the adapter only records validated ones).</summary>
    private static Activity? SenderOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, BotJson.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Key(AcknowledgedTurnEntity e) => e.PartitionKey + TableKeys.Separator + e.RowKey;

    private static (string PartitionKey, string RowKey) Split(string key)
    {
        var at = key.IndexOf(TableKeys.Separator, StringComparison.Ordinal);
        return (key[..at], key[(at + 1)..]);
    }
}
