using CoachBot.Delivery;
using CoachBot.Storage.DealHelp;
using CoachBot.Storage.Delivery;

namespace CoachBot.DealHelp;

/// <summary>Sends the manager's deal-help message (job <see cref="DealHelpJobs.Kind"/>) under the nudge delivery's once-only claim.</summary>
internal sealed class DealHelpMessages(DealHelpStore store, ProactiveMessenger messenger) : IQueuedMessageSender
{
    public bool Handles(string kind) => kind == DealHelpJobs.Kind;

    public async Task<ProactiveResult> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Gone ("forget me" since the click): nothing to send.
        if (await store.GetAsync(job.TenantId, job.PlanId!, ct).ConfigureAwait(false) is not { } r) return new ProactiveResult(ProactiveOutcome.NothingToSend);
        return await messenger.SendAsync(r.TenantId, r.ManagerId, null, DealHelpCards.BuildForManager(r), ct).ConfigureAwait(false);
    }
}
