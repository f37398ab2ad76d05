using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Erasure;

namespace CoachBot.Storage.DealHelp;

/// <summary>
/// The <c>dealhelp</c> table: one partition per tenant, row key = the request id (a hash of the rep and the message the
/// request came from). Written once, by the rep's Send: a second Send or a redelivered click finds the first row.
/// </summary>
public sealed class DealHelpStore(TableServiceClient service) : TableStore(service, TableName), IPersonalDataEraser
{
    public const string TableName = "dealhelp";

    /// <summary>A stable id for the request a rep's message started: 32 hex characters, safe as a key.</summary>
    public static string RequestIdOf(string repKey, string messageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(repKey + "\n" + messageId)))[..32];

    /// <summary>Stores the request unless it is already there; returns the stored one (the first Send wins).</summary>
    public async Task<DealHelpRecord> AddOnceAsync(DealHelpRecord r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        var table = await TableAsync(ct).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(DealHelpEntity.From(r), ct).ConfigureAwait(false);
            return r;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return await GetAsync(r.TenantId, r.RequestId, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The deal-help request was stored and then removed; try again.", ex);
        }
    }

    public async Task<DealHelpRecord?> GetAsync(string tenantId, string requestId, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<DealHelpEntity>(tenantId, requestId, cancellationToken: ct).ConfigureAwait(false);
        return row is { HasValue: true, Value: { } e } ? e.ToRecord() : null;
    }

    /// <summary>"Forget me": every request the person sent (as rep) or received (as manager).</summary>
    public async Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var table = await TableAsync(ct).ConfigureAwait(false);
        return await TableQueries.DeleteOfRepOrManagerAsync<DealHelpEntity>(table, tenantId, userKey, ct).ConfigureAwait(false);
    }

    public IReadOnlyCollection<string> Tables { get; } = [TableName];
}
