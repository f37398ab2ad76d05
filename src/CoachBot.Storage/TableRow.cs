using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage;

/// <summary>
/// The part every typed row shares: its keys and the service's timestamp and ETag. A row class adds its columns as
/// properties (their names are the column names) and is read and written by the SDK.
/// </summary>
internal abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}
