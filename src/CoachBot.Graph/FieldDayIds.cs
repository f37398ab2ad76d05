using System.Security.Cryptography;
using System.Text;

namespace CoachBot.Graph;

/// <summary>
/// Deterministic ids that make booking idempotent. The same booking key always yields the same booking id, kept in a
/// single-value extended property, which lets CoachBot find its event again after a restart without storing the Graph
/// event id. The Graph <c>transactionId</c> of attempt 0 is that booking id; Graph never frees a transaction id, even
/// after its event is deleted, so re-booking a deleted slot moves on to attempt 1, 2, … (still deterministic, so two
/// instances booking the same slot at once collide on the same id and one event results).
/// </summary>
public static class FieldDayIds
{
    public const string Category = "CoachBot field day";

    /// <summary>A named MAPI property in PS_PUBLIC_STRINGS, the property set meant for application-defined names.</summary>
    public const string ExtendedPropertyId = "String {00020329-0000-0000-C000-000000000046} Name CoachBotFieldDayId";

    /// <summary>Graph's answer to a POST whose transactionId was used before on that calendar.</summary>
    public const string DuplicateTransactionIdCode = "ErrorDuplicateTransactionId";

    /// <summary>How many deleted bookings of one slot CoachBot re-books through before it gives up.</summary>
    public const int MaxAttempts = 10;

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

    /// <summary>The transactionId of the given booking attempt: the booking id first, then one per re-booking after a delete.</summary>
    public static string AttemptTransactionId(string bookingKey, int attempt) =>
        attempt == 0 ? TransactionId(bookingKey) : TransactionId(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bookingKey}#attempt{attempt}"));
}
