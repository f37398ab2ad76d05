using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace CoachBot.Graph;

/// <summary>Booking, finding, moving and cancelling field days on the manager's calendar.</summary>
public sealed partial class GraphCalendarDirectory
{
    public async Task<FieldDayBooking> BookFieldDayAsync(FieldDayBookingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ManagerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RepId);
        if (request.End <= request.Start) throw new ArgumentException("A field day must end after it starts.", nameof(request));

        var key = request.BookingKey ?? FieldDayIds.DefaultKey(request.ManagerId, request.RepId, request.Start);
        var bookingId = FieldDayIds.TransactionId(key);

        // The event carries bookingId in an extended property, so a second attempt (days later, another instance)
        // finds it; transactionId only guards retries of one POST.
        var existing = await FindByBookingIdAsync(request.ManagerId, bookingId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            GraphLog.FieldDayExists(_logger, key, existing.EventId);
            return existing;
        }

        var rep = await GetUserAsync(request.RepId, cancellationToken).ConfigureAwait(false)
            ?? throw new GraphException(GraphFailureKind.NotFound, "bookFieldDay", System.Net.HttpStatusCode.NotFound, "The rep is not in the directory.", null);
        var address = rep.SmtpAddress
            ?? throw new GraphException(GraphFailureKind.BadRequest, "bookFieldDay", null, "The rep has no mailbox address to invite.", null);

        for (var attempt = 0; attempt < FieldDayIds.MaxAttempts; attempt++)
        {
            var transactionId = FieldDayIds.AttemptTransactionId(key, attempt);
            var created = await CreateAsync(request, bookingId, transactionId, rep.DisplayName, address, cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                var booking = ToBooking(created, transactionId, created: true);
                GraphLog.FieldDayBooked(_logger, key, booking.EventId, request.ManagerId);
                return booking;
            }

            // The id was used before: either a concurrent or retried POST created the event (it is on the calendar),
            // or an earlier booking of this slot was deleted (it is not; the service never frees the id).
            var found = await FindByBookingIdAsync(request.ManagerId, bookingId, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                GraphLog.FieldDayExists(_logger, key, found.EventId);
                return found;
            }

            GraphLog.FieldDayTransactionIdUsed(_logger, attempt);
        }

        throw new GraphException(GraphFailureKind.BadRequest, "bookFieldDay", System.Net.HttpStatusCode.BadRequest,
            $"Every transaction id of this field day was used by an earlier, deleted booking ({FieldDayIds.MaxAttempts} attempts).", null);
    }

    /// <summary>Creates the event; null when Graph answers ErrorDuplicateTransactionId.</summary>
    private Task<Event?> CreateAsync(FieldDayBookingRequest request, string bookingId, string transactionId, string repName, string address, CancellationToken cancellationToken) =>
        RunAsync("bookFieldDay", async () =>
        {
            try
            {
                return await _client.Users[request.ManagerId].Events.PostAsync(new Event
                {
                    Subject = request.Subject,
                    Body = new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml ?? string.Empty },
                    Start = GraphMapping.ToGraph(request.Start),
                    End = GraphMapping.ToGraph(request.End),
                    ShowAs = FreeBusyStatus.Busy,
                    Categories = [FieldDayIds.Category],
                    TransactionId = transactionId,
                    Attendees =
                    [
                        new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = address, Name = repName } },
                    ],
                    SingleValueExtendedProperties =
                    [
                        new SingleValueLegacyExtendedProperty { Id = FieldDayIds.ExtendedPropertyId, Value = bookingId },
                    ],
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 400 && e.Error?.Code == FieldDayIds.DuplicateTransactionIdCode)
            {
                return null;
            }
        }, cancellationToken);

    public Task<FieldDayBooking?> FindFieldDayAsync(string managerId, string bookingKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managerId);
        return FindByBookingIdAsync(managerId, FieldDayIds.TransactionId(bookingKey), cancellationToken);
    }

    public Task<FieldDayBooking?> GetFieldDayAsync(string managerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return RunAsync("getFieldDay", async () =>
        {
            try
            {
                var evt = await _client.Users[managerId].Events[eventId].GetAsync(r =>
                {
                    r.QueryParameters.Select = ["id", "start", "end", "isCancelled", "transactionId"];
                    r.Headers.Add("Prefer", PreferUtc);
                }, cancellationToken).ConfigureAwait(false);
                return evt is null || evt.IsCancelled == true ? null : ToBooking(evt, evt.TransactionId ?? string.Empty, created: false);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                return null;
            }
        }, cancellationToken);
    }

    public async Task<FieldDayBooking> RescheduleFieldDayAsync(
        string managerId, string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        if (newEnd <= newStart) throw new ArgumentException("A field day must end after it starts.", nameof(newEnd));

        var updated = await RunAsync("rescheduleFieldDay", () => _client.Users[managerId].Events[eventId].PatchAsync(new Event
        {
            Start = GraphMapping.ToGraph(newStart),
            End = GraphMapping.ToGraph(newEnd),
        }, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return ToBooking(updated, updated?.TransactionId ?? string.Empty, created: false);
    }

    public Task<bool> CancelFieldDayAsync(string managerId, string eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        return RunAsync("cancelFieldDay", async () =>
        {
            try
            {
                // Deleting a meeting on the organizer's calendar sends attendees a cancellation.
                await _client.Users[managerId].Events[eventId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                return false;
            }
        }, cancellationToken);
    }

    private Task<FieldDayBooking?> FindByBookingIdAsync(string managerId, string bookingId, CancellationToken cancellationToken) =>
        RunAsync("findFieldDay", async () =>
        {
            var page = await _client.Users[managerId].Events.GetAsync(r =>
            {
                r.QueryParameters.Filter =
                    $"singleValueExtendedProperties/Any(ep: ep/id eq '{FieldDayIds.ExtendedPropertyId}' and ep/value eq '{bookingId}')";
                r.QueryParameters.Select = ["id", "start", "end", "transactionId"];
                r.QueryParameters.Top = 1;
                r.Headers.Add("Prefer", PreferUtc);
            }, cancellationToken).ConfigureAwait(false);
            var found = page?.Value?.FirstOrDefault();
            return found is null ? null : ToBooking(found, found.TransactionId ?? bookingId, created: false);
        }, cancellationToken);

    private static FieldDayBooking ToBooking(Event? evt, string transactionId, bool created)
    {
        if (evt?.Id is null) throw new GraphException(GraphFailureKind.BadRequest, "bookFieldDay", null, "Graph returned an event without an id.", null);
        return new FieldDayBooking(evt.Id, transactionId, GraphMapping.ToInstant(evt.Start) ?? default, GraphMapping.ToInstant(evt.End) ?? default, created);
    }
}
