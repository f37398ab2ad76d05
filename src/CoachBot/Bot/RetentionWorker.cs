using CoachBot.Storage;
using Microsoft.Extensions.Options;

namespace CoachBot.Bot;

/// <summary>
/// Once a day, deletes the turns (a rep's words and the bot's answers) older than Coaching:RetentionDays. Plans stay
/// until the rep erases them ("forget me"); topic signals carry no rep text.
/// </summary>
internal sealed partial class RetentionWorker(CoachingStore store, IOptionsMonitor<CoachingOptions> options, TimeProvider time, ILogger<RetentionWorker> logger) : BackgroundService
{
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
            var deleted = await store.DeleteTurnsBeforeAsync(time.GetUtcNow().AddDays(-days), ct).ConfigureAwait(false);
            LogDeleted(logger, deleted, days);
            return deleted;
        }
        catch (Azure.RequestFailedException ex)
        {
            // Storage down: try again at the next run; nothing is lost by waiting.
            LogFailed(logger, ex.Status);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} turns older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention run failed with storage status {Status}; will retry next run")]
    private static partial void LogFailed(ILogger logger, int status);
}
