using Azure.Storage.Queues.Models;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace CoachBot.Delivery;

/// <summary>
/// Runs on every instance: receives jobs (hidden from other workers for the visibility timeout), delivers them a few at a
/// time, deletes what is done, delays what failed and moves jobs that failed <see cref="NudgeOptions.MaxDequeueCount"/>
/// times to the poison queue. One manager's failure never holds up the others: each job succeeds or fails alone.
/// </summary>
internal sealed class DeliveryWorker(DeliveryQueue queue, DeliveryProcessor delivery, IOptions<NudgeOptions> options, ILogger<DeliveryWorker> logger) : BackgroundService
{
    /// <summary>
    /// Keeps up to <see cref="NudgeOptions.WorkerConcurrency"/> jobs running and receives more as they finish, without
    /// waiting for a whole batch: with a batch as a barrier, each batch's slowest job (and the receive after it) left the
    /// tenant's Teams budget idle, about a third of it under load. A receive waits until half the slots are free (at most
    /// <see cref="NudgeOptions.BatchSize"/>), so the queue is not asked for one message at a time. On shutdown the running
    /// jobs hand their messages back (<see cref="HandleAsync"/>) and are awaited.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.WorkerEnabled) return;
        await Task.Yield();
        var concurrency = Math.Max(1, o.WorkerConcurrency);
        var batch = Math.Clamp(Math.Min(o.BatchSize, (concurrency + 1) / 2), 1, 32);
        using var slots = new SemaphoreSlim(concurrency);
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var taken = 0;
                try
                {
                    for (; taken < batch; taken++) await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                    // Free slots beyond the batch's half are used too (up to the batch size), never waited for.
                    while (taken < Math.Min(o.BatchSize, 32) && slots.Wait(0, stoppingToken)) taken++;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                IReadOnlyList<QueueMessage> messages;
                try
                {
                    messages = await queue.ReceiveAsync(taken, o.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
                {
                    slots.Release(taken);
                    DeliveryLog.ReceiveFailed(logger, ex);
                    await Delay(o.IdleDelay, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                if (messages.Count < taken) slots.Release(taken - messages.Count);
                running.RemoveAll(t => t.IsCompleted);
                foreach (var message in messages) running.Add(RunAsync(message));
                if (messages.Count == 0) await Delay(o.IdleDelay, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Jobs still running hand their messages back on cancellation (HandleAsync); wait for them before stopping.
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        async Task RunAsync(QueueMessage message)
        {
            try
            {
                await HandleAsync(message, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }
    }

    /// <summary>Processes one message to completion; never throws (a failure is a retry later).</summary>
    internal async Task HandleAsync(QueueMessage message, CancellationToken ct)
    {
        var o = options.Value;
        var job = DeliveryQueue.Parse(message);
        try
        {
            if (job is null || message.DequeueCount > o.MaxDequeueCount)
            {
                DeliveryLog.Poisoned(logger, message.MessageId, message.DequeueCount);
                await queue.PoisonAsync(message, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            var (outcome, retryAfter) = await delivery.ProcessWithDelayAsync(job, ct).ConfigureAwait(false);
            if (outcome == JobOutcome.Done) await queue.DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
            else
            {
                // Waiting on another worker's claim: come back when its lease ends, so the retry can take it over.
                var delay = o.RetryDelay * message.DequeueCount;
                if (retryAfter is { } wait && wait > delay) delay = wait;
                await queue.RetryLaterAsync(message, delay, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the job back at once instead of waiting out the visibility timeout.
            await TryAsync(() => queue.RetryLaterAsync(message, TimeSpan.Zero, CancellationToken.None)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One job's failure (storage blip, Graph bug) must not stop the worker or the other jobs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DeliveryLog.JobFailed(logger, ex, job?.Kind ?? "?", job?.Day ?? default, message.DequeueCount);
            await TryAsync(() => queue.RetryLaterAsync(message, o.RetryDelay * message.DequeueCount, CancellationToken.None)).ConfigureAwait(false);
        }
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException)
        {
            // The message reappears after its visibility timeout anyway.
        }
    }

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
