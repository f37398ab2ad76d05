using System.Diagnostics;
using System.Text;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using CoachBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Teams.Tests.Hosting;

public class BotAdapterTimingTests
{
    internal static readonly string Message = TeamsActivities.Message("http://127.0.0.1:9/", "a:c", "hi", id: "1").ToJsonString();

    internal sealed class SlowHandler(TimeSpan delay) : IActivityHandler
    {
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
        {
            await Task.Delay(delay, ct);
            Finished.SetResult();
            return null;
        }
    }

    /// <summary>Fails its first run once released (after the request was acknowledged); succeeds when run again.</summary>
    private sealed class FlakyHandler : IActivityHandler
    {
        private int _runs;
        public int Runs => _runs;
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Succeeded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
        {
            if (Interlocked.Increment(ref _runs) == 1)
            {
                await Release.Task.WaitAsync(ct);
                throw new ConnectorException(System.Net.HttpStatusCode.ServiceUnavailable, null, "down");
            }
            Succeeded.SetResult();
            return null;
        }
    }

    internal static ConnectorClient Connector() =>
        new(new HttpClient(), new NoTokenProvider(), new ServiceUrlPolicy(true), new RetryPolicy(), new ConnectorRateLimiter(), NullLogger<ConnectorClient>.Instance);

    private static BotAdapter Adapter(BackgroundTurns background, TimeSpan acknowledgeAfter)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new BotOptions { AcknowledgeAfter = acknowledgeAfter });
        return new BotAdapter(new LocalModeAuthenticator(new ServiceUrlPolicy(true)), Connector(), options, background, new InboundUserRateLimiter(options), NullLogger<BotAdapter>.Instance);
    }

    private static DefaultHttpContext Request() => new()
    {
        Request = { Method = "POST", ContentType = "application/json", Body = new MemoryStream(Encoding.UTF8.GetBytes(Message)) },
        Response = { Body = new MemoryStream() },
    };

    [Fact]
    public async Task A_slow_turn_is_recorded_then_acknowledged_early_and_its_entry_removed_when_it_finishes()
    {
        var store = new InMemoryAcknowledgedTurns();
        var background = store.Background();
        var handler = new SlowHandler(TimeSpan.FromSeconds(5));
        var context = Request();
        var clock = Stopwatch.StartNew();

        await Adapter(background, TimeSpan.FromMilliseconds(200)).ProcessAsync(context, handler);

        Assert.Equal(200, context.Response.StatusCode);
        // The handler takes 5 s; an answer well before that (200 ms acknowledge, generous slack for a loaded CI box) is the early ack.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"the request was held {clock.Elapsed}");
        Assert.False(handler.Finished.Task.IsCompleted);
        Assert.Equal(1, background.Count);
        var entry = Assert.Single(store.Entries);
        Assert.Equal(Message, Encoding.UTF8.GetString(entry.Activity.Span));
        await handler.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await background.StopAsync(default);
        Assert.Equal(0, background.Count);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task A_slow_turn_that_cannot_be_recorded_is_not_acknowledged_but_still_finishes()
    {
        var store = new InMemoryAcknowledgedTurns { FailAdds = new IOException("storage down") };
        var background = store.Background();
        var handler = new SlowHandler(TimeSpan.FromMilliseconds(500));
        var context = Request();

        await Adapter(background, TimeSpan.FromMilliseconds(50)).ProcessAsync(context, handler);

        // Not 200: the channel redelivers; the turn itself still runs to the end (and is waited for at shutdown).
        Assert.Equal(503, context.Response.StatusCode);
        await handler.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await background.StopAsync(default);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task A_background_turn_that_fails_after_the_acknowledgement_is_run_again()
    {
        var store = new InMemoryAcknowledgedTurns();
        var handler = new FlakyHandler();
        var context = Request();
        var background = store.Background();

        await Adapter(background, TimeSpan.FromMilliseconds(100)).ProcessAsync(context, handler);
        handler.Release.SetResult();

        Assert.Equal(200, context.Response.StatusCode);
        await handler.Succeeded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await background.StopAsync(default);
        Assert.Equal(2, handler.Runs);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task A_fast_turn_completes_within_the_request_and_records_nothing()
    {
        var store = new InMemoryAcknowledgedTurns();
        var background = store.Background();
        var handler = new SlowHandler(TimeSpan.FromMilliseconds(10));

        await Adapter(background, TimeSpan.FromSeconds(5)).ProcessAsync(Request(), handler);

        Assert.True(handler.Finished.Task.IsCompleted);
        Assert.Equal(0, background.Count);
        Assert.Empty(store.Entries);
    }
}
