using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Turns that outlived their HTTP request (the channel gives up after ~15 s, so the adapter acknowledges long turns
/// early). They keep running on the app's lifetime and shutdown waits for them. Once acknowledged, the channel will not
/// redeliver, so a failed turn is run again here a few times (handlers are idempotent per activity id: a rerun finds
/// the stored turn and only resends a reply that never went out). A crash of the process in that window is not covered.
/// </summary>
public sealed partial class BackgroundTurns(ILogger<BackgroundTurns> logger) : IHostedService
{
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate) return _running.Count;
        }
    }

    /// <summary>Delays before each rerun of a failed background turn.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>Keeps <paramref name="turn"/> (already running) and reruns it through <paramref name="rerun"/> if it fails.</summary>
    public void Track(Task turn, Func<Task> rerun, CancellationToken stopping)
    {
        var tracked = RunWithRetriesAsync(turn, rerun, stopping);
        lock (_gate) _running.Add(tracked);
        _ = tracked.ContinueWith(t =>
        {
            lock (_gate) _running.Remove(t);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunWithRetriesAsync(Task first, Func<Task> rerun, CancellationToken stopping)
    {
        var attempt = first;
        for (var i = 0; ; i++)
        {
            try
            {
                await attempt.ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (i < RetryDelays.Count && !stopping.IsCancellationRequested)
            {
                LogRetrying(logger, ex.GetType().Name, i + 1);
                await Task.Delay(RetryDelays[i], stopping).ConfigureAwait(false);
                attempt = rerun();
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex.GetType().Name);
                return;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate) running = [.. _running];
        await Task.WhenAll(running).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn finishing in the background failed ({Error}); rerun {Attempt}")]
    private static partial void LogRetrying(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn finishing in the background failed for good: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
