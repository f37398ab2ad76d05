using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;
using CoachBot.Graph;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.Nudges;

/// <summary>
/// Clicks on a nudge card ("nudge.*"). The card's content is the snapshot stored with the day's send record in the
/// clicking manager's own partition, so a forged day or slot can only reach that manager's own nudge. Book goes to
/// Graph with a deterministic booking key (manager, rep, start), so a double click or a retry books once.
/// </summary>
internal sealed class NudgeCardActions(SendLedger ledger, ManagerSettingsStore settingsStore, ICalendarDirectory calendar, FieldDays.FieldDayBookings fieldDays, TimeProvider time, ILogger<NudgeCardActions> logger)
    : ICardActionHandler
{
    public bool Handles(string verb) => verb.StartsWith("nudge.", StringComparison.Ordinal);

    public async Task<InvokeResponse> HandleAsync(CardActionInvoke action, RepIdentity user, CancellationToken ct)
    {
        var (day, record, content, error) = await Managers.ManagerViews.ClickedNudgeAsync(ledger, action, user, ct).ConfigureAwait(false);
        if (error is not null || record is null || content is null) return error!;

        switch (action.Verb)
        {
            case NudgeCard.View:
                return InvokeResponses.Card(NudgeCard.Build(content));
            case NudgeCard.OtherTimes:
                return Slot(action, content) is (var s, null) ? InvokeResponses.Card(NudgeCard.BuildOtherTimes(content, s)) : InvokeResponses.Error(400, "BadSlot", "That suggestion is gone.");
            case NudgeCard.Book:
                return await BookAsync(action, user, record, content, ct).ConfigureAwait(false);
            case NudgeCard.Snooze:
                await settingsStore.UpdateAsync(user.TenantId, user.UserKey,
                    s => s with { SnoozedDay = day, SignalsSince = s.SignalsSince == day ? s.PreviousSignalsSince : s.SignalsSince }, ct).ConfigureAwait(false);
                return InvokeResponses.Card(NudgeCard.BuildSnoozed(content));
            case NudgeCard.Settings:
                return InvokeResponses.Card(NudgeCard.BuildSettings(content, await settingsStore.GetAsync(user.TenantId, user.UserKey, ct).ConfigureAwait(false)));
            case NudgeCard.SaveSettings:
                return await SaveSettingsAsync(action, user, record, content, ct).ConfigureAwait(false);
            case NudgeCard.EditList:
                return InvokeResponses.Card(NudgeCard.BuildListEditor(content));
            case NudgeCard.SaveList:
                var list = ThreeSixNoList.Create(
                    Enumerable.Range(0, ThreeSixNoList.MaxGoals).Select(i => action.GetString(NudgeCard.GoalInputPrefix + i.ToString(CultureInfo.InvariantCulture))),
                    Enumerable.Range(0, ThreeSixNoList.MaxTasks).Select(i => action.GetString(NudgeCard.TaskInputPrefix + i.ToString(CultureInfo.InvariantCulture))));
                await settingsStore.UpdateAsync(user.TenantId, user.UserKey, s => s with { ThreeSixNo = list }, ct).ConfigureAwait(false);
                content = content with { ThreeSixNo = list };
                await SaveAsync(record, content, ct).ConfigureAwait(false);
                return InvokeResponses.Card(NudgeCard.Build(content));
            default:
                return InvokeResponses.Error(400, "UnknownAction", "That button is not supported.");
        }
    }

    private async Task<InvokeResponse> BookAsync(CardActionInvoke action, RepIdentity user, SendRecord record, NudgeContent content, CancellationToken ct)
    {
        if (Slot(action, content) is not (var index, var alt)) return InvokeResponses.Error(400, "BadSlot", "That suggestion is gone.");
        var main = content.Slots[index];
        var chosen = alt is { } a ? main.Alternatives[a] : main;
        if (main.BookedEventId is not null) return InvokeResponses.Card(NudgeCard.Build(content));

        NudgeSlot updated;
        try
        {
            var booking = await calendar.BookFieldDayAsync(new CoachBot.Graph.FieldDayBookingRequest(
                user.UserKey, chosen.RepId, chosen.Start, chosen.End, $"Field day with {chosen.RepName}",
                "<p>Booked from your CoachBot nudge. Spend the time on calls with your rep: watch, then reinforce what went well and suggest where to improve.</p>"), ct).ConfigureAwait(false);
            // Remembered with its prep and debrief moments (docs/field-days.md); a retry of this click rewrites the same row.
            await fieldDays.RecordAsync(user.TenantId, user.UserKey, chosen.RepId, chosen.RepName, booking, ct).ConfigureAwait(false);
            // The booked time becomes the suggestion shown, marked booked.
            updated = chosen with { Alternatives = main.Alternatives, BookedEventId = booking.EventId, BookingError = null };
        }
        catch (GraphException ex)
        {
            NudgeLog.BookingFailed(logger, ex.Kind.ToString());
            var error = ex.Kind == GraphFailureKind.AccessDenied
                ? "I couldn't book it: CoachBot isn't allowed to write to your calendar. Ask your admin."
                : "I couldn't book it: Outlook didn't answer. Try again in a minute.";
            return InvokeResponses.Card(NudgeCard.Build(content with { Slots = Replace(content.Slots, index, main with { BookingError = error }) }));
        }
        content = content with { Slots = Replace(content.Slots, index, updated) };
        await SaveAsync(record, content, ct).ConfigureAwait(false);
        return InvokeResponses.Card(NudgeCard.Build(content));
    }

    private async Task<InvokeResponse> SaveSettingsAsync(CardActionInvoke action, RepIdentity user, SendRecord record, NudgeContent content, CancellationToken ct)
    {
        var hourText = action.GetString(NudgeCard.NudgeHourInput);
        int? hour = int.TryParse(hourText, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23 ? h : null;
        var daysOff = (action.GetString(NudgeCard.DaysOffInput) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => Enum.TryParse<DayOfWeek>(d, out var day) ? (DayOfWeek?)day : null).OfType<DayOfWeek>().ToHashSet();
        FieldDayLength? length = Enum.TryParse<FieldDayLength>(action.GetString(NudgeCard.LengthInput), out var l) ? l : null;
        var tiers = new Dictionary<string, RepTier>(StringComparer.OrdinalIgnoreCase);
        var team = new List<TeamMember>(content.Team.Count);
        for (var i = 0; i < content.Team.Count; i++)
        {
            var member = content.Team[i];
            var tier = Enum.TryParse<RepTier>(action.GetString(NudgeCard.TierInputPrefix + i.ToString(CultureInfo.InvariantCulture)), out var t) ? t : member.Tier;
            tiers[member.Id] = tier;
            team.Add(member with { Tier = tier });
        }
        await settingsStore.UpdateAsync(user.TenantId, user.UserKey, s => s with
        {
            NudgeHour = hourText == NudgeCard.AutoHour ? null : hour ?? s.NudgeHour,
            DaysOff = daysOff,
            FieldDayLength = length ?? s.FieldDayLength,
            Tiers = tiers,
        }, ct).ConfigureAwait(false);
        content = content with { Team = team };
        await SaveAsync(record, content, ct).ConfigureAwait(false);
        return InvokeResponses.Card(NudgeCard.Build(content));
    }

    private async Task SaveAsync(SendRecord record, NudgeContent content, CancellationToken ct) =>
        await ledger.UpdateContentAsync(record, JsonSerializer.Serialize(content, DeliveryJson.Default.NudgeContent), time.GetUtcNow(), ct).ConfigureAwait(false);

    private static (int Slot, int? Alt)? Slot(CardActionInvoke action, NudgeContent content)
    {
        if (!int.TryParse(action.GetString("slot"), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) || slot >= content.Slots.Count) return null;
        if (action.GetString("alt") is not { } altText) return (slot, null);
        return int.TryParse(altText, NumberStyles.None, CultureInfo.InvariantCulture, out var alt) && alt < content.Slots[slot].Alternatives.Count ? (slot, alt) : null;
    }

    private static NudgeSlot[] Replace(IReadOnlyList<NudgeSlot> slots, int index, NudgeSlot slot)
    {
        var copy = slots.ToArray();
        copy[index] = slot;
        return copy;
    }
}
