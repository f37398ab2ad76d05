using System.Diagnostics;
using System.Text;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Teams.Tests;

public class BotAdapterTimingTests
{
    private const string Message = """{"type":"message","id":"1","serviceUrl":"http://127.0.0.1:9/","channelId":"msteams","from":{"id":"29:u"},"conversation":{"id":"a:c"},"text":"hi"}""";

    private sealed class SlowHandler(TimeSpan delay) : IActivityHandler
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

    private static (BotAdapter Adapter, BackgroundTurns Background) Adapter(TimeSpan acknowledgeAfter)
    {
        var connector = new ConnectorClient(new HttpClient(), new NoTokenProvider(), new ServiceUrlPolicy(true), new RetryPolicy(), new ConnectorRateLimiter(), NullLogger<ConnectorClient>.Instance);
        var background = new BackgroundTurns(NullLogger<BackgroundTurns>.Instance) { RetryDelays = [TimeSpan.FromMilliseconds(20)] };
        var options = Microsoft.Extensions.Options.Options.Create(new BotOptions { AcknowledgeAfter = acknowledgeAfter });
        return (new BotAdapter(new LocalModeAuthenticator(new ServiceUrlPolicy(true)), connector, options, background, new InboundUserRateLimiter(options), new TestLifetime(), NullLogger<BotAdapter>.Instance), background);
    }

    private static DefaultHttpContext Request() => new()
    {
        Request = { Method = "POST", ContentType = "application/json", Body = new MemoryStream(Encoding.UTF8.GetBytes(Message)) },
        Response = { Body = new MemoryStream() },
    };

    [Fact]
    public async Task A_slow_turn_is_acknowledged_early_and_finishes_in_the_background()
    {
        var (adapter, background) = Adapter(TimeSpan.FromMilliseconds(200));
        var handler = new SlowHandler(TimeSpan.FromSeconds(2));
        var context = Request();
        var clock = Stopwatch.StartNew();

        await adapter.ProcessAsync(context, handler);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"the request was held {clock.Elapsed}");
        Assert.False(handler.Finished.Task.IsCompleted);
        Assert.Equal(1, background.Count);
        await handler.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await background.StopAsync(default);
        Assert.Equal(0, background.Count);
    }

    [Fact]
    public async Task A_background_turn_that_fails_after_the_acknowledgement_is_run_again()
    {
        var (adapter, background) = Adapter(TimeSpan.FromMilliseconds(100));
        var handler = new FlakyHandler();
        var context = Request();

        await adapter.ProcessAsync(context, handler);
        handler.Release.SetResult();

        Assert.Equal(200, context.Response.StatusCode);
        await handler.Succeeded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, handler.Runs);
    }

    [Fact]
    public async Task A_fast_turn_completes_within_the_request()
    {
        var (adapter, background) = Adapter(TimeSpan.FromSeconds(5));
        var handler = new SlowHandler(TimeSpan.FromMilliseconds(10));

        await adapter.ProcessAsync(Request(), handler);

        Assert.True(handler.Finished.Task.IsCompleted);
        Assert.Equal(0, background.Count);
    }
}
