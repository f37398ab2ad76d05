using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using CoachBot.Teams.Auth;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Turns that outlived their HTTP request (acknowledged early) or were taken from the acknowledged-turn table by a
/// sweep, and the token every turn runs on. A graceful shutdown (SIGTERM) lets turns finish: <see cref="Aborted"/> is
/// cancelled only when the host's shutdown timeout runs out, and <see cref="StopAsync"/> waits for them within it.
/// An early acknowledgement is made durable first (<see cref="IAcknowledgedTurnStore"/>), and its entry is removed once
/// the turn finished. A failed turn is run again here a few times (handlers are idempotent per activity id: a rerun
/// finds the stored turn and only sends a reply that never went out); whatever is still unfinished (failed, cut off
/// by the shutdown timeout, lost with the process) keeps its entry and is rerun by <see cref="AcknowledgedTurnSweeper"/>.
/// </summary>
public sealed partial class BackgroundTurns(IAcknowledgedTurnStore acknowledged, IOptions<BotOptions> options, TimeProvider time, ILogger<BackgroundTurns> logger)
    : IHostedLifecycleService, IDisposable
{
    /// <summary>The longest the adapter waits to persist an acknowledgement: Bot:AcknowledgeAfter plus this stays inside the channel's ~15 s.</summary>
    public static readonly TimeSpan PersistTimeout = TimeSpan.FromSeconds(5);

    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _abort = new();
    private CancellationTokenRegistration _shutdownTimeout;

    public int Count
    {
        get
        {
            lock (_gate) return _running.Count;
        }
    }

    /// <summary>The token turns run on: cancelled only when a graceful shutdown runs out of time, not when it starts.</summary>
    public CancellationToken Aborted => _abort.Token;

    /// <summary>Delays before each in-process rerun of a failed background turn; after them the sweep takes over.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    /// <summary>
    /// Makes the early acknowledgement of <paramref name="turn"/> (already running) durable, then keeps the turn and
    /// reruns it through <paramref name="rerun"/> if it fails. False when the activity could not be persisted: the
    /// request must not be acknowledged (the channel redelivers it); the turn is still waited for at shutdown.
    /// </summary>
    public async Task<bool> AcknowledgeAsync(Task turn, Func<Task> rerun, ReadOnlyMemory<byte> activity, VerifiedCaller caller, CancellationToken ct)
    {
        AcknowledgedTurn entry;
        try
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bounded.CancelAfter(PersistTimeout);
            var now = time.GetUtcNow();
            entry = await acknowledged.AddAsync(activity, caller, now, now + options.Value.AcknowledgedTurnLease, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogNotPersisted(logger, ex.GetType().Name);
            Keep(RunAsync(turn, rerun: null, entry: null));
            return false;
        }
        Keep(RunAsync(turn, rerun, entry));
        return true;
    }

    /// <summary>Runs an entry a sweep took; its entry is removed once the turn finished.</summary>
    public void Resume(AcknowledgedTurn entry, Func<Task> run) => Keep(RunAsync(Start(run), run, entry));

    private void Keep(Task tracked)
    {
        lock (_gate) _running.Add(tracked);
        _ = tracked.ContinueWith(t =>
        {
            lock (_gate) _running.Remove(t);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(Task first, Func<Task>? rerun, AcknowledgedTurn? entry)
    {
        var attempt = first;
        for (var i = 0; ; i++)
        {
            try
            {
                await attempt.ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (rerun is not null && i < RetryDelays.Count && !Aborted.IsCancellationRequested)
            {
                LogRetrying(logger, ex.GetType().Name, i + 1);
                try
                {
                    await Task.Delay(RetryDelays[i], time, Aborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    LogLeftForSweep(logger, "ShutdownTimeout");
                    return;
                }
                attempt = Start(rerun);
            }
            catch (Exception ex)
            {
                if (entry is null) LogFailed(logger, ex.GetType().Name);
                else LogLeftForSweep(logger, ex.GetType().Name);
                return;
            }
        }
        if (entry is null) return;
        try
        {
            // Not the abort token: the turn is done, and a leftover entry would only make a sweep rerun it for nothing.
            await acknowledged.RemoveAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogRemoveFailed(logger, ex.GetType().Name);
        }
    }

    private static Task Start(Func<Task> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The host's stop begins (before any service stops) with a token that is cancelled when its ShutdownTimeout runs
    /// out: that, not SIGTERM, is when running turns are cancelled.
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _shutdownTimeout = cancellationToken.Register(_abort.Cancel);
        return Task.CompletedTask;
    }

    /// <summary>Waits for every running turn (including any acknowledged while the server drained), within the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var timeout = cancellationToken.Register(_abort.Cancel);
        while (!cancellationToken.IsCancellationRequested)
        {
            Task[] running;
            lock (_gate) running = [.. _running.Where(t => !t.IsCompleted)];
            if (running.Length == 0) return;
            LogDraining(logger, running.Length);
            await Task.WhenAll(running).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _shutdownTimeout.Dispose();
        _abort.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn finishing in the background failed ({Error}); rerun {Attempt}")]
    private static partial void LogRetrying(ILogger logger, string error, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn that was not acknowledged failed in the background ({Error}); the channel redelivers it")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An acknowledged turn did not finish here ({Reason}); its entry is left for the sweep")]
    private static partial void LogLeftForSweep(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A slow turn could not be persisted ({Error}), so it is not acknowledged; the channel redelivers it")]
    private static partial void LogNotPersisted(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A finished turn's acknowledged entry could not be removed ({Error}); a sweep will find it answered")]
    private static partial void LogRemoveFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {Count} running turns")]
    private static partial void LogDraining(ILogger logger, int count);
}
