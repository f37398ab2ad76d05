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
        var row = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.UserPartition(tenantId, userKey), RowKey(planId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? ToPlan(row.Value) : null;
    }

    public async Task<IReadOnlyList<PlanRecord>> ListAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, userKey);
        var plans = new List<PlanRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableQueries.RowKeyPrefix(pk, "plan|"), cancellationToken: ct).ConfigureAwait(false)) plans.Add(ToPlan(row));
        return [.. plans.OrderBy(p => p.Due)];
    }

    public async Task UpdateAsync(PlanRecord plan, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(plan), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    internal static string RowKey(string planId) => TableKeys.Join("plan", planId);

    internal static TableEntity ToEntity(PlanRecord p) => new(TableKeys.UserPartition(p.TenantId, p.UserKey), RowKey(p.PlanId))
    {
        ["TenantId"] = p.TenantId,
        ["UserKey"] = p.UserKey,
        ["PlanId"] = p.PlanId,
        ["ConversationId"] = p.ConversationId,
        ["Topic"] = p.Topic,
        ["Text"] = p.Text,
        ["Due"] = TableQueries.Day(p.Due),
        ["CreatedAt"] = p.CreatedAt,
        ["SharedWithManager"] = p.SharedWithManager,
        ["FieldDayRequested"] = p.FieldDayRequested,
        ["Outcome"] = p.Outcome,
        ["OutcomeNote"] = p.OutcomeNote,
    };

    private static PlanRecord ToPlan(TableEntity e) => new(
        e.GetString("TenantId"), e.GetString("UserKey"), e.GetString("PlanId"), e.GetString("ConversationId"), e.GetString("Topic"),
        e.GetString("Text"), TableQueries.ParseDay(e.GetString("Due")),
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, e.GetBoolean("SharedWithManager") ?? false,
        e.GetBoolean("FieldDayRequested") ?? false, e.GetString("Outcome"), e.GetString("OutcomeNote"));
}
