using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Graph;

/// <summary>
/// Deterministic ids that make booking idempotent. The same booking key always yields the same Graph
/// <c>transactionId</c> (Graph then ignores a repeated POST) and the same value in a single-value extended
/// property, which lets CoachBot find its event again after a restart without storing the Graph event id.
/// </summary>
public static class FieldDayIds
{
    public const string Category = "CoachBot field day";

    /// <summary>A named MAPI property in PS_PUBLIC_STRINGS, the property set meant for application-defined names.</summary>
    public const string ExtendedPropertyId = "String {00020329-0000-0000-C000-000000000046} Name CoachBotFieldDayId";

    public static string DefaultKey(string managerId, string repId, DateTimeOffset start) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{managerId.ToUpperInvariant()}|{repId.ToUpperInvariant()}|{start.UtcDateTime:yyyy-MM-ddTHH:mm}Z");

    /// <summary>A GUID-shaped hash of the key: safe inside an OData filter literal and reveals no ids.</summary>
    public static string TransactionId(string bookingKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bookingKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("coachbot-fieldday:" + bookingKey));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
