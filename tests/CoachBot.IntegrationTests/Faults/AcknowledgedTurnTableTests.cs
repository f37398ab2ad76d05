using System.Text;
using Azure.Data.Tables;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Hosting;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// The acknowledged-turn table against a real Azurite of its own: concurrent sweepers (as on several instances) never
/// take the same entry, a held entry is left alone, a body at the activity size limit round-trips, and a periodic
/// sweep reads only recent hourly partitions while the full sweep reads them all.
/// </summary>
public sealed class AcknowledgedTurnTableTests : IAsyncLifetime
{
    private readonly RestartableAzurite _azurite = new();
    private AcknowledgedTurnTable _table = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _table = new AcknowledgedTurnTable(new TableServiceClient(_azurite.ConnectionString));
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Concurrent_sweepers_take_each_expired_entry_exactly_once()
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 30; i++) await _table.AddAsync(Encoding.UTF8.GetBytes($$"""{"id":"{{i}}"}"""), VerifiedCaller.None, now.AddSeconds(-10), now.AddSeconds(-1), default);

        // Six sweepers at once, as six instances would.
        var sweeps = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _table.TakeExpiredAsync(now, now.AddMinutes(2), null, 100, default))));

        var taken = sweeps.SelectMany(s => s).ToList();
        Assert.Equal(30, taken.Count);
        Assert.Equal(30, taken.Select(t => Encoding.UTF8.GetString(t.Activity.Span)).Distinct().Count());
        Assert.All(taken, t => Assert.Equal(1, t.Attempts));
        // Now held by their takers: nothing left to take until the new lease runs out.
        Assert.Empty(await _table.TakeExpiredAsync(now.AddSeconds(1), now.AddMinutes(2), null, 100, default));
        Assert.Equal(30, (await _table.TakeExpiredAsync(now.AddMinutes(3), now.AddMinutes(5), null, 100, default)).Count);
    }

    [Fact]
    public async Task An_activity_at_the_size_limit_and_its_caller_round_trip_and_removal_is_final()
    {
        var body = new byte[256 * 1024];
        new Random(7).NextBytes(body);
        var caller = new VerifiedCaller("https://api.botframework.com", "app", "tenant");
        var now = DateTimeOffset.UtcNow;
        var added = await _table.AddAsync(body, caller, now, now.AddSeconds(1), default);

        var taken = Assert.Single(await _table.TakeExpiredAsync(now.AddSeconds(2), now.AddMinutes(2), null, 10, default));

        Assert.Equal(added.Key, taken.Key);
        Assert.True(body.AsSpan().SequenceEqual(taken.Activity.Span));
        Assert.Equal(caller, taken.Caller);
        await _table.RemoveAsync(taken, default);
        await _table.RemoveAsync(taken, default); // already gone: fine
        Assert.Empty(await _table.TakeExpiredAsync(now.AddHours(1), now.AddHours(2), null, 10, default));
    }

    [Fact]
    public async Task A_periodic_sweep_reads_only_recent_partitions_and_the_full_sweep_all()
    {
        var now = DateTimeOffset.UtcNow;
        await _table.AddAsync("{\"id\":\"old\"}"u8.ToArray(), VerifiedCaller.None, now.AddHours(-5), now.AddHours(-5), default);
        await _table.AddAsync("{\"id\":\"new\"}"u8.ToArray(), VerifiedCaller.None, now.AddMinutes(-5), now.AddMinutes(-3), default);

        var recent = await _table.TakeExpiredAsync(now, now.AddMinutes(2), now - AcknowledgedTurnSweeper.Window, 10, default);
        var all = await _table.TakeExpiredAsync(now, now.AddMinutes(2), null, 10, default);

        Assert.Equal("{\"id\":\"new\"}", Encoding.UTF8.GetString(Assert.Single(recent).Activity.Span));
        Assert.Equal("{\"id\":\"old\"}", Encoding.UTF8.GetString(Assert.Single(all).Activity.Span));
    }
}
