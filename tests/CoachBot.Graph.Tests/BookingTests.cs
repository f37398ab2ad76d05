using CoachBot.Coaching.Calendar;

namespace CoachBot.Graph.Tests;

public sealed class BookingTests
{
    private static readonly DateTimeOffset Thursday = TestGraphServer.Now.Date.AddDays(10).AddHours(13);

    private static FieldDayBookingRequest Request(string? key = null) =>
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

        // Each call misses in the lookup and POSTs the same transactionId; all but the first get ErrorDuplicateTransactionId
        // and find the winner's event by re-querying the calendar.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => graph.BookFieldDayAsync(Request("nudge-42"))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.EventId).Distinct());
        Assert.Equal(1, server.Store.EventCount(e => e.Categories.Contains(FieldDayIds.Category)));
        Assert.Equal(results[0].EventId, (await graph.FindFieldDayAsync(Orgs.Maya, "nudge-42"))?.EventId);
    }

    [Fact]
    public async Task A_slot_booked_again_after_its_event_was_deleted_is_booked_under_a_new_transaction_id()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();
        var first = await graph.BookFieldDayAsync(Request());
        Assert.True(await graph.CancelFieldDayAsync(Orgs.Maya, first.EventId));

        // The documented service never frees a transactionId: reusing it answers 400, which the booking handles by
        // confirming the event is gone (re-query) and moving to the next attempt id.
        var second = await graph.BookFieldDayAsync(Request());
        Assert.True(await graph.CancelFieldDayAsync(Orgs.Maya, second.EventId));
        var third = await graph.BookFieldDayAsync(Request());

        Assert.True(second.Created);
        Assert.True(third.Created);
        Assert.Equal([first.TransactionId, second.TransactionId, third.TransactionId],
            [.. Enumerable.Range(0, 3).Select(a => FieldDayIds.AttemptTransactionId(FieldDayIds.DefaultKey(Orgs.Maya, Orgs.Diego, Thursday), a))]);
        Assert.Equal(3, (await server.StatsAsync())["eventsCreated"]!.GetValue<int>());
        Assert.Equal(1 + 2 + 3, await server.RequestCountAsync("POST events")); // attempt 0; 0 and 1; 0, 1 and 2
        Assert.Equal(third.EventId, (await graph.FindFieldDayAsync(Orgs.Maya, FieldDayIds.DefaultKey(Orgs.Maya, Orgs.Diego, Thursday)))?.EventId);
        Assert.Equal(1, server.Store.EventCount(e => e.Categories.Contains(FieldDayIds.Category)));

        var again = await graph.BookFieldDayAsync(Request()); // the live booking is found, nothing posted
        Assert.False(again.Created);
        Assert.Equal(third.EventId, again.EventId);
        Assert.Equal(6, await server.RequestCountAsync("POST events"));
    }

    [Fact]
    public async Task The_graph_server_refuses_a_transaction_id_used_by_a_deleted_event_as_graph_does()
    {
        await using var server = await TestGraphServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.Root };
        var body = $$"""
            {"subject":"x","start":{"dateTime":"2026-03-12T13:00:00","timeZone":"UTC"},"end":{"dateTime":"2026-03-12T14:00:00","timeZone":"UTC"},
             "transactionId":"{{Guid.NewGuid()}}"}
            """;
        async Task<HttpResponseMessage> Post() =>
            await http.PostAsync(new Uri($"v1.0/users/{Orgs.Maya}/events", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        using var created = await Post();
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = System.Text.Json.Nodes.JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var deleted = await http.DeleteAsync(new Uri($"v1.0/users/{Orgs.Maya}/events/{id}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);

        using var reused = await Post();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("ErrorDuplicateTransactionId", System.Text.Json.Nodes.JsonNode.Parse(await reused.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(0, server.Store.EventCount(e => e.Id != id && e.Subject == "x"));
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
    public async Task GetFieldDay_by_id_follows_a_move_and_is_null_after_delete_as_graph_answers_404()
    {
        await using var server = await TestGraphServer.StartAsync();
        var graph = server.CreateDirectory();
        var booking = await graph.BookFieldDayAsync(Request());

        var current = await graph.GetFieldDayAsync(Orgs.Maya, booking.EventId);
        Assert.Equal((booking.EventId, Thursday, Thursday.AddHours(4)), (current!.EventId, current.Start, current.End));

        var newStart = Thursday.AddDays(2).AddHours(-4);
        await graph.RescheduleFieldDayAsync(Orgs.Maya, booking.EventId, newStart, newStart.AddHours(8));
        current = await graph.GetFieldDayAsync(Orgs.Maya, booking.EventId);
        Assert.Equal((newStart, newStart.AddHours(8)), (current!.Start, current.End));

        Assert.True(await graph.CancelFieldDayAsync(Orgs.Maya, booking.EventId));
        Assert.Null(await graph.GetFieldDayAsync(Orgs.Maya, booking.EventId));
        // One GET by id each time, asking only for what the check needs.
        var stats = await server.StatsAsync();
        Assert.Equal(3, stats["requests"]!["GET events/{id}"]!.GetValue<int>());
        Assert.Contains("isCancelled", stats["selects"]!["GET events/{id}"]![0]!.GetValue<string>(), StringComparison.Ordinal);
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
