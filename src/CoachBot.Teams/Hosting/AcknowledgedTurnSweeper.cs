using System.Text.Json;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Reruns acknowledged turns that no instance finished (a crash, a deploy that outlasted the shutdown timeout, a turn
/// that kept failing): at start and every <see cref="BotOptions.SweepInterval"/>, on every instance. An entry is rerun
/// only once its holder's lease ran out, and is taken with a conditional update, so concurrent sweepers never run it
/// twice at once. The handler is idempotent per activity id: a turn stored but never answered gets its stored reply
/// once (the turn's own sending lease decides who sends), and a turn never stored is processed.
/// </summary>
public sealed partial class AcknowledgedTurnSweeper(
    IAcknowledgedTurnStore store,
    BackgroundTurns turns,
    IActivityHandler handler,
    ConnectorClient connector,
    IOptions<BotOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<AcknowledgedTurnSweeper> logger) : BackgroundService
{
    /// <summary>
    /// Periodic sweeps read only entries acknowledged within this window (a few hourly partitions); every
    /// <see cref="FullSweepEvery"/> sweeps, and at start, every entry is read (the table holds only unfinished turns).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    private const int FullSweepEvery = 60;

    /// <summary>Sweep reruns of one entry before it is given up (logged as an error and removed).</summary>
    public const int MaxAttempts = 5;

    private const int MaxPerSweep = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // No new reruns once a shutdown begins; the ones running are drained by BackgroundTurns.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        for (var sweep = 0; !stopping.IsCancellationRequested;)
        {
            try
            {
                await SweepAsync(everything: sweep % FullSweepEvery == 0, stopping.Token).ConfigureAwait(false);
                sweep++;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage down: try again next time (a failed full sweep stays due).
                LogSweepFailed(logger, ex.GetType().Name);
            }
            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One sweep: takes the entries whose lease ran out and reruns them in the background; returns how many it took.</summary>
    public async Task<int> SweepAsync(bool everything, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var taken = await store.TakeExpiredAsync(now, now + options.Value.AcknowledgedTurnLease, everything ? null : now - Window, MaxPerSweep, ct).ConfigureAwait(false);
        foreach (var entry in taken)
        {
            var activity = Parse(entry.Activity);
            if (activity is null || entry.Attempts > MaxAttempts)
            {
                LogGaveUp(logger, entry.Attempts - 1, activity is null);
                await store.RemoveAsync(entry, ct).ConfigureAwait(false);
                continue;
            }
            LogRerun(logger, entry.Attempts);
            turns.Resume(entry, () => handler.OnTurnAsync(new TurnContext(activity, connector) { Caller = entry.Caller }, turns.Aborted));
        }
        return taken.Count;
    }

    private static Activity? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, BotJson.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rerunning an acknowledged turn left unfinished (sweep attempt {Attempt})")]
    private static partial void LogRerun(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up an acknowledged turn after {Attempts} sweep reruns (unreadable: {Unreadable})")]
    private static partial void LogGaveUp(ILogger logger, int attempts, bool unreadable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping acknowledged turns failed ({Error}); retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
