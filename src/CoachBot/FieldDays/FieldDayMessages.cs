using CoachBot.Coaching;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.FieldDays;
using CoachBot.Delivery;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Turns;

namespace CoachBot.FieldDays;

/// <summary>
/// Sends one field-day message (a job of <see cref="FieldDayJobs"/>), called by the nudge delivery under the job's
/// once-only claim. The feedback job also opens the rep's coaching on the improvement: the state is saved before the
/// question goes out (as for a follow-up), so the rep's answer continues that arc on whichever instance receives it.
/// </summary>
internal sealed class FieldDayMessages(
    FieldDayStore store,
    FieldDayPrepReader prep,
    CoachingStore coaching,
    ProactiveMessenger messenger,
    DrillLibraryProvider drills,
    TimeProvider time) : IQueuedMessageSender
{
    private const int MaxStateConflicts = 3;

    public bool Handles(string kind) => FieldDayJobs.All.Contains(kind);

    public async Task<ProactiveResult> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        // Gone ("forget me", never recorded, or moved to another day) or cancelled in the calendar: nothing to send.
        if (await store.GetAsync(job.TenantId, job.Day, FieldDayJobs.FieldDayIdOf(job), ct).ConfigureAwait(false) is not { CancelledAt: null } fd) return Nothing;
        return job.Kind switch
        {
            FieldDayJobs.Prep => await CardAsync(fd, fd.ManagerId, FieldDayCards.BuildPrep(fd, await prep.ReadAsync(fd, Today(), ct).ConfigureAwait(false)), ct).ConfigureAwait(false),
            FieldDayJobs.Ask => await CardAsync(fd, fd.RepId, FieldDayCards.BuildAsk(fd), ct).ConfigureAwait(false),
            // Only the latest share: an earlier one still queued would show the manager the old wording.
            FieldDayJobs.Shared when fd.RepSharedAt is not null && FieldDayJobs.For(FieldDayJobs.Shared, fd).PlanId == job.PlanId => await CardAsync(fd, fd.ManagerId, FieldDayCards.BuildShared(fd), ct).ConfigureAwait(false),
            FieldDayJobs.Debrief when fd.DebriefedAt is null => await CardAsync(fd, fd.ManagerId, FieldDayCards.BuildDebrief(fd), ct).ConfigureAwait(false),
            FieldDayJobs.Feedback when fd.DebriefedAt is not null => await FeedbackAsync(fd, ct).ConfigureAwait(false),
            _ => Nothing,
        };
    }

    private static readonly ProactiveResult Nothing = new(ProactiveOutcome.NothingToSend);

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private Task<ProactiveResult> CardAsync(FieldDayRecord fd, string userKey, Teams.Cards.AdaptiveCard card, CancellationToken ct) =>
        messenger.SendAsync(fd.TenantId, userKey, null, card, ct);

    private async Task<ProactiveResult> FeedbackAsync(FieldDayRecord fd, CancellationToken ct)
    {
        var chat = await messenger.ResolvePersonalChatAsync(fd.TenantId, fd.RepId, ct).ConfigureAwait(false);
        if (chat is null) return new ProactiveResult(ProactiveOutcome.NotInstalled);
        var skill = FieldDaySkills.Find(fd.ImproveSkill);
        var drill = skill is null ? null : FieldDaySkills.DrillFor(skill, drills.Current);
        CoachingReply? opening = null;
        for (var attempt = 0; attempt < MaxStateConflicts && opening is null; attempt++)
        {
            var stored = await coaching.GetStateAsync(fd.TenantId, fd.RepId, chat.ConversationId, ct).ConfigureAwait(false);
            var candidate = CoachingEngine.StartOnImprovement(stored.State, fd.Improve!, skill?.TopicId, drill?.Id);
            if (await coaching.SaveStateAsync(fd.TenantId, fd.RepId, chat.ConversationId, candidate.State, stored.ETag, ct).ConfigureAwait(false))
                opening = candidate;
        }
        if (opening is null) throw new InvalidOperationException("The rep's conversation kept changing; the feedback will be retried.");
        return await messenger.SendAsync(chat, FeedbackText(fd, drill, opening.Text), null, ct).ConfigureAwait(false);
    }

    /// <summary>The manager's words, labelled as theirs, then a drill offer when the library has one, then the coaching question.</summary>
    private static string FeedbackText(FieldDayRecord fd, Coaching.Drills.DrillCard? drill, string question)
    {
        var offer = drill is null ? "" : $"\n\nThere's a practice round for this in your team's library (“{drill.Title}”): type **practice** whenever you want to rehearse it.";
        return $"{fd.ManagerName}'s feedback from your field day ({FieldDayCards.When(fd, fd.RepTimeZone)}):\n\n" +
               $"**What you did well:** {fd.Reinforce}\n\n**One thing to improve:** {fd.Improve}{offer}\n\n" +
               $"Let's work on the improvement together. {question}";
    }
}
