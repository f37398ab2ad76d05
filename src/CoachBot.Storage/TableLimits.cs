namespace CoachBot.Storage;

/// <summary>
/// Azure Tables' limits on values CoachBot builds from channel input (Azurite 3.37 enforces the key limit as well).
/// A write past them fails with 400 from the service, which the caller would only see as a failed turn.
/// </summary>
public static class TableLimits
{
    /// <summary>PartitionKey and RowKey hold at most 1 KiB: 512 UTF-16 characters, counted after <see cref="TableKeys.Escape"/>.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>The earliest value of a DateTime property (Edm.DateTime starts at 1601-01-01 UTC).</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool FitsKey(string key) => key.Length <= MaxKeyLength;

    public static bool IsStorable(DateTimeOffset value) => value >= MinDateTime;
}
