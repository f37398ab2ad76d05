using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage.Turns;

/// <summary>A merge of an <c>acknowledged</c> row's sweep lease only (<see cref="AcknowledgedTurnEntity"/> names the same columns).</summary>
internal sealed class AcknowledgedLeasePatch : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
    public int? Attempts { get; set; }
}
