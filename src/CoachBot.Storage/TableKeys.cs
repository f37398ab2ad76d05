using System.Text;

namespace CoachBot.Storage;

/// <summary>
/// Builds PartitionKey/RowKey values from ids that come from users and channels. Azure Tables forbids
/// '/', '\', '#', '?' and control characters in keys, and CoachBot uses '|' as its own separator, so those
/// (and '%', the escape itself) are percent-encoded: no input can forge a separator or escape its partition.
/// </summary>
public static class TableKeys
{
    public const char Separator = '|';

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape)) return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c)) sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Join(params ReadOnlySpan<string> parts)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) sb.Append(Separator);
            sb.Append(Escape(parts[i]));
        }
        return sb.ToString();
    }

    /// <summary>The partition that holds everything of one user in one tenant (state, turns, references).</summary>
    public static string UserPartition(string tenantId, string userKey) => Join(tenantId, userKey);

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c) || c is '\u007F';
}
