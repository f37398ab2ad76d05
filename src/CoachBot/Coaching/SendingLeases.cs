using CoachBot.Fleet;
using CoachBot.Storage;
using CoachBot.Storage.Turns;

namespace CoachBot.Coaching;

/// <summary>
/// Gives a sending lease back after a send that did not happen, and only then lets the reply watermark pass it
/// (<see cref="ReplySends.Settle"/>): a turn this process held must never look answered while its reply has not gone
/// out. While storage refuses the release, the watermark waits (redeliveries resend rather than drop); the release is
/// retried in the background until it lands or the row has moved on.
/// </summary>
internal sealed partial class SendingLeases(CoachingStore store, ReplySends sends, TimeProvider time, ILogger<SendingLeases> logger)
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)];

    /// <summary>The send failed with the turn as held (its ETag known): release now, or keep trying in the background.</summary>
    public async Task GiveBackAsync(TurnRecord held)
    {
        if (await TryReleaseAsync(held).ConfigureAwait(false)) sends.Settle(ReplySends.KeyOf(held));
        else _ = RetryAsync(() => TryReleaseAsync(held), ReplySends.KeyOf(held));
    }

    /// <summary>
    /// A write that would have stored the lease failed without an answer, so whether it landed is unknown: read the row,
    /// and release it if it carries this process's lease; in the background, until storage answers.
    /// </summary>
    public void GiveBackUnseen(TurnRecord intended) => _ = RetryAsync(() => TryReleaseUnseenAsync(intended), ReplySends.KeyOf(intended), first: TimeSpan.Zero);

    private async Task<bool> TryReleaseUnseenAsync(TurnRecord intended)
    {
        try
        {
            var row = await store.GetTurnAsync(intended.TenantId, intended.UserKey, intended.ConversationId, intended.ActivityId, CancellationToken.None).ConfigureAwait(false);
            if (row is null || row.SendingBy != intended.SendingBy || row.SendingSince != intended.SendingSince || row.IsReleased) return true;
            return await TryReleaseAsync(row).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            LogReleaseFailed(logger, (ex as Azure.RequestFailedException)?.Status ?? 0);
            return false;
        }
    }

    private async Task<bool> TryReleaseAsync(TurnRecord held)
    {
        try
        {
            await store.ReleaseSendingLeaseAsync(held, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException or OperationCanceledException)
        {
            LogReleaseFailed(logger, (ex as Azure.RequestFailedException)?.Status ?? 0);
            return false;
        }
    }

    private async Task RetryAsync(Func<Task<bool>> attempt, string key, TimeSpan? first = null)
    {
        for (var i = 0; ; i++)
        {
            var delay = i == 0 && first is { } f ? f : RetryDelays[Math.Min(i, RetryDelays.Length - 1)];
            if (delay > TimeSpan.Zero) await Task.Delay(delay, time).ConfigureAwait(false);
            if (await attempt().ConfigureAwait(false))
            {
                sends.Settle(key);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sending lease could not be given back (storage status {Status}); retrying, and the reply watermark waits")]
    private static partial void LogReleaseFailed(ILogger logger, int status);
}
