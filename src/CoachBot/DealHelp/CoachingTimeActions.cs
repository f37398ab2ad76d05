using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.Nudges;
using CoachBot.Graph;
using CoachBot.Storage.DealHelp;
using CoachBot.Storage.Delivery;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.DealHelp;

/// <summary>
/// Clicks on the coaching-time card ("coachingtime.*"). The event is found by its place in the nudge snapshot stored in
/// the clicking manager's own partition, so a forged index only reaches their own events. A correction is stored per
/// manager and event, then the share is computed again from Graph with every correction applied and the snapshot
/// updated, so the card (and its reloads) show the new figures. If Graph cannot answer, the correction is kept and the
/// line is updated without new figures; the next card counts it.
/// </summary>
internal sealed class CoachingTimeActions(
    SendLedger ledger,
    EventCorrectionStore corrections,
    CoachingTimeReader reader,
    TimeProvider time,
    ILogger<CoachingTimeActions> logger) : ICardActionHandler
{
    public bool Handles(string verb) => verb.StartsWith("coachingtime.", StringComparison.Ordinal);

    public async Task<InvokeResponse> HandleAsync(CardActionInvoke action, RepIdentity user, CancellationToken ct)
    {
        var (_, record, content, error) = await Managers.ManagerViews.ClickedNudgeAsync(ledger, action, user, ct).ConfigureAwait(false);
        if (error is not null || record is null || content is null) return error!;
        return action.Verb switch
        {
            CoachingTimeCard.Events => InvokeResponses.Card(CoachingTimeCard.Build(content)),
            CoachingTimeCard.Classify => await ClassifyAsync(action, user, record, content, ct).ConfigureAwait(false),
            _ => InvokeResponses.Error(400, "UnknownAction", "That button is not supported."),
        };
    }

    private async Task<InvokeResponse> ClassifyAsync(CardActionInvoke action, RepIdentity user, SendRecord record, NudgeContent content, CancellationToken ct)
    {
        EventCorrection? correction = action.GetString("as") switch
        {
            CoachingTimeCard.AsCoaching => EventCorrection.Coaching,
            CoachingTimeCard.AsDealCall => EventCorrection.DealCall,
            _ => null,
        };
        if (content.CoachingTime is not { } line || correction is null
            || !int.TryParse(action.GetString("ev"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= line.Events.Count)
            return InvokeResponses.Error(400, "BadEvent", "That event is no longer on the card.");

        var now = time.GetUtcNow();
        await corrections.SetAsync(user.TenantId, user.UserKey, line.Events[index].EventId, correction.Value, now, ct).ConfigureAwait(false);
        DealHelpLog.Corrected(logger, correction.Value);
        string? notice = null;
        try
        {
            line = await reader.ReadLineAsync(user.TenantId, user.UserKey, now, line.TargetPercent, ct).ConfigureAwait(false);
        }
        catch (GraphException ex)
        {
            DealHelpLog.GraphFailed(logger, ex.Operation);
            notice = "Saved. I couldn't reach your calendar to count again; tomorrow's card will.";
            var events = line.Events.ToArray();
            events[index] = events[index] with
            {
                Class = correction == EventCorrection.DealCall ? CoachingEventClass.DealCall : CoachingEventClass.MarkedCoaching,
                Corrected = true,
            };
            line = line with { Events = events };
        }
        content = content with { CoachingTime = line };
        await ledger.UpdateContentAsync(record, JsonSerializer.Serialize(content, DeliveryJson.Default.NudgeContent), now, ct).ConfigureAwait(false);
        return InvokeResponses.Card(CoachingTimeCard.Build(content, notice));
    }
}
