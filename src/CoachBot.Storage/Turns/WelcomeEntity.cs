using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage.Turns;

/// <summary>The <c>welcome|{conversation}</c> row of the <c>coaching</c> table: the welcome was sent (<see cref="At"/>).</summary>
internal sealed class WelcomeEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public DateTimeOffset? At { get; set; }
}
