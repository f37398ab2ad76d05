using System.Text;
using CoachBot.Teams.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Teams.Tests.Hosting;

/// <summary>A graceful shutdown drains turns: they are cancelled only when the host's shutdown timeout runs out.</summary>
public class BackgroundTurnsShutdownTests
{
    /// <summary>Runs until released, or until its token is cancelled.</summary>
    private sealed class HeldHandler : IActivityHandler
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<bool> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
        {
            try
            {
                await Release.Task.WaitAsync(ct);
                Ended.SetResult(true);
            }
            catch (OperationCanceledException)
            {
                Ended.SetResult(false);
                throw;
            }
            return null;
        }
    }

    private static async Task<(BackgroundTurns Background, InMemoryAcknowledgedTurns Store, HeldHandler Handler)> AcknowledgedTurnAsync()
    {
        var store = new InMemoryAcknowledgedTurns();
        var background = store.Background();
        var options = Microsoft.Extensions.Options.Options.Create(new BotOptions { AcknowledgeAfter = TimeSpan.FromMilliseconds(20) });
        var adapter = new BotAdapter(new CoachBot.Teams.Auth.LocalModeAuthenticator(new CoachBot.Teams.Connector.ServiceUrlPolicy(true)), BotAdapterTimingTests.Connector(), options, background,
            new InboundUserRateLimiter(options), NullLogger<BotAdapter>.Instance);
        var handler = new HeldHandler();
        var context = new DefaultHttpContext
        {
            Request = { Method = "POST", ContentType = "application/json", Body = new MemoryStream(Encoding.UTF8.GetBytes(BotAdapterTimingTests.Message)) },
            Response = { Body = new MemoryStream() },
        };
        await adapter.ProcessAsync(context, handler);
        Assert.Equal(200, context.Response.StatusCode);
        return (background, store, handler);
    }

    [Fact]
    public async Task Stopping_waits_for_a_running_turn_without_cancelling_it()
    {
        var (background, store, handler) = await AcknowledgedTurnAsync();
        using var shutdownTimeout = new CancellationTokenSource();

        await background.StoppingAsync(shutdownTimeout.Token);
        var stop = background.StopAsync(shutdownTimeout.Token);

        Assert.False(background.Aborted.IsCancellationRequested);
        Assert.False(stop.IsCompleted);
        handler.Release.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await handler.Ended.Task);
        Assert.Empty(store.Entries);
    }

    [Fact]
    public async Task When_the_shutdown_timeout_runs_out_turns_are_cancelled_and_their_entries_kept_for_the_sweep()
    {
        var (background, store, handler) = await AcknowledgedTurnAsync();
        using var shutdownTimeout = new CancellationTokenSource();
        await background.StoppingAsync(shutdownTimeout.Token);
        var stop = background.StopAsync(shutdownTimeout.Token);

        await shutdownTimeout.CancelAsync();

        await stop.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(background.Aborted.IsCancellationRequested);
        Assert.False(await handler.Ended.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(store.Entries);
    }
}
