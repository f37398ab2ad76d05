using CoachBot.Storage.Delivery;

namespace CoachBot.Delivery;

/// <summary>Jobs that fall due by time, found on each scheduler tick; each is enqueued once (see <see cref="DeliveryScheduler"/>).</summary>
internal interface IDueJobSource
{
    Task<IReadOnlyList<DeliveryJob>> DueAsync(string tenantId, DateTimeOffset now, CancellationToken ct);
}
