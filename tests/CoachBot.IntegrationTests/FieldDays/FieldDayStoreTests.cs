using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.FieldDays;

namespace CoachBot.IntegrationTests.FieldDays;

/// <summary>The fielddays table against Azurite: merges that never overwrite each other, the scheduler's day range, "forget me".</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FieldDayStoreTests(AzuriteFixture azurite)
{
    private readonly FieldDayStore _store = new(new TableServiceClient(azurite.ConnectionString));
    private readonly string _tenant = "tenant-" + Guid.NewGuid().ToString("N")[..12];

    private FieldDayRecord Booking(string id, DateTimeOffset start, string manager = "maya", string rep = "diego") =>
        new(_tenant, id, manager, rep, "Diego", start, start.AddHours(4), "event-" + id, start.AddHours(-16), start.AddHours(-15), start.AddHours(4))
        { ManagerName = "Maya", ManagerTimeZone = "America/New_York", RepTimeZone = "America/Chicago" };

    [Fact]
    public async Task FieldDayStore_watch_share_and_debrief_merge_without_overwriting_and_rebooking_keeps_them()
    {
        var fd = Booking("fd1", new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero));
        await _store.RecordBookingAsync(fd, default);

        await _store.SetWatchAsync(fd, ["discovery", "objections"], default);
        await _store.SetRepShareAsync(fd, "my price answers", null, fd.Start.AddDays(-1), default);
        await _store.SetDebriefAsync(fd, "sharp openers", "a second question", "discovery", fd.End, default);
        await _store.RecordBookingAsync(fd, default); // the Book click retried

        var read = (await _store.GetAsync(_tenant, fd.Day, "fd1", default))!;
        Assert.Equal(["discovery", "objections"], read.Watch);
        Assert.Equal("my price answers", read.RepFocus);
        Assert.Null(read.RepCalls);
        Assert.Equal("a second question", read.Improve);
        Assert.Equal(fd.End, read.DebriefedAt);
        Assert.Equal("Maya", read.ManagerName);
        Assert.Equal(fd.ManagerPrepAt, read.ManagerPrepAt);
    }

    [Fact]
    public async Task FieldDayStore_lists_the_field_days_starting_within_the_days_asked()
    {
        var day = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await _store.RecordBookingAsync(Booking("before", day.AddMinutes(-1)), default);
        await _store.RecordBookingAsync(Booking("first", day), default);
        await _store.RecordBookingAsync(Booking("last", day.AddDays(2).AddHours(23)), default);
        await _store.RecordBookingAsync(Booking("after", day.AddDays(3)), default);

        var listed = await _store.ListAsync(_tenant, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3), default);

        Assert.Equal(["first", "last"], listed.Select(f => f.FieldDayId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FieldDayStore_move_keeps_answers_and_watch_under_the_new_day_and_cancelled_is_kept()
    {
        var fd = Booking("fd-move", new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero));
        await _store.RecordBookingAsync(fd, default);
        await _store.SetWatchAsync(fd, ["closing"], default);
        await _store.SetRepShareAsync(fd with { RepShares = 2 }, "the new words", "Contoso at 10", fd.Start.AddDays(-1), default);
        var stored = (await _store.GetAsync(_tenant, fd.Day, fd.FieldDayId, default))!;
        Assert.Equal(2, stored.RepShares);

        // Two days later: the row moves to the new day, with everything it held.
        var moved = stored with { Start = fd.Start.AddDays(2), End = fd.End.AddDays(2), ManagerPrepAt = fd.ManagerPrepAt.AddDays(2), RepPrepAt = fd.RepPrepAt.AddDays(2), DebriefAt = fd.End.AddDays(2) };
        await _store.MoveAsync(stored, moved, default);
        Assert.Null(await _store.GetAsync(_tenant, fd.Day, fd.FieldDayId, default));
        var read = (await _store.GetAsync(_tenant, fd.Day.AddDays(2), fd.FieldDayId, default))!;
        Assert.Equal((moved.Start, moved.End, moved.ManagerPrepAt, moved.RepPrepAt, moved.DebriefAt), (read.Start, read.End, read.ManagerPrepAt, read.RepPrepAt, read.DebriefAt));
        Assert.Equal(["closing"], read.Watch);
        Assert.Equal(("the new words", "Contoso at 10", 2), (read.RepFocus, read.RepCalls, read.RepShares));
        Assert.Equal(("Maya", "America/New_York", "America/Chicago"), (read.ManagerName, read.ManagerTimeZone, read.RepTimeZone));

        // An hour later the same day: still one row. Cancelled: kept, marked.
        var later = read with { Start = read.Start.AddHours(1), End = read.End.AddHours(1) };
        await _store.MoveAsync(read, later, default);
        Assert.Equal(later.Start, Assert.Single(await _store.ListAsync(_tenant, fd.Day, fd.Day.AddDays(3), default)).Start);
        await _store.SetCancelledAsync(later, fd.Start, default);
        Assert.Equal(fd.Start, (await _store.GetAsync(_tenant, later.Day, fd.FieldDayId, default))!.CancelledAt);
    }

    [Fact]
    public async Task FieldDayStore_forget_me_erases_the_field_days_of_the_rep_and_of_the_manager_only()
    {
        var start = new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero);
        await _store.RecordBookingAsync(Booking("diego", start), default);
        await _store.RecordBookingAsync(Booking("priya", start, rep: "priya"), default);
        await _store.RecordBookingAsync(Booking("other", start, manager: "oliver", rep: "amelia"), default);

        Assert.Equal(1, await _store.EraseUserAsync(_tenant, "diego", default));
        Assert.Equal(1, await _store.EraseUserAsync(_tenant, "maya", default));

        var left = await _store.ListAsync(_tenant, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), default);
        Assert.Equal("other", Assert.Single(left).FieldDayId);
        Assert.Equal(0, await _store.EraseUserAsync(_tenant, "diego", default));
    }
}
