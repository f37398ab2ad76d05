using CoachBot.Storage.Fleet;
using CoachBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace CoachBot.Fleet;

/// <summary>
/// This process's row in the <c>fleet</c> table: written when the reply watermark moved (every
/// <see cref="FleetOptions.PublishInterval"/> at most) and at every heartbeat; at each heartbeat it also counts the live
/// instances and gives the Connector budget its share. On a graceful stop it waits for the sends in flight, then writes a
/// last watermark and its stop. Storage down: the watermark and renewal wait (redeliveries then resend rather than
/// drop), and after three missed heartbeats the budget assumes <see cref="FleetOptions.FallbackInstances"/> if that is more.
/// </summary>
internal sealed partial class FleetMembership(
    FleetTable table,
    ReplySends sends,
    ConnectorBudget budget,
    IOptions<FleetOptions> options,
    TimeProvider time,
    ILogger<FleetMembership> logger) : BackgroundService
{
    private static readonly TimeSpan MemberRetention = TimeSpan.FromDays(7);
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private long _publishedSettled = -1;
    private DateTimeOffset _lastCount = time.GetUtcNow();
    private int _lastKnown = 1;
    private int _beats;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var nextBeat = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var beat = now >= nextBeat;
            try
            {
                if (beat || sends.Settled != _publishedSettled) await PublishAsync(null, stoppingToken).ConfigureAwait(false);
                if (beat)
                {
                    nextBeat = now + o.HeartbeatInterval;
                    await CountAsync(now, o, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (beat) nextBeat = now + o.HeartbeatInterval;
                LogFailed(logger, ex.GetType().Name);
            }
            if (time.GetUtcNow() - _lastCount > o.HeartbeatInterval * FleetOptions.LiveForHeartbeats)
                budget.Instances = Math.Max(_lastKnown, o.FallbackInstances);
            await Task.Delay(o.PublishInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // Turns drain before the host stops (BackgroundTurns); wait for their sends so the last watermark covers them.
        while (sends.Count > 0 && !cancellationToken.IsCancellationRequested)
            await Task.Delay(options.Value.PublishInterval, time, CancellationToken.None).ConfigureAwait(false);
        try
        {
            await PublishAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.GetType().Name);
        }
    }

    private async Task PublishAsync(DateTimeOffset? stoppedAt, CancellationToken ct)
    {
        // Read the count before the watermark: a send settling in between is published again next time.
        var settled = sends.Settled;
        var (watermark, sentAfter) = sends.Snapshot();
        await table.PublishAsync(new FleetMember(sends.Id, _startedAt, time.GetUtcNow(), watermark, stoppedAt) { SentAfter = sentAfter }, ct).ConfigureAwait(false);
        _publishedSettled = settled;
    }

    private async Task CountAsync(DateTimeOffset now, FleetOptions o, CancellationToken ct)
    {
        var liveFor = o.HeartbeatInterval * FleetOptions.LiveForHeartbeats;
        var live = (await table.ListRenewedSinceAsync(now - liveFor, ct).ConfigureAwait(false)).Count(m => m.IsLive(now, liveFor) || m.Id == sends.Id);
        _lastKnown = Math.Max(1, live);
        _lastCount = time.GetUtcNow();
        if (budget.Instances != _lastKnown) LogShare(logger, _lastKnown);
        budget.Instances = _lastKnown;
        // Rows of processes gone for a week: once an hour or so (every 1,800 heartbeats at the default 2 s).
        if (_beats++ % 1800 == 0) await table.DeleteRenewedBeforeAsync(now - MemberRetention, ct).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The fleet table could not be written or read ({Error}); retrying")]
    private static partial void LogFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live instances: {Count}; each takes an equal share of every tenant's Teams budget")]
    private static partial void LogShare(ILogger logger, int count);
}
