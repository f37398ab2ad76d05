using System.Globalization;
using CoachBot.Coaching;
using CoachBot.Coaching.FieldDays;
using CoachBot.Delivery;
using CoachBot.Storage.FieldDays;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.FieldDays;

/// <summary>
/// Clicks on the field-day cards ("fieldday.*"). The field day is looked up by the day and id the card carries, and
/// acted on only by its own manager (watch, debrief) or its own rep (share, keep): a forged id reaches nothing else.
/// Messages to the other person go through the nudge queue, once (the scheduler's marker and the send ledger).
/// </summary>
internal sealed class FieldDayCardActions(FieldDayStore store, FieldDayPrepReader prep, DeliveryScheduler scheduler, TimeProvider time, ILogger<FieldDayCardActions> logger)
    : ICardActionHandler
{
    public bool Handles(string verb) => verb.StartsWith("fieldday.", StringComparison.Ordinal);

    public async Task<InvokeResponse> HandleAsync(CardActionInvoke action, RepIdentity user, CancellationToken ct)
    {
        var fd = DateOnly.TryParseExact(action.GetString("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                 && action.GetString("fd") is { Length: > 0 and <= 64 } id
            ? await store.GetAsync(user.TenantId, day, id, ct).ConfigureAwait(false) is { CancelledAt: null } found ? found : null
            : null;
        var asManager = fd is not null && Same(fd.ManagerId, user.UserKey);
        var asRep = fd is not null && Same(fd.RepId, user.UserKey);
        var response = (action.Verb, fd) switch
        {
            (FieldDayCards.Watch, { } f) when asManager => await WatchAsync(action, f, ct).ConfigureAwait(false),
            (FieldDayCards.Debrief, { } f) when asManager => await DebriefAsync(action, f, ct).ConfigureAwait(false),
            (FieldDayCards.Share, { } f) when asRep => await ShareAsync(action, f, ct).ConfigureAwait(false),
            (FieldDayCards.Keep, { } f) when asRep => InvokeResponses.Card(FieldDayCards.BuildAsk(f, Answer(action, FieldDayCards.FocusInput), Answer(action, FieldDayCards.CallsInput), kept: true)),
            (FieldDayCards.Watch or FieldDayCards.Debrief or FieldDayCards.Share or FieldDayCards.Keep, _) => InvokeResponses.Error(404, "FieldDayNotFound", "That field day is no longer available."),
            _ => InvokeResponses.Error(400, "UnknownAction", "That button is not supported."),
        };
        FieldDayLog.Action(logger, action.Verb, InvokeResponses.CardOf(response) is null ? "refused" : "done");
        return response;
    }

    private async Task<InvokeResponse> WatchAsync(CardActionInvoke action, FieldDayRecord fd, CancellationToken ct)
    {
        var chosen = (action.GetString(FieldDayCards.WatchInput) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => FieldDaySkills.Find(s) is not null).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count > 2) return InvokeResponses.Error(400, "TooManySkills", "Pick one or two skills: more is hard to watch in a day.");
        await store.SetWatchAsync(fd, chosen, ct).ConfigureAwait(false);
        fd = fd with { Watch = chosen };
        return InvokeResponses.Card(FieldDayCards.BuildPrep(fd, await prep.ReadAsync(fd, Today(), ct).ConfigureAwait(false)));
    }

    private async Task<InvokeResponse> ShareAsync(CardActionInvoke action, FieldDayRecord fd, CancellationToken ct)
    {
        var focus = Answer(action, FieldDayCards.FocusInput);
        var calls = Answer(action, FieldDayCards.CallsInput);
        if (focus is null && calls is null) return InvokeResponses.Card(FieldDayCards.BuildAsk(fd));
        // The same words again (a double click, the other window) send nothing; new wording is a new message, once.
        if (fd.RepSharedAt is null || focus != fd.RepFocus || calls != fd.RepCalls)
        {
            var now = time.GetUtcNow();
            fd = fd with { RepFocus = focus, RepCalls = calls, RepSharedAt = now, RepShares = fd.RepShares + 1 };
            await store.SetRepShareAsync(fd, focus, calls, now, ct).ConfigureAwait(false);
            await scheduler.EnqueueOnceAsync(FieldDayJobs.For(FieldDayJobs.Shared, fd), now, ct).ConfigureAwait(false);
        }
        return InvokeResponses.Card(FieldDayCards.BuildAnswered(fd, focus, calls));
    }

    private async Task<InvokeResponse> DebriefAsync(CardActionInvoke action, FieldDayRecord fd, CancellationToken ct)
    {
        // Submitted once: a second click (or the other manager window) shows what was sent.
        if (fd.DebriefedAt is not null) return InvokeResponses.Card(FieldDayCards.BuildDebriefed(fd));
        var reinforce = Answer(action, FieldDayCards.ReinforceInput);
        var improve = Answer(action, FieldDayCards.ImproveInput);
        if (reinforce is null || improve is null)
            return InvokeResponses.Card(FieldDayCards.BuildDebrief(fd, "Add one thing that went well and one thing to improve."));
        var skill = FieldDaySkills.Find(action.GetString(FieldDayCards.SkillInput))?.Id;
        var now = time.GetUtcNow();
        await store.SetDebriefAsync(fd, reinforce, improve, skill, now, ct).ConfigureAwait(false);
        fd = fd with { Reinforce = reinforce, Improve = improve, ImproveSkill = skill, DebriefedAt = now };
        await scheduler.EnqueueOnceAsync(FieldDayJobs.For(FieldDayJobs.Feedback, fd), now, ct).ConfigureAwait(false);
        return InvokeResponses.Card(FieldDayCards.BuildDebriefed(fd));
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string? Answer(CardActionInvoke action, string input) =>
        action.GetString(input)?.Trim() is { Length: > 0 } text ? (text.Length <= FieldDayCards.MaxAnswerLength ? text : text[..FieldDayCards.MaxAnswerLength]) : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
