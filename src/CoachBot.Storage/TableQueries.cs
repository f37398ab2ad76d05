using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage;

/// <summary>Query and bulk-delete helpers shared by the repositories.</summary>
internal static class TableQueries
{
    /// <summary>Rows of one partition whose row key starts with <paramref name="prefix"/> (e.g. "turn|"): a key-range scan.</summary>
    public static string RowKeyPrefix(string partitionKey, string prefix)
    {
        // Row keys compare as strings; the prefix with its last character incremented bounds the range.
        var upper = UpperBound(prefix);
        return TableClient.CreateQueryFilter<KeyRow>(e => e.PartitionKey == partitionKey && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(upper) < 0);
    }

    /// <summary>The least string above every string that starts with <paramref name="prefix"/> ("turn|" → "turn}").</summary>
    public static string UpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>Deletes every row matching <paramref name="filter"/> (reading keys only) and returns how many.</summary>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var row in table.QueryAsync<KeyRow>(filter, select: KeyRow.Keys, cancellationToken: ct).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false);
            deleted++;
        }
        return deleted;
    }

    /// <summary>
    /// "Forget me" in a tenant-partitioned table whose rows name a rep (<c>UserKey</c>) and their manager
    /// (<c>ManagerId</c>): deletes the rows of the user in either role, and returns how many.
    /// </summary>
    public static async Task<int> DeleteOfRepOrManagerAsync<T>(TableClient table, string tenantId, string userKey, CancellationToken ct)
        where T : class, ITableEntity, IRepAndManagerRow
    {
        var asRep = await DeleteWhereAsync(table, OfUser<T>(tenantId, userKey), ct).ConfigureAwait(false);
        var asManager = await DeleteWhereAsync(table, TableClient.CreateQueryFilter<T>(e => e.PartitionKey == tenantId && e.ManagerId == userKey), ct).ConfigureAwait(false);
        return asRep + asManager;
    }

    /// <summary>All rows of one user across a table that is not partitioned by user (used by "forget me").</summary>
    public static string OfUser<T>(string tenantId, string userKey) where T : class, ITableEntity, IUserRow =>
        TableClient.CreateQueryFilter<T>(e => e.TenantId == tenantId && e.UserKey == userKey);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
