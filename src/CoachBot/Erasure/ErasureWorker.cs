using Microsoft.Extensions.Options;

namespace CoachBot.Erasure;

/// <summary>
/// Finishes "forget me" jobs that could not finish in their turn (storage errors, a crash, a deploy): at start and every
/// <see cref="ErasureOptions.SweepInterval"/>, on every instance. Safe to run on several at once: a job is taken with an
/// ETag-conditional lease, and the erasers are idempotent.
/// </summary>
internal sealed partial class ErasureWorker(RepErasure erasure, IOptionsMonitor<ErasureOptions> options, TimeProvider time, ILogger<ErasureWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var finished = await erasure.SweepAsync(stoppingToken).ConfigureAwait(false);
                if (finished > 0) LogFinished(logger, finished);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage or the Connector is down: the jobs stay recorded; the next sweep tries again.
                LogFailed(logger, ex.GetType().Name);
            }
            await Task.Delay(options.CurrentValue.SweepInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erase sweep finished {Count} job(s)")]
    private static partial void LogFinished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erase sweep failed ({Error}); retrying at the next sweep")]
    private static partial void LogFailed(ILogger logger, string error);
}
