using CoachBot.Coaching;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.Options;

namespace CoachBot.Erasure;

/// <summary>
/// Once a day, deletes the turns (a rep's words and the bot's answers) older than Coaching:RetentionDays, the team
/// signals and nudge/delivery records of days before then (never fewer than the nudge's look-back), and clears the situation and goal text of
/// conversation states idle for as long. Plans stay until the rep erases them ("forget me").
/// </summary>
internal sealed partial class RetentionWorker(
    CoachingStore store, TeamSignalStore signals, CoachBot.Storage.Delivery.SendLedger sends, Azure.Data.Tables.TableServiceClient tables,
    IOptionsMonitor<CoachingOptions> options, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
    /// <summary>The nudge reads signals up to 7 days back (NudgeBuilder): keep at least that many whole days.</summary>
    internal const int MinSignalDays = 8;

    private readonly StateTextRetention _stateText = new(tables);

    private static readonly TimeSpan Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start a little after boot, so a fleet restart does not scan at once.
        await Task.Delay(TimeSpan.FromMinutes(5), time, stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var days = Math.Max(1, options.CurrentValue.RetentionDays);
        try
        {
            var now = time.GetUtcNow();
            var deleted = await store.DeleteTurnsBeforeAsync(now.AddDays(-days), ct).ConfigureAwait(false);
            var signalsDeleted = await signals.DeleteBeforeAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-Math.Max(days, MinSignalDays)), ct).ConfigureAwait(false);
            // Nudge and delivery records (card snapshots name reps) go with the signals: nothing reads them after a week.
            var sendsDeleted = await sends.DeleteBeforeAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-Math.Max(days, MinSignalDays)), ct).ConfigureAwait(false);
            var statesCleared = await _stateText.ClearBeforeAsync(now.AddDays(-days), ct).ConfigureAwait(false);
            LogDeleted(logger, deleted, signalsDeleted, sendsDeleted, statesCleared, days);
            return deleted;
        }
        catch (Azure.RequestFailedException ex)
        {
            // Storage down: try again at the next run; nothing is lost by waiting.
            LogFailed(logger, ex.Status);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} turns, {Signals} signals and {Sends} nudge records, cleared the text of {States} idle states, older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int signals, int sends, int states, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed with storage status {Status}; will retry next run")]
    private static partial void LogFailed(ILogger logger, int status);
}
