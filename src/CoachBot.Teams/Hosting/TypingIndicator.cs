using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Shows "typing…" only when a turn is slow: most turns answer in milliseconds, and a typing activity per turn would
/// double the Connector traffic that counts against Teams' rate limits.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private readonly CancellationTokenSource _done = new();
    private readonly Task _pending;

    private TypingIndicator(ITurnContext turn, TimeSpan after) => _pending = SendLaterAsync(turn, after, _done.Token);

    public static TypingIndicator Start(ITurnContext turn, TimeSpan after) => new(turn, after);

    private static async Task SendLaterAsync(ITurnContext turn, TimeSpan after, CancellationToken ct)
    {
        try
        {
            await Task.Delay(after, ct).ConfigureAwait(false);
            var typing = turn.Activity.CreateReply();
            typing.Type = ActivityTypes.Typing;
            await turn.SendActivityAsync(typing, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The turn finished first: no indicator needed.
        }
        catch (Connector.ConnectorException)
        {
            // A lost typing indicator is harmless; the reply itself is what matters.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _done.CancelAsync().ConfigureAwait(false);
        await _pending.ConfigureAwait(false);
        _done.Dispose();
    }
}
