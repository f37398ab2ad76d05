using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// The delivery queue (<c>nudges</c> by default) and its poison queue (<c>{name}-poison</c>). Messages are JSON
/// <see cref="DeliveryJob"/>s; a receiver holds a message for the visibility timeout and deletes it when done, so a worker
/// that dies mid-job leaves the message to reappear for another worker.
/// </summary>
#pragma warning disable CA1711 // It is an Azure Storage queue: "Queue" is what the type is, not a collection suffix.
public sealed class DeliveryQueue
#pragma warning restore CA1711
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private Task? _creating;

    public DeliveryQueue(QueueServiceClient service, string name)
    {
        ArgumentNullException.ThrowIfNull(service);
        _queue = service.GetQueueClient(name);
        _poison = service.GetQueueClient(name + "-poison");
    }

    public string Name => _queue.Name;

    public string PoisonName => _poison.Name;

    public async Task EnqueueAsync(DeliveryJob job, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        await _queue.SendMessageAsync(JsonSerializer.Serialize(job, DeliveryJson.Default.DeliveryJob), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var response = await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, ct).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>The job in a message, or null when it is not a valid job (it then belongs in the poison queue).</summary>
    public static DeliveryJob? Parse(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var job = JsonSerializer.Deserialize(message.MessageText, DeliveryJson.Default.DeliveryJob);
            return job is { Kind.Length: > 0, TenantId.Length: > 0, UserKey.Length: > 0 } ? job : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Done: remove it. A stale pop receipt (the message reappeared and another worker holds it) is not an error.</summary>
    public async Task DeleteAsync(QueueMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // Already deleted, or the receipt went stale; the other holder will see the send record and stop.
        }
    }

    /// <summary>Try again later: make the message visible again after <paramref name="delay"/>.</summary>
    public async Task RetryLaterAsync(QueueMessage message, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
        }
    }

    /// <summary>Moves a message that failed too often (or is unreadable) to the poison queue.</summary>
    public async Task PoisonAsync(QueueMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureAsync(ct).ConfigureAwait(false);
        await _poison.SendMessageAsync(message.MessageText, ct).ConfigureAwait(false);
        await DeleteAsync(message, ct).ConfigureAwait(false);
    }

    public async Task<int> ApproximateCountAsync(bool poison, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var props = await (poison ? _poison : _queue).GetPropertiesAsync(ct).ConfigureAwait(false);
        return props.Value.ApproximateMessagesCount;
    }

    public async Task<IReadOnlyList<string>> PeekPoisonAsync(CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var peeked = await _poison.PeekMessagesAsync(32, ct).ConfigureAwait(false);
        return [.. peeked.Value.Select(m => m.MessageText)];
    }

    private async Task EnsureAsync(CancellationToken ct)
    {
        var creating = _creating;
        if (creating is { IsCompletedSuccessfully: true }) return;
        if (creating is null || creating.IsFaulted || creating.IsCanceled)
        {
            var fresh = Task.WhenAll(_queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None), _poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
            creating = Interlocked.CompareExchange(ref _creating, fresh, creating) == creating ? fresh : _creating!;
        }
        await creating.WaitAsync(ct).ConfigureAwait(false);
    }
}
