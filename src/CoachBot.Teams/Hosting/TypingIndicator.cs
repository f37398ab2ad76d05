using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Shows "typing…" only when a turn is slow: most turns answer in milliseconds, and a typing activity per turn would
/// double the Connector traffic that counts against Teams' rate limits. Teams shows one indicator for a few seconds, so
/// a slow turn repeats it about every 3 s until the reply goes out. Never in a channel, where Teams does not show it.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    /// <summary>How often a slow turn renews the indicator.</summary>
    public static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _done = new();
    private readonly Task _pending;

    private TypingIndicator(ITurnContext turn, TimeSpan after, TimeSpan repeatEvery) =>
        _pending = turn.Activity.Conversation?.ConversationType == "channel" ? Task.CompletedTask : SendWhileSlowAsync(turn, after, repeatEvery, _done.Token);

    /// <summary>Sends the first indicator after <paramref name="after"/>, then one every <paramref name="repeatEvery"/>, until disposed.</summary>
    public static TypingIndicator Start(ITurnContext turn, TimeSpan after, TimeSpan repeatEvery) => new(turn, after, repeatEvery);

    private static async Task SendWhileSlowAsync(ITurnContext turn, TimeSpan after, TimeSpan repeatEvery, CancellationToken ct)
    {
        // Waits end without throwing when the turn finishes: almost every turn ends inside the first wait, and an
        // exception per turn costs more than the rest of this class.
        await Task.Delay(after, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (!ct.IsCancellationRequested)
        {
            var typing = turn.Activity.CreateReply();
            typing.Type = ActivityTypes.Typing;
            try
            {
                await turn.SendActivityAsync(typing, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return; // The turn finished: no more indicators.
            }
            catch (Exception e) when (e is Connector.ConnectorException or HttpRequestException or OperationCanceledException)
            {
                // A lost typing indicator is harmless; the reply itself is what matters. Try again at the next beat.
            }

            await Task.Delay(repeatEvery, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync().ConfigureAwait(false);
        await _pending.ConfigureAwait(false);
        _done.Dispose();
    }
}
