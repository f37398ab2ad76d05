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
        await table.UpsertEntityAsync(new TableEntity(Partition, member.Id)
        {
            ["StartedAt"] = member.StartedAt,
            ["RenewedAt"] = member.RenewedAt,
            ["SettledBefore"] = member.SettledBefore,
            ["StoppedAt"] = member.StoppedAt,
            ["SentAfter"] = member.SentAfter.Count == 0 ? null : string.Join(',', member.SentAfter),
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<FleetMember?> GetAsync(string id, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? ToMember(row.Value) : null;
    }

    /// <summary>Every member renewed since <paramref name="since"/> (live or just stopped).</summary>
    public async Task<IReadOnlyList<FleetMember>> ListRenewedSinceAsync(DateTimeOffset since, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var members = new List<FleetMember>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RenewedAt ge {since}"), cancellationToken: ct).ConfigureAwait(false))
            members.Add(ToMember(row));
        return members;
    }

    /// <summary>Removes rows of processes not heard of since <paramref name="before"/>; returns how many.</summary>
    public async Task<int> DeleteRenewedBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RenewedAt lt {before}"), ct).ConfigureAwait(false);
    }

    private static FleetMember ToMember(TableEntity e) => new(
        e.RowKey, e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("RenewedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("SettledBefore") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("StoppedAt"))
    {
        SentAfter = e.GetString("SentAfter") is { Length: > 0 } sent ? sent.Split(',').ToHashSet(StringComparer.Ordinal) : new HashSet<string>(),
    };
}
