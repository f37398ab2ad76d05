using System.Text.Json;
using CoachBot.Coaching.Nudges;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using CoachBot.Teams.Connector;
using Microsoft.Extensions.Options;

namespace CoachBot.Delivery;

public enum JobOutcome
{
    /// <summary>Finished (sent, or nothing to do): delete the message.</summary>
    Done,
    /// <summary>Failed for now: try again later (bounded by the dequeue count, then the poison queue).</summary>
    Retry,
}

/// <summary>
/// Delivers one job once: checks the send record, builds the card (Graph calls happen before the claim, to keep the
/// claim-to-send window short), claims (conditional insert), sends, records. Nothing sent → the claim is released so a
/// retry starts clean. See docs/nudges.md, "Once per manager per day".
/// </summary>
internal sealed class DeliveryProcessor(
    SendLedger ledger,
    NudgeBuilder builder,
    ProactiveMessenger messenger,
    ManagerInstaller installer,
    ManagerSettingsStore settingsStore,
    FollowUpIndex followUps,
    IFollowUpStarter followUpStarter,
    IEnumerable<IQueuedMessageSender> senders,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary>Identifies this instance in claims (diagnostics only).</summary>
    public static readonly string InstanceId = ClaimantId(Environment.MachineName, Environment.ProcessId, Guid.NewGuid());

    /// <summary>
    /// Host (up to 16 characters), process and 12 random hex digits: at most 40 characters, and never fewer than the
    /// random part, which keeps two processes apart whatever the host is called (a container's can be two letters, its
    /// process id 1: cutting a fixed 40 characters off the whole once threw there and failed every job).
    /// </summary>
    internal static string ClaimantId(string machine, int processId, Guid random) =>
        $"{(machine.Length > 16 ? machine[..16] : machine)}-{processId}-{random.ToString("N")[..12]}";

    public async Task<JobOutcome> ProcessAsync(DeliveryJob job, CancellationToken ct) => (await ProcessWithDelayAsync(job, ct).ConfigureAwait(false)).Outcome;

    /// <summary>The outcome, and for a job that met a live claim or a long Retry-After the earliest useful retry.</summary>
    public async Task<(JobOutcome Outcome, TimeSpan? RetryAfter)> ProcessWithDelayAsync(DeliveryJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var attempt = job.Kind switch
        {
            DeliveryJob.NudgeKind => await NudgeAsync(job, ct).ConfigureAwait(false),
            DeliveryJob.FollowUpKind => await FollowUpAsync(job, ct).ConfigureAwait(false),
            _ when senders.FirstOrDefault(s => s.Handles(job.Kind)) is { } sender
                => job.PlanId is null ? new Attempt("noSubject") : await OnceAsync(job, () => sender.SendAsync(job, ct), ct).ConfigureAwait(false),
            _ => new Attempt("unknownKind"),
        };
        DeliveryLog.JobDone(logger, job.Kind, job.Day, attempt.State);
        if (!attempt.Retry) return (JobOutcome.Done, null);
        return (JobOutcome.Retry, attempt.NotBefore is { } until ? until - time.GetUtcNow() + TimeSpan.FromSeconds(1) : null);
    }

    /// <summary>
    /// What one delivery attempt came to: the state it logs, and for a retry the earliest moment it may usefully run again
    /// (another worker's live claim's lease end, or the end of a Connector Retry-After), when known.
    /// </summary>
    private readonly record struct Attempt(string State, bool Retry = false, DateTimeOffset? NotBefore = null)
    {
        public static Attempt Again(DateTimeOffset? notBefore = null) => new("retry", Retry: true, notBefore);
    }

    private async Task<Attempt> NudgeAsync(DeliveryJob job, CancellationToken ct)
    {
        if (!job.Force && await ledger.GetAsync(job.TenantId, job.UserKey, job.SendKey, ct).ConfigureAwait(false) is { State: not SendStates.Sending } done)
            return new Attempt("already " + done.State);
        var settings = await settingsStore.GetAsync(job.TenantId, job.UserKey, ct).ConfigureAwait(false);
        if (settings.SnoozedDay == job.Day && !job.Force) return new Attempt("snoozed");

        var content = await builder.BuildAsync(job.TenantId, job.UserKey, job.Day, time.GetUtcNow(), settings, ct).ConfigureAwait(false);
        var claim = await ledger.TryClaimAsync(job, InstanceId, time.GetUtcNow(), options.Value.SendLease, ct).ConfigureAwait(false);
        if (!claim.MaySend) return NotClaimed(claim);
        if (claim.Outcome == ClaimOutcome.TookOverStale) DeliveryLog.TookOverStale(logger, job.Kind, job.Day, claim.Record.Attempt);

        if (content is null)
        {
            await CompleteAsync(job, claim.Record, SendStates.Skipped, null, null).ConfigureAwait(false);
            return new Attempt(SendStates.Skipped);
        }
        var contentJson = JsonSerializer.Serialize(content, DeliveryJson.Default.NudgeContent);
        var (result, notBefore) = await SendAsync(claim.Record, () => SendOrInstallAsync(job, content, ct), ct).ConfigureAwait(false);
        if (result is null) return Attempt.Again(notBefore);

        var state = Recorded(result.Outcome);
        await CompleteAsync(job, claim.Record, state, result, contentJson).ConfigureAwait(false);
        if (result.Outcome == ProactiveOutcome.Sent)
        {
            // The next nudge shows rep requests from today on; a snooze moves this back.
            await settingsStore.UpdateAsync(job.TenantId, job.UserKey,
                s => s.SignalsSince == job.Day ? s : s with { PreviousSignalsSince = s.SignalsSince, SignalsSince = job.Day }, CancellationToken.None).ConfigureAwait(false);
        }
        return new Attempt(state);
    }

    private async Task<Attempt> FollowUpAsync(DeliveryJob job, CancellationToken ct)
    {
        if (job.PlanId is null) return new Attempt("noPlan");
        var attempt = await OnceAsync(job, () => followUpStarter.StartAsync(job.TenantId, job.UserKey, job.PlanId, ct), ct).ConfigureAwait(false);
        if (attempt.State is SendStates.Sent or SendStates.NotInstalled or SendStates.Refused)
            await followUps.MarkSentAsync(new FollowUpDue(job.TenantId, job.UserKey, job.PlanId, job.Day, null, true), CancellationToken.None).ConfigureAwait(false);
        return attempt;
    }

    /// <summary>Claims the job's once-only record, sends once and records the outcome; a retry or "already …" otherwise.</summary>
    private async Task<Attempt> OnceAsync(DeliveryJob job, Func<Task<ProactiveResult>> send, CancellationToken ct)
    {
        var claim = await ledger.TryClaimAsync(job, InstanceId, time.GetUtcNow(), options.Value.SendLease, ct).ConfigureAwait(false);
        if (!claim.MaySend) return NotClaimed(claim);
        if (claim.Outcome == ClaimOutcome.TookOverStale) DeliveryLog.TookOverStale(logger, job.Kind, job.Day, claim.Record.Attempt);

        var (result, notBefore) = await SendAsync(claim.Record, send, ct).ConfigureAwait(false);
        if (result is null) return Attempt.Again(notBefore);
        var state = Recorded(result.Outcome);
        await CompleteAsync(job, claim.Record, state, result, null).ConfigureAwait(false);
        return new Attempt(state);
    }

    /// <summary>
    /// Sends the card; a manager with no conversation yet gets the app installed through Graph first (only then, so a
    /// reachable manager costs nothing extra). Nothing has gone out before the send, so the claim covers the install too.
    /// </summary>
    private async Task<ProactiveResult> SendOrInstallAsync(DeliveryJob job, NudgeContent content, CancellationToken ct)
    {
        var card = NudgeCard.Build(content);
        var result = await messenger.SendAsync(job.TenantId, job.UserKey, null, card, ct).ConfigureAwait(false);
        if (result.Outcome == ProactiveOutcome.NotInstalled
            && await installer.EnsureReachableAsync(job.TenantId, job.UserKey, ct).ConfigureAwait(false) == InstallStates.Installed)
            result = await messenger.SendAsync(job.TenantId, job.UserKey, null, card, ct).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Sends; on a failure before Teams accepted the message the claim is released and no result returned (retry), with
    /// the end of Teams' Retry-After when it asked for one.
    /// </summary>
    private async Task<(ProactiveResult? Result, DateTimeOffset? NotBefore)> SendAsync(SendRecord claim, Func<Task<ProactiveResult>> send, CancellationToken ct)
    {
        try
        {
            return (await send().ConfigureAwait(false), null);
        }
        catch (Exception ex)
        {
            // The send did not complete (storage read, 1:1 creation, Connector failure, cancellation): release the claim
            // so the retry starts clean. (A timeout may hide a message Teams did accept; see docs/nudges.md.)
            await ledger.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
            if (ex is OperationCanceledException && ct.IsCancellationRequested) throw;
            if (ex is not (ConnectorException or HttpRequestException or TaskCanceledException or RateLimitExceededException)) throw;
            DeliveryLog.JobFailed(logger, ex, "send", DateOnly.MinValue, 0);
            // Teams asked for a longer wait than is spent in process: the queue holds the job back that long.
            return (null, ex is ConnectorException { RetryAfter: { } wait } ? time.GetUtcNow() + wait : null);
        }
    }

    /// <summary>
    /// Already done: finished. Another live claim: come back later rather than drop the job — if that holder dies
    /// without releasing, this message is what takes its stale claim over.
    /// </summary>
    private static Attempt NotClaimed(ClaimResult claim) =>
        claim.Outcome != ClaimOutcome.InFlight ? new Attempt("already " + claim.Record.State) : Attempt.Again(claim.Record.LeaseUntil);

    private async Task CompleteAsync(DeliveryJob job, SendRecord claim, string state, ProactiveResult? result, string? contentJson)
    {
        // Record even if the worker is stopping: the message went out.
        if (!await ledger.CompleteAsync(claim, state, result?.ConversationId, result?.ActivityId, contentJson, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false))
            DeliveryLog.ClaimLost(logger, job.Kind, job.Day);
    }

    private static string Recorded(ProactiveOutcome outcome) => outcome switch
    {
        ProactiveOutcome.Sent => SendStates.Sent,
        ProactiveOutcome.NotInstalled => SendStates.NotInstalled,
        _ => SendStates.Refused,
    };
}
