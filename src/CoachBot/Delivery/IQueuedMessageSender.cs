using CoachBot.Storage.Delivery;

namespace CoachBot.Delivery;

/// <summary>
/// Another once-only proactive message carried by the delivery queue (e.g. field-day prep and debrief cards). The job's
/// <see cref="DeliveryJob.PlanId"/> names its subject; <see cref="DeliveryProcessor"/> claims, calls <see cref="SendAsync"/>
/// once and records the outcome, exactly as for a follow-up.
/// </summary>
internal interface IQueuedMessageSender
{
    bool Handles(string kind);

    Task<ProactiveResult> SendAsync(DeliveryJob job, CancellationToken ct);
}
