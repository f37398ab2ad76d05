using System.Text;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using CoachBot.Teams.Auth;

namespace CoachBot.Teams.Tests.Hosting;

public class AcknowledgedTurnSweeperTests
{
    private sealed class RecordingHandler : IActivityHandler
    {
        public TaskCompletionSource<(Activity Activity, VerifiedCaller Caller)> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
        {
            Ran.TrySetResult((turn.Activity, ((TurnContext)turn).Caller));
            return Task.FromResult<InvokeResponse?>(null);
        }
    }

    private static AcknowledgedTurnSweeper Sweeper(InMemoryAcknowledgedTurns store, BackgroundTurns background, IActivityHandler handler) =>
        new(store, background, handler, BotAdapterTimingTests.Connector(), Microsoft.Extensions.Options.Options.Create(new BotOptions()), TimeProvider.System,
            new TestLifetime(), NullLogger<AcknowledgedTurnSweeper>.Instance);

    [Fact]
    public async Task An_entry_whose_lease_ran_out_is_rerun_with_its_activity_and_caller_then_removed()
    {
        var store = new InMemoryAcknowledgedTurns();
        var background = store.Background();
        var caller = new VerifiedCaller("https://api.botframework.com", "app", "tenant");
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(Encoding.UTF8.GetBytes(BotAdapterTimingTests.Message), caller, now.AddMinutes(-3), now.AddMinutes(-1), default);
        var handler = new RecordingHandler();

        var taken = await Sweeper(store, background, handler).SweepAsync(everything: false, default);

        Assert.Equal(1, taken);
        var (activity, rerunCaller) = await handler.Ran.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("1", activity.Id);
        Assert.Equal(caller, rerunCaller);
        await background.StopAsync(default);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task An_entry_still_held_is_left_alone()
    {
        var store = new InMemoryAcknowledgedTurns();
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(Encoding.UTF8.GetBytes(BotAdapterTimingTests.Message), VerifiedCaller.None, now, now.AddMinutes(2), default);
        var handler = new RecordingHandler();

        Assert.Equal(0, await Sweeper(store, store.Background(), handler).SweepAsync(everything: true, default));

        Assert.False(handler.Ran.Task.IsCompleted);
        Assert.Single(store.Entries);
    }

    [Fact]
    public async Task An_entry_rerun_too_often_is_given_up()
    {
        var store = new InMemoryAcknowledgedTurns();
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync(Encoding.UTF8.GetBytes(BotAdapterTimingTests.Message), VerifiedCaller.None, now, now.AddMinutes(-1), default);
        // Each take counts an attempt; the entry is given up on the take after the last allowed rerun.
        for (var i = 0; i < AcknowledgedTurnSweeper.MaxAttempts; i++) await store.TakeExpiredAsync(DateTimeOffset.UtcNow, now.AddMinutes(-1), null, 10, default);
        var handler = new RecordingHandler();

        await Sweeper(store, store.Background(), handler).SweepAsync(everything: true, default);

        Assert.False(handler.Ran.Task.IsCompleted);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public void The_caller_survives_the_round_trip_through_storage()
    {
        var caller = new VerifiedCaller("https://api.botframework.com", "app-id", "tenant-id");
        Assert.Equal(caller, VerifiedCaller.FromJson(caller.ToJson()));
        Assert.Equal(VerifiedCaller.None, VerifiedCaller.FromJson(null));
        Assert.DoesNotContain("null", VerifiedCaller.None.ToJson(), StringComparison.Ordinal);
    }
}
