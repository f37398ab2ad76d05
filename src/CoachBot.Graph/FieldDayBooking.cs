namespace CoachBot.Graph;

/// <summary>
/// A field day to put on the manager's calendar with the rep invited. <see cref="BookingKey"/> identifies the booking
/// across retries and restarts (e.g. the nudge or card-action id); when null it is derived from manager, rep and start.
/// </summary>
public sealed record FieldDayBookingRequest(
    string ManagerId,
    string RepId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Subject,
    string? BodyHtml = null,
    string? BookingKey = null);

/// <summary>The event that holds a field day. <see cref="Created"/> is false when an existing booking was found instead.</summary>
public sealed record FieldDayBooking(string EventId, string TransactionId, DateTimeOffset Start, DateTimeOffset End, bool Created);
