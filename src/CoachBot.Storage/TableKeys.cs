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
        // Most ids need nothing: return them as they are, without allocating (keys are built several times per turn).
        var first = 0;
        while (first < value.Length && !NeedsEscape(value[first])) first++;
        if (first == value.Length) return value;
        var sb = new StringBuilder(value.Length + 8).Append(value, 0, first);
        foreach (var c in value.AsSpan(first))
        {
            if (NeedsEscape(c)) sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string Join(params ReadOnlySpan<string> parts)
    {
        var escaped = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++) escaped[i] = Escape(parts[i]);
        return string.Join(Separator, escaped);
    }

    /// <summary>The partition that holds everything of one user in one tenant (state, turns, references).</summary>
    public static string UserPartition(string tenantId, string userKey) => Join(tenantId, userKey);

    /// <summary>Bounds of every user partition of a tenant: <c>PartitionKey ge Lower and PartitionKey lt Upper</c>.</summary>
    public static (string Lower, string Upper) TenantPartitions(string tenantId) => (Escape(tenantId) + Separator, Escape(tenantId) + (char)(Separator + 1));

    /// <summary>The user key of a <see cref="UserPartition"/> of <paramref name="tenantId"/>, or null for another tenant's.</summary>
    public static string? UserOf(string tenantId, string partitionKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        var prefix = Escape(tenantId) + Separator;
        return partitionKey.StartsWith(prefix, StringComparison.Ordinal) ? Unescape(partitionKey[prefix.Length..]) : null;
    }

    /// <summary>The inverse of <see cref="Escape"/>.</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length
                && int.TryParse(value.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else sb.Append(value[i]);
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c) || c is '\u007F';
}
