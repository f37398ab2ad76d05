using Azure;
using Azure.Data.Tables;

namespace CoachBot.Storage.Turns;

/// <summary>
/// A merge into a state row (<see cref="StateEntity"/>) of only the columns set here: the "forget me" mark, or the state
/// JSON rewritten by retention. Null properties are sent as null, which a merge leaves untouched.
/// </summary>
internal sealed class StatePatch : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string? State { get; set; }
    public bool? Erasing { get; set; }
}
