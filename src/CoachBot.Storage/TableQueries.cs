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
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {upper}");
    }

    /// <summary>Deletes every row matching <paramref name="filter"/> (reading keys only) and returns how many.</summary>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken ct)
    {
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
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
    public static async Task<int> DeleteOfRepOrManagerAsync(TableClient table, string tenantId, string userKey, CancellationToken ct)
    {
        var asRep = await DeleteWhereAsync(table, OfUser(tenantId, userKey), ct).ConfigureAwait(false);
        var asManager = await DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and ManagerId eq {userKey}"), ct).ConfigureAwait(false);
        return asRep + asManager;
    }

    /// <summary>All rows of one user across a table that is not partitioned by user (used by "forget me").</summary>
    public static string OfUser(string tenantId, string userKey) => TableClient.CreateQueryFilter($"TenantId eq {tenantId} and UserKey eq {userKey}");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
