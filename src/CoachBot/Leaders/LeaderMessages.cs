using CoachBot.Delivery;
using CoachBot.Storage.Delivery;

namespace CoachBot.Leaders;

/// <summary>Sends a leader's weekly card (a <see cref="LeaderJobs.Weekly"/> job), under the job's once-only claim in <see cref="DeliveryProcessor"/>.</summary>
internal sealed class LeaderMessages(LeaderReport report, ProactiveMessenger messenger) : IQueuedMessageSender
{
    public bool Handles(string kind) => kind == LeaderJobs.Weekly;

    public async Task<ProactiveResult> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var weeks = await report.BuildAsync(job.Day, job.UserKey, ct).ConfigureAwait(false);
        if (weeks.Count == 0) return new ProactiveResult(ProactiveOutcome.NothingToSend);
        return await messenger.SendAsync(job.TenantId, job.UserKey, null, LeaderCard.Build(weeks, job.Day), ct).ConfigureAwait(false);
    }
}
