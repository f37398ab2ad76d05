using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.Nudges;

/// <summary>Where a proactive install for a manager ended (see <see cref="InstallStates"/>).</summary>
public sealed record ManagerInstall(string TenantId, string ManagerId, string State, string? Detail, DateTimeOffset LastTried, int Attempts);

/// <summary>States of a <see cref="ManagerInstall"/>.</summary>
public static class InstallStates
{
    /// <summary>Installed through Graph and the 1:1 conversation created; the manager is reachable.</summary>
    public const string Installed = "installed";
    /// <summary>Graph refused (403): no TeamsAppInstallation.ReadWriteSelfForUser.All consent, or a Teams policy blocks the app for this user.</summary>
    public const string Forbidden = "forbidden";
    /// <summary>The app is not in the org catalog (no catalog id configured and none found by manifest id).</summary>
    public const string NotInCatalog = "notInCatalog";
    /// <summary>Graph answered 404 for the user or the catalog app.</summary>
    public const string NotFound = "notFound";
    /// <summary>Installed, but the Connector refused to create the 1:1 conversation for good.</summary>
    public const string ConnectorRefused = "connectorRefused";
    /// <summary>The manager removed or blocked the app: CoachBot does not install it again.</summary>
    public const string RemovedByUser = "removedByUser";
    /// <summary>Graph rejected the request (400) — a configuration or tenant problem.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// The <c>nudgeinstalls</c> table: one row per manager CoachBot tried to install itself for, partition = tenant,
/// row = manager id. Failed states are retried at most once per retry interval (a day by default), so a missing
/// consent never becomes a retry storm; admins see the states through the not-installed listing.
/// </summary>
public sealed class ManagerInstallStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "nudgeinstalls";

    public IReadOnlyCollection<string> Tables { get; } = [TableName];

    /// <summary>"forget me": the person's install record (ids and states only).</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var response = await table.DeleteEntityAsync(TableKeys.Escape(tenantId), TableKeys.Escape(userKey), ETag.All, ct).ConfigureAwait(false);
        return response.Status == 404 ? 0 : 1;
    }

    public async Task<ManagerInstall?> GetAsync(string tenantId, string managerId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<ManagerInstallEntity>(TableKeys.Escape(tenantId), TableKeys.Escape(managerId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value is not null ? row.Value.ToRecord() : null;
    }

    /// <summary>Records an attempt's outcome; <see cref="ManagerInstall.Attempts"/> counts attempts (last writer wins).</summary>
    public async Task<ManagerInstall> RecordAsync(string tenantId, string managerId, string state, string? detail, DateTimeOffset at, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var previous = await GetAsync(tenantId, managerId, ct).ConfigureAwait(false);
        var record = new ManagerInstall(tenantId, managerId, state, detail, at, (previous?.Attempts ?? 0) + 1);
        await table.UpsertEntityAsync(ManagerInstallEntity.From(record), TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return record;
    }

    /// <summary>Every record (all tenants): an admin listing, small (one row per manager ever tried).</summary>
    public async Task<IReadOnlyList<ManagerInstall>> ListAsync(CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var list = new List<ManagerInstall>();
        await foreach (var row in table.QueryAsync<ManagerInstallEntity>(cancellationToken: ct).ConfigureAwait(false)) list.Add(row.ToRecord());
        return list;
    }
}
