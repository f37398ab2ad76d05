namespace CoachBot.Storage;

/// <summary>
/// Any row read for its keys only (<c>select</c> of <see cref="Keys"/>): bulk deletes, partition listings, the health
/// ping. Also the type filters on the keys alone are written against.
/// </summary>
internal sealed class KeyRow : TableRow
{
    /// <summary>The select list that reads keys and nothing else.</summary>
    public static readonly IEnumerable<string> Keys = [nameof(PartitionKey), nameof(RowKey)];

}
