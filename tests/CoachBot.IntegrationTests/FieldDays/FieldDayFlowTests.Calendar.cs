using System.Text.Json.Nodes;
using CoachBot.FieldDays;
using CoachBot.Graph;
using CoachBot.IntegrationTests.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.FieldDays;

/// <summary>
/// The booked event changes in the calendar after booking: moved (PATCH on the local Graph server) or deleted (DELETE,
/// then 404 on a GET by id, as Graph). The prep and debrief follow the event as it is when they fall due.
/// </summary>
public sealed partial class FieldDayFlowTests
{
    [Fact]
    public async Task A_moved_field_day_is_prepped_at_its_new_time_and_once_deleted_gets_no_debrief()
    {
        var (slot, rep) = await BookFirstSlotAsync();
        var day = DateOnly.FromDateTime(slot.Start.UtcDateTime);
        var fd = Assert.Single(await Store().ListAsync(_world.TenantId, day, day, default));
        var calendar = _app.Services.GetRequiredService<ICalendarDirectory>();

        // The manager moves it a week later (same weekday and hours) in the calendar.
        await calendar.RescheduleFieldDayAsync(NudgeWorld.Maya, fd.EventId, fd.Start.AddDays(7), fd.End.AddDays(7));
        var graphReads = await _world.Graph.RequestCountAsync("GET events/{id}");

        // At the booked prep moments nothing goes out: the record followed the event to its new day and moments.
        var (first, second) = fd.ManagerPrepAt <= fd.RepPrepAt ? (fd.ManagerPrepAt, fd.RepPrepAt) : (fd.RepPrepAt, fd.ManagerPrepAt);
        Assert.Equal(0, await EnqueuedAtAsync(first) + await EnqueuedAtAsync(second));
        Assert.Null(await Store().GetAsync(_world.TenantId, fd.Day, fd.FieldDayId, default));
        var moved = (await Store().GetAsync(_world.TenantId, fd.Day.AddDays(7), fd.FieldDayId, default))!;
        Assert.NotNull(moved);
        Assert.Equal(fd.Start.AddDays(7), moved.Start);
        Assert.Equal(moved.End, moved.DebriefAt);
        AssertPrepTime(moved.ManagerPrepAt, moved.Start, moved.ManagerTimeZone!, morning: new TimeOnly(8, 30), evening: new TimeOnly(16, 30));
        AssertPrepTime(moved.RepPrepAt, moved.Start, moved.RepTimeZone!, morning: new TimeOnly(8, 0), evening: new TimeOnly(16, 0));
        Assert.True(moved.ManagerPrepAt > fd.Start && moved.RepPrepAt > fd.Start, "prep for the new day, after the old one");

        // At the new moments: the prep card and the rep's question, both for the new day; the event was read once per moment.
        var (newFirst, newSecond) = moved.ManagerPrepAt <= moved.RepPrepAt ? (moved.ManagerPrepAt, moved.RepPrepAt) : (moved.RepPrepAt, moved.ManagerPrepAt);
        Assert.Equal(0, await EnqueuedAtAsync(newFirst.AddMinutes(-1)));
        Assert.Equal(2, await EnqueuedAtAsync(newFirst) + await EnqueuedAtAsync(newSecond));
        var prep = await WaitForCardAsync(NudgeWorld.Maya, "Field day with");
        var ask = await WaitForCardAsync(rep, "Your field day with");
        Assert.Contains(FieldDayCards.When(moved, moved.ManagerTimeZone), NudgeWorld.AllText(prep), StringComparison.Ordinal);
        Assert.Contains(FieldDayCards.When(moved, moved.RepTimeZone), NudgeWorld.AllText(ask), StringComparison.Ordinal);
        Assert.InRange(await _world.Graph.RequestCountAsync("GET events/{id}") - graphReads, 2, 4);

        // The manager then deletes the event: Graph answers 404 for it; at the end of the day no debrief card goes out,
        // the field day is marked cancelled and its cards no longer act.
        Assert.True(await calendar.CancelFieldDayAsync(NudgeWorld.Maya, fd.EventId));
        Assert.Null(await calendar.GetFieldDayAsync(NudgeWorld.Maya, fd.EventId));
        Assert.Equal(0, await EnqueuedAtAsync(moved.DebriefAt));
        Assert.NotNull((await Store().GetAsync(_world.TenantId, moved.Day, moved.FieldDayId, default))!.CancelledAt);
        Assert.Equal(0, await EnqueuedAtAsync(moved.DebriefAt.AddHours(1)));
        Assert.Equal(404, await StatusOfAsync(NudgeWorld.Maya, FieldDayCards.Watch, Action(prep, FieldDayCards.Watch).GetProperty("data"),
            new JsonObject { [FieldDayCards.WatchInput] = "discovery" }));
        await WaitForQueueEmptyAsync();
        Assert.Empty(CardsTitled(NudgeWorld.Maya, "How did the field day with"));
        Assert.Single(CardsTitled(NudgeWorld.Maya, "Field day with"));
    }

    [Fact]
    public async Task A_field_day_deleted_before_its_prep_sends_prep_to_neither_person()
    {
        var (slot, rep) = await BookFirstSlotAsync();
        var day = DateOnly.FromDateTime(slot.Start.UtcDateTime);
        var fd = Assert.Single(await Store().ListAsync(_world.TenantId, day, day, default));
        Assert.True(await _app.Services.GetRequiredService<ICalendarDirectory>().CancelFieldDayAsync(NudgeWorld.Maya, fd.EventId));

        var (first, second) = fd.ManagerPrepAt <= fd.RepPrepAt ? (fd.ManagerPrepAt, fd.RepPrepAt) : (fd.RepPrepAt, fd.ManagerPrepAt);
        Assert.Equal(0, await EnqueuedAtAsync(first) + await EnqueuedAtAsync(second) + await EnqueuedAtAsync(fd.DebriefAt));
        Assert.NotNull((await Store().GetAsync(_world.TenantId, fd.Day, fd.FieldDayId, default))!.CancelledAt);
        await WaitForQueueEmptyAsync();
        Assert.Empty(CardsTitled(NudgeWorld.Maya, "Field day with"));
        Assert.Empty(CardsTitled(rep, "Your field day with"));
    }

    [Fact]
    public async Task When_Graph_cannot_read_the_event_the_prep_goes_out_at_the_booked_times_and_is_not_asked_again()
    {
        var (slot, rep) = await BookFirstSlotAsync();
        var day = DateOnly.FromDateTime(slot.Start.UtcDateTime);
        var fd = Assert.Single(await Store().ListAsync(_world.TenantId, day, day, default));
        await _world.Graph.ArmAsync("/events/", 503, method: "GET");

        var (first, second) = fd.ManagerPrepAt <= fd.RepPrepAt ? (fd.ManagerPrepAt, fd.RepPrepAt) : (fd.RepPrepAt, fd.ManagerPrepAt);
        Assert.Equal(2, await EnqueuedAtAsync(first) + await EnqueuedAtAsync(second));
        await WaitForCardAsync(NudgeWorld.Maya, "Field day with");
        await WaitForCardAsync(rep, "Your field day with");
        var reads = await _world.Graph.RequestCountAsync("GET events/{id}");
        Assert.True(reads > 0, "the event was asked for");
        Assert.Equal(0, await EnqueuedAtAsync(second.AddMinutes(5)));
        Assert.Equal(reads, await _world.Graph.RequestCountAsync("GET events/{id}"));
        Assert.Null((await Store().GetAsync(_world.TenantId, fd.Day, fd.FieldDayId, default))!.CancelledAt);
    }
}
