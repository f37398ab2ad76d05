using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Turns;

namespace CoachBot.Storage.Plans;

/// <summary>
/// Plans live in the rep's partition of the <c>coaching</c> table (row key <c>plan|{planId}</c>), so they are saved in
/// the same transaction as the turn that made them and erased with the rep's partition.
/// </summary>
public sealed class PlanStore(TableServiceClient service) : TableStore(service, CoachingStore.TableName)
{
    public async Task<PlanRecord?> GetAsync(string tenantId, string userKey, string planId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<PlanEntity>(TableKeys.UserPartition(tenantId, userKey), RowKey(planId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.ToRecord() : null;
    }

    public async Task<IReadOnlyList<PlanRecord>> ListAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        var plans = new List<PlanRecord>();
        await foreach (var row in table.QueryAsync<PlanEntity>(TableQueries.RowKeyPrefix(pk, Prefix), cancellationToken: ct).ConfigureAwait(false)) plans.Add(row.ToRecord());
        return [.. plans.OrderBy(p => p.Due)];
    }

    public async Task UpdateAsync(PlanRecord plan, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(PlanEntity.From(plan), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    private const string Prefix = "plan|";

    internal static string RowKey(string planId) => TableKeys.Join("plan", planId);
}
