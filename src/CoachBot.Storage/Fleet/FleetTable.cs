using Azure.Data.Tables;

namespace CoachBot.Storage.Fleet;

/// <summary>
/// The <c>fleet</c> table: one row per running process (partition "member", row = the process's id, a fresh GUID per
/// start). Tiny (one row per process start, old rows removed after a week) and written a few times a second per process
/// at most, whatever the number of turns: it replaces a per-turn "replied" write with a per-process watermark.
/// Holds no personal data (sent replies are named by a 48-bit hash of their key, see <see cref="FleetMember.SentKeyOf"/>).
/// </summary>
public sealed class FleetTable(TableServiceClient service) : TableStore(service, TableName)
{
    public const string TableName = "fleet";
    private const string Partition = "member";

    public async Task PublishAsync(FleetMember member, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(FleetEntity.From(Partition, member), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<FleetMember?> GetAsync(string id, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<FleetEntity>(Partition, id, cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.ToRecord() : null;
    }

    /// <summary>Every member renewed since <paramref name="since"/> (live or just stopped).</summary>
    public async Task<IReadOnlyList<FleetMember>> ListRenewedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var members = new List<FleetMember>();
        await foreach (var row in table.QueryAsync<FleetEntity>(e => e.PartitionKey == Partition && e.RenewedAt >= since, cancellationToken: ct).ConfigureAwait(false))
            members.Add(row.ToRecord());
        return members;
    }

    /// <summary>Removes rows of processes not heard of since <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteRenewedBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableClient.CreateQueryFilter<FleetEntity>(e => e.PartitionKey == Partition && e.RenewedAt < before), ct).ConfigureAwait(false);
    }
}
