using CoachBot.Coaching.Calendar;

namespace CoachBot.Graph.Tests;

public sealed class BookingTests
{
    private static readonly DateTimeOffset Thursday = TestGraphServer.Now.Date.AddDays(10).AddHours(13);

    private static FieldDayRequest Request(string? key = null) =>
        new(Orgs.Maya, Orgs.Diego, Thursday, Thursday.AddHours(4), "Field day: Maya + Diego", "<p>Ride-along with Diego.</p>", key);

    [Fact]
    public async Task BookingTwice_CreatesOneEvent()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();

        var first = await graph.BookFieldDayAsync(Request());
        var second = await graph.BookFieldDayAsync(Request());

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(Thursday, first.Start);
        Assert.Equal(1, (await server.StatsAsync())["eventsCreated"]!.GetValue<int>());

        var onRepCalendar = (await graph.GetEventsAsync(Orgs.Diego, Thursday, Thursday.AddHours(4))).Single(e => e.Id == first.EventId);
        Assert.Contains(FieldDayIds.Category, onRepCalendar.Categories);
        Assert.Equal(FreeBusyStatus.Tentative, onRepCalendar.ShowAs); // an unanswered invite, as Exchange shows it
        Assert.Equal(["diego.alvarez@contoso-sales.example"], onRepCalendar.AttendeeIds);
    }

    [Fact]
    public async Task ConcurrentBookings_SameKey_DedupedByTransactionId()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();

        // Both calls miss in the lookup and POST; Graph's transactionId semantics keep one event.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => graph.BookFieldDayAsync(Request("nudge-42"))));

        Assert.Single(results.Select(r => r.EventId).Distinct());
        Assert.Equal(1, server.Store.EventCount(e => e.Categories.Contains(FieldDayIds.Category)));
        Assert.Equal(results[0].EventId, (await graph.FindFieldDayAsync(Orgs.Maya, "nudge-42"))?.EventId);
    }

    [Fact]
    public async Task Reschedule_ThenCancel()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();
        var booking = await graph.BookFieldDayAsync(Request());
        var newStart = Thursday.AddDays(1);

        var moved = await graph.RescheduleFieldDayAsync(Orgs.Maya, booking.EventId, newStart, newStart.AddHours(3));

        Assert.Equal(newStart, moved.Start);
        Assert.Equal(newStart.AddHours(3), moved.End);
        var events = await graph.GetEventsAsync(Orgs.Maya, newStart, newStart.AddHours(3));
        Assert.Contains(events, e => e.Id == booking.EventId);
        Assert.Equal(booking.EventId, (await graph.BookFieldDayAsync(Request()))?.EventId); // still the same booking

        Assert.True(await graph.CancelFieldDayAsync(Orgs.Maya, booking.EventId));
        Assert.False(await graph.CancelFieldDayAsync(Orgs.Maya, booking.EventId));
        Assert.Null(await graph.FindFieldDayAsync(Orgs.Maya, FieldDayIds.DefaultKey(Orgs.Maya, Orgs.Diego, Thursday)));
        Assert.DoesNotContain(await graph.GetEventsAsync(Orgs.Diego, newStart, newStart.AddHours(3)), e => e.Id == booking.EventId);
    }

    [Fact]
    public async Task RescheduleMissingEvent_IsNotFound()
    {
        await using var server = await TestGraphServer.StartAsync();
        var ex = await Assert.ThrowsAsync<GraphException>(() =>
            server.CreateDirectory().RescheduleFieldDayAsync(Orgs.Maya, "AAMk-missing", Thursday, Thursday.AddHours(1)));
        Assert.Equal(GraphFailureKind.NotFound, ex.Kind);
    }

    [Fact]
    public void TransactionId_IsDeterministicAndKeyed()
    {
        Assert.Equal(FieldDayIds.TransactionId("a"), FieldDayIds.TransactionId("a"));
        Assert.NotEqual(FieldDayIds.TransactionId("a"), FieldDayIds.TransactionId("b"));
        Assert.True(Guid.TryParse(FieldDayIds.TransactionId("a"), out _));
        Assert.Equal(FieldDayIds.DefaultKey("M", "r", Thursday), FieldDayIds.DefaultKey("m", "R", Thursday.ToOffset(TimeSpan.FromHours(2))));
    }
}
