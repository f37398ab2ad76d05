using System.Net;
using Azure;
using Azure.Data.Tables;
using CoachBot.Storage;
using CoachBot.Storage.Erasure;

namespace CoachBot.Admin;

/// <summary>
/// An admin's data-subject export: every row, in every table an <see cref="IPersonalDataEraser"/> answers for (plus the
/// erase jobs), whose keys or string values mention the user and the tenant — the rows "forget me" would delete or
/// change. Tables are keyed differently (by user, by day, by manager), so this reads each table once in full: an admin
/// operation, not a hot path.
/// </summary>
internal sealed class PersonalDataExport(TableServiceClient service, IEnumerable<IPersonalDataEraser> erasers)
{
    /// <summary>Table name → the matching rows, each as its properties (keys and timestamp included).</summary>
    public async Task<SortedDictionary<string, List<SortedDictionary<string, object?>>>> ExportAsync(string tenantId, string userKey, CancellationToken ct)
    {
        // Keys hold ids escaped (TableKeys.Escape); values hold them as they are.
        string[] users = [.. new[] { userKey, TableKeys.Escape(userKey) }.Distinct()];
        string[] tenants = [.. new[] { tenantId, TableKeys.Escape(tenantId) }.Distinct()];
        var result = new SortedDictionary<string, List<SortedDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var name in erasers.SelectMany(e => e.Tables).Append(ErasureStore.TableName).Distinct().Order(StringComparer.Ordinal))
        {
            var rows = new List<SortedDictionary<string, object?>>();
            try
            {
                await foreach (var row in service.GetTableClient(name).QueryAsync<TableEntity>(cancellationToken: ct).ConfigureAwait(false))
                {
                    if (Mentions(row, users) && Mentions(row, tenants)) rows.Add(Properties(row));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
            {
                // The table was never created: nothing stored there.
            }
            result[name] = rows;
        }
        return result;
    }

    private static bool Mentions(TableEntity row, string[] ids)
    {
        bool Has(string? s) => s is not null && ids.Any(id => s.Contains(id, StringComparison.Ordinal));
        return Has(row.PartitionKey) || Has(row.RowKey) || row.Any(kv => kv.Value is string s && Has(s));
    }

    private static SortedDictionary<string, object?> Properties(TableEntity row)
    {
        var props = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in row)
        {
            if (key.StartsWith("odata.", StringComparison.Ordinal)) continue; // the ETag: storage bookkeeping, not data
            props[key] = value is BinaryData bytes ? Convert.ToBase64String(bytes.ToArray()) : value;
        }
        return props;
    }
}
