using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.Signals;

/// <summary>
/// The <c>signals</c> table: one partition per tenant and UTC day (<c>{tenant}|{yyyy-MM-dd}</c>), so "what did this
/// manager's reps raise yesterday" is one partition read filtered to the manager's reps. Row keys
/// <c>{kind}|{user}|{id}</c> make writes idempotent (a redelivered turn rewrites the same row).
/// </summary>
public sealed class TeamSignalStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "signals";

    public async Task RecordAsync(TeamSignal signal, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(TeamSignalEntity.From(signal), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the signal only if its row is not there yet: false when it is, i.e. another delivery of the same turn wrote
    /// it, so the row is that delivery's and not this one's to take back.
    /// </summary>
    public async Task<bool> TryAddAsync(TeamSignal signal, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(TeamSignalEntity.From(signal), ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Takes back a signal written for a turn that was then decided otherwise; gone already is fine.</summary>
    public async Task RemoveAsync(TeamSignal signal, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.DeleteEntityAsync(PartitionKey(signal), RowKey(signal), ETag.All, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TeamSignal>> ListAsync(string tenantId, DateOnly day, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = Partition(tenantId, day);
        var signals = new List<TeamSignal>();
        await foreach (var e in table.QueryAsync<TeamSignalEntity>(x => x.PartitionKey == pk, cancellationToken: ct).ConfigureAwait(false))
            signals.Add(e.ToRecord());
        return signals;
    }

    /// <summary>Erases every signal of one user ("forget me"); a scan, which is rare and bounded by the retention period.</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableQueries.OfUser<TeamSignalEntity>(tenantId, userKey), ct).ConfigureAwait(false);
    }

    /// <summary>Retention: deletes every signal of a day before <paramref name="firstKeptDay"/> (UTC), in every tenant.</summary>
    public async Task<int> DeleteBeforeAsync(DateOnly firstKeptDay, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var first = Day(firstKeptDay);
        return await TableQueries.DeleteWhereAsync(table, TableClient.CreateQueryFilter<TeamSignalEntity>(e => e.Day!.CompareTo(first) < 0), ct).ConfigureAwait(false);
    }

    internal static string PartitionKey(TeamSignal signal) => Partition(signal.TenantId, signal.Day);

    internal static string RowKey(TeamSignal signal) => TableKeys.Join(signal.Kind, signal.UserKey, signal.Id);

    private static string Partition(string tenantId, DateOnly day) => TableKeys.Join(tenantId, Day(day));

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    private static string Day(DateOnly day) => TableQueries.Day(day);
}
