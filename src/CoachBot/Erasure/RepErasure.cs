using CoachBot.Coaching;
using CoachBot.Coaching.Dialogue;
using CoachBot.Delivery;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Erasure;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Options;

namespace CoachBot.Erasure;

/// <summary>
/// "forget me", durably: the erase is recorded as a job (<see cref="ErasureStore"/>) before the rep hears anything, every
/// <see cref="IPersonalDataEraser"/> runs until all succeed, and only then is the rep told "Done" — in the turn when it
/// finishes at once, else "in progress" now and "Done" later from <see cref="ErasureWorker"/> on whichever instance
/// finishes it. The job's lease and ETags make one holder at a time, so the rep hears "Done" once.
/// </summary>
internal sealed partial class RepErasure(
    ErasureStore jobs,
    CoachingStore coaching,
    IEnumerable<IPersonalDataEraser> erasers,
    ProactiveMessenger messenger,
    IOptionsMonitor<ErasureOptions> options,
    TimeProvider time,
    ILogger<RepErasure> logger)
{
    public const string InProgressText =
        "I'm erasing everything I hold about you, but storage isn't answering right now, so it isn't finished yet. I'll tell you here as soon as it is.";

    /// <summary>The confirming activity of "forget me": record the job, run it, and tell the rep where it stands.</summary>
    public async Task ForgetAsync(ITurnContext turn, RepIdentity rep, StoredConversationReference? reference, CancellationToken ct)
    {
        var (job, leased) = await jobs.RecordAsync(rep.TenantId, rep.UserKey, turn.ActivityId, reference, time.GetUtcNow(), options.CurrentValue.Lease, ct).ConfigureAwait(false);
        LogRecorded(logger, leased);
        // Not recorded by this call: another delivery of the same confirmation holds the job and will answer.
        await ContinueAsync(job, leased, text => Reply(turn, text, ct), new Progress(WhenBusy: false, OnFailure: leased), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// An admin's erase request (<see cref="Admin.UserDataAdminEndpoints"/>): the same recorded job, erasers and tombstone
    /// as "forget me", under an id of its own; nobody is messaged (there is no conversation to answer in). True when the
    /// erase finished now; false when it is pending (another holder has it, or storage failed) and a sweep finishes it.
    /// </summary>
    public async Task<bool> EraseOnRequestAsync(string tenantId, string userKey, CancellationToken ct)
    {
        var (job, leased) = await jobs.RecordAsync(tenantId, userKey, "admin-erase|" + Guid.NewGuid().ToString("N"), null, time.GetUtcNow(), options.CurrentValue.Lease, ct).ConfigureAwait(false);
        LogAdminRecorded(logger, leased);
        return await ContinueAsync(job, leased, _ => Task.FromResult(false), new Progress(WhenBusy: false, OnFailure: false), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Before a message is coached: true when it belongs to an erase and must not be processed as a new turn — a
    /// redelivery of the confirming activity (resumes an unfinished erase, never a second "Done"), or any message while
    /// the rep's erase is unfinished (it tries to finish, and answers where it stands; nothing new is stored meanwhile).
    /// </summary>
    public async Task<bool> InterceptAsync(ITurnContext turn, RepIdentity rep, CancellationToken ct)
    {
        if (await jobs.GetAsync(rep.TenantId, rep.UserKey, ct).ConfigureAwait(false) is not { } job) return false;
        var confirming = job.ActivityHash == ErasureStore.Hash(turn.ActivityId);
        if (job.State == ErasureStates.Done) return confirming;
        LogResumed(logger, confirming);
        await ContinueAsync(job, leased: false, text => Reply(turn, text, ct), new Progress(WhenBusy: !confirming, OnFailure: !confirming), ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Expires old tombstones and finishes every unfinished job nobody holds; returns how many it finished.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await jobs.DeleteExpiredAsync(time.GetUtcNow(), ct).ConfigureAwait(false);
        var finished = 0;
        foreach (var job in await jobs.ListUnfinishedAsync(ct).ConfigureAwait(false))
        {
            if (job.LeaseUntil > time.GetUtcNow()) continue;
            try
            {
                if (await ContinueAsync(job, leased: false, text => Proactive(job, text, ct), new Progress(false, false), ct).ConfigureAwait(false)) finished++;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // This job stays unfinished (e.g. the Connector is down); the others still get their turn.
                LogSweepJobFailed(logger, ex.GetType().Name);
            }
        }
        return finished;
    }

    /// <summary>
    /// Takes the job (unless already held), erases what is left, then confirms exactly once. Returns true when this call
    /// finished the job. <paramref name="say"/> returns false when the rep can never be told (the bot was removed).
    /// </summary>
    private async Task<bool> ContinueAsync(ErasureJob job, bool leased, Func<string, Task<bool>> say, Progress tell, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var held = leased ? job : await jobs.TryLeaseAsync(job, time.GetUtcNow(), o.Lease, ct).ConfigureAwait(false);
        if (held is null)
        {
            // Another delivery or instance is on it and will confirm; a new message still deserves an answer.
            if (tell.WhenBusy) await say(InProgressText).ConfigureAwait(false);
            return false;
        }
        if (held.State == ErasureStates.Pending)
        {
            if (!await EraseAsync(held, ct).ConfigureAwait(false))
            {
                // Say it first, then give the lease back: a sweep that finishes quickly must not confirm before this lands.
                if (tell.OnFailure) await say(InProgressText).ConfigureAwait(false);
                await jobs.ReleaseAsync(held, CancellationToken.None).ConfigureAwait(false);
                return false;
            }
            held = await jobs.MarkErasedAsync(held, time.GetUtcNow(), ct).ConfigureAwait(false);
            if (held is null) return false;
        }
        bool told;
        try
        {
            told = await say(CoachingEngine.ForgottenText).ConfigureAwait(false);
        }
        catch
        {
            // Not told yet (Connector down): the next redelivery or sweep confirms.
            await jobs.ReleaseAsync(held, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await jobs.MarkDoneAsync(held, told, time.GetUtcNow() + o.TombstoneLifetime, CancellationToken.None).ConfigureAwait(false);
        LogDone(logger, held.Attempts, told);
        return true;
    }

    /// <summary>When to tell the rep "in progress": when another holder has the job, and when this attempt failed.</summary>
    private readonly record struct Progress(bool WhenBusy, bool OnFailure);

    /// <summary>Runs every eraser (all of them, even after one fails, so each run makes progress); true when all succeeded.</summary>
    private async Task<bool> EraseAsync(ErasureJob job, CancellationToken ct)
    {
        if (job.TenantId is not { } tenant || job.UserKey is not { } user) return true;
        var ok = true;
        try
        {
            // First tell every turn of the rep, through the state row each turn reads anyway, that an erase is under way.
            await coaching.MarkErasingAsync(tenant, user, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogEraserFailed(logger, "erasing-mark", ex.GetType().Name, (ex as Azure.RequestFailedException)?.Status ?? 0);
            ok = false;
        }
        foreach (var eraser in erasers)
        {
            try
            {
                await eraser.EraseUserAsync(tenant, user, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogEraserFailed(logger, string.Join(",", eraser.Tables), ex.GetType().Name, (ex as Azure.RequestFailedException)?.Status ?? 0);
                ok = false;
            }
        }
        return ok;
    }

    private static async Task<bool> Reply(ITurnContext turn, string text, CancellationToken ct)
    {
        try
        {
            await turn.SendActivityAsync(turn.Activity.CreateReply(text), ct).ConfigureAwait(false);
            return true;
        }
        catch (ConnectorException ex) when (ex.IsPermanent)
        {
            // Removed or blocked: nobody to tell. (The reference is not retired: that would write a row for the rep again.)
            return false;
        }
    }

    private async Task<bool> Proactive(ErasureJob job, string text, CancellationToken ct)
    {
        if (job.Reference is not { } reference) return false;
        var result = await messenger.SendAsync(reference, text, null, ct, retireOnRefusal: false).ConfigureAwait(false);
        return result.Outcome == ProactiveOutcome.Sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forget me: erase job recorded (new: {New})")]
    private static partial void LogRecorded(ILogger logger, bool @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin erase request: erase job recorded (new: {New})")]
    private static partial void LogAdminRecorded(ILogger logger, bool @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forget me: message during an unfinished erase (confirming activity redelivered: {Confirming})")]
    private static partial void LogResumed(ILogger logger, bool confirming);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forget me: eraser for {Tables} failed ({Error}, storage status {Status}); the job stays pending")]
    private static partial void LogEraserFailed(ILogger logger, string tables, string error, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forget me: a pending job could not be finished in this sweep ({Error})")]
    private static partial void LogSweepJobFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Forget me: erase finished after {Attempts} attempt(s); rep told: {Told}")]
    private static partial void LogDone(ILogger logger, int attempts, bool told);
}
