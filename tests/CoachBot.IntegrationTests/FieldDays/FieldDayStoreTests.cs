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
