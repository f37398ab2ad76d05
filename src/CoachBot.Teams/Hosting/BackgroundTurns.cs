using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Turns that outlived their HTTP request (the channel gives up after ~15 s, so the adapter acknowledges long turns
/// early). They keep running on the app's lifetime; shutdown waits for them, and their failures are logged.
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

    public void Track(Task turn)
    {
        lock (_gate) _running.Add(turn);
        _ = turn.ContinueWith(t =>
        {
            lock (_gate) _running.Remove(t);
            if (t.Exception is { } ex) LogFailed(logger, ex.InnerException?.GetType().Name ?? ex.GetType().Name);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate) running = [.. _running];
        await Task.WhenAll(running).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn finishing in the background failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
