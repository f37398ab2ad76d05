using Azure.Data.Tables;
using CoachBot.Fleet;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Fleet;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.IntegrationTests.Fleet;

/// <summary>
/// A reply sent while an older one is still in flight is behind the watermark; the fleet row names it, so a restart
/// (or another instance) that finds its turn unmarked knows it went out instead of sending it again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SentAfterWatermarkTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Replies_sent_behind_a_slow_one_are_named_until_the_watermark_passes_them()
    {
        var clock = new FakeTimeProvider(Start);
        var sends = new ReplySends(clock);
        sends.Begin("slow");
        clock.Advance(TimeSpan.FromMilliseconds(10));
        sends.Begin("fast");
        clock.Advance(TimeSpan.FromMilliseconds(10));
        sends.Begin("failed");
        sends.Sent("fast");
        sends.Settle("failed"); // given back: not sent, so not named

        var (watermark, sent) = sends.Snapshot();
        Assert.Equal(Start, watermark);
        Assert.Equal([FleetMember.SentKeyOf("fast")], sent);

        // The slow one goes out: the watermark moves past both, and the names it covers are dropped.
        clock.Advance(TimeSpan.FromMilliseconds(10));
        sends.Sent("slow");
        (watermark, sent) = sends.Snapshot();
        Assert.Equal(clock.GetUtcNow(), watermark);
        Assert.Empty(sent);
    }

    [Fact]
    public void A_turn_named_by_its_holder_is_settled_and_one_given_back_or_held_by_another_is_not()
    {
        var key = TableKeys.Join("t1", "u1", "a:1", "act-1");
        var turn = new TurnRecord("t1", "u1", "a:1", "act-1", "u1", "29:u1", "Question", null, "Reality", null, "What happened?", "hi", Start, null)
        {
            SendingBy = "p1",
            SendingSince = Start.AddSeconds(5),
            SendingUntil = Start.AddSeconds(20),
        };
        var holder = new FleetMember("p1", Start, Start.AddSeconds(6), SettledBefore: Start, StoppedAt: null) { SentAfter = new HashSet<string> { FleetMember.SentKeyOf(key) } };

        Assert.True(turn.IsSettledBy(holder));
        Assert.False(turn.IsSettledBy(holder with { SentAfter = new HashSet<string>() }));
        Assert.False(turn.IsSettledBy(holder with { Id = "p2" }));
        Assert.False((turn with { SendingUntil = TurnRecord.LeaseReleased }).IsSettledBy(holder));
    }

    [Fact]
    public async Task The_fleet_row_keeps_the_sent_names_through_storage()
    {
        var table = new FleetTable(new TableServiceClient(azurite.ConnectionString));
        var id = Guid.NewGuid().ToString("N");
        var names = Enumerable.Range(0, FleetMember.MaxSentAfter).Select(i => FleetMember.SentKeyOf($"turn-{i}")).ToHashSet();

        await table.PublishAsync(new FleetMember(id, Start, Start, Start, null) { SentAfter = names }, default);
        var read = await table.GetAsync(id, default);
        await table.PublishAsync(new FleetMember(id, Start, Start.AddSeconds(1), Start.AddSeconds(1), null), default);
        var cleared = await table.GetAsync(id, default);

        Assert.Equal(names, read!.SentAfter);
        Assert.Empty(cleared!.SentAfter);
    }
}
