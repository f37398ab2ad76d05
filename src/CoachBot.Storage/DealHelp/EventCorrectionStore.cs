using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.DealHelp;

/// <summary>
/// The <c>eventcorrections</c> table: a manager's corrections of how their calendar events are classed for coaching time
/// ("this was coaching" / "this was a deal call"). Partition = the manager (<c>{tenant}|{manager}</c>), row = a hash of
/// the Graph event id (which may hold characters keys forbid), so the manager's corrections are one partition read.
/// </summary>
public sealed class EventCorrectionStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "eventcorrections";

    public async Task SetAsync(string tenantId, string managerId, string eventId, EventCorrection correction, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(new EventCorrectionEntity
        {
            PartitionKey = TableKeys.UserPartition(tenantId, managerId),
            RowKey = RowKey(eventId),
            TenantId = tenantId,
            UserKey = managerId,
            EventId = eventId,
            Correction = correction.ToString(),
            At = at,
        }, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>The manager's corrections by event id.</summary>
    public async Task<IReadOnlyDictionary<string, EventCorrection>> ListAsync(string tenantId, string managerId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, managerId);
        var result = new Dictionary<string, EventCorrection>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<EventCorrectionEntity>(x => x.PartitionKey == pk, cancellationToken: ct).ConfigureAwait(false))
            if (e.EventId is { Length: > 0 } id && Enum.TryParse<EventCorrection>(e.Correction, out var c)) result[id] = c;
        return result;
    }

    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteWhereAsync(table, TableQueries.OfUser<EventCorrectionEntity>(tenantId, userKey), ct).ConfigureAwait(false);
    }

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    private static string RowKey(string eventId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));
}
