using CoachBot.Proactive;
using CoachBot.Storage.Nudges;

namespace CoachBot.Nudges;

/// <summary>
/// Another once-only proactive message carried by the nudge queue (e.g. field-day prep and debrief cards). The job's
/// <see cref="NudgeJob.PlanId"/> names its subject; <see cref="NudgeDelivery"/> claims, calls <see cref="SendAsync"/>
/// once and records the outcome, exactly as for a follow-up.
/// </summary>
internal interface IQueuedMessageSender
{
    bool Handles(string kind);

    Task<ProactiveResult> SendAsync(NudgeJob job, CancellationToken ct);
}
