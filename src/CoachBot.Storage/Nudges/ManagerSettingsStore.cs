using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.Nudges;

/// <summary>The <c>nudgesettings</c> table: one row per manager, partition <c>{tenant}|{manager}</c>, row key "settings".</summary>
public sealed class ManagerSettingsStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "nudgesettings";
    private const string RowKey = "settings";

    public async Task<ManagerSettings> GetAsync(string tenantId, string managerId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var response = await table.GetEntityIfExistsAsync<ManagerSettingsEntity>(TableKeys.UserPartition(tenantId, managerId), RowKey, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? response.Value!.ToRecord() : new ManagerSettings();
    }

    /// <summary>Read, change, write, retried on a concurrent change (ETag).</summary>
    public async Task<ManagerSettings> UpdateAsync(string tenantId, string managerId, Func<ManagerSettings, ManagerSettings> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await TableAsync(ct).ConfigureAwait(false);
        var pk = TableKeys.UserPartition(tenantId, managerId);
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<ManagerSettingsEntity>(pk, RowKey, cancellationToken: ct).ConfigureAwait(false);
            var current = response.HasValue ? response.Value!.ToRecord() : new ManagerSettings();
            var next = change(current);
            var entity = ManagerSettingsEntity.From(pk, RowKey, tenantId, managerId, next);
            try
            {
                if (response.HasValue) await table.UpdateEntityAsync(entity, response.Value!.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                else await table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
            }
        }
    }

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    /// <summary>
    /// "forget me": deletes the user's own settings (if they manage) and removes the tier every manager in the tenant
    /// gave them (the only place a rep's id appears in another person's settings).
    /// </summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var own = await table.DeleteEntityAsync(TableKeys.UserPartition(tenantId, userKey), RowKey, ETag.All, ct).ConfigureAwait(false);
        var changed = own.Status == 404 ? 0 : 1;
        var managers = new List<string>();
        await foreach (var row in table.QueryAsync<ManagerSettingsEntity>(e => e.TenantId == tenantId, select: [nameof(ManagerSettingsEntity.ManagerId), nameof(ManagerSettingsEntity.Tiers)], cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.Tiers is { } tiers && tiers.Contains(userKey, StringComparison.OrdinalIgnoreCase) && row.ManagerId is { } manager)
                managers.Add(manager);
        }
        foreach (var manager in managers)
        {
            await UpdateAsync(tenantId, manager, s => s with
            {
                Tiers = s.Tiers.Where(t => !string.Equals(t.Key, userKey, StringComparison.OrdinalIgnoreCase)).ToDictionary(t => t.Key, t => t.Value),
            }, ct).ConfigureAwait(false);
            changed++;
        }
        return changed;
    }
}
