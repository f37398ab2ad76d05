using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching;
using CoachBot.Coaching.Nudges;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.Managers;

/// <summary>
/// The turn kinds of manager commands and the card each one is answered with. The card is built when the reply is sent,
/// from the stored snapshot of that day, so a redelivered command resends the same card.
/// </summary>
internal static class ManagerViews
{
    public const string Day = "ManagerDay";
    public const string Team = "ManagerTeam";
    public const string Settings = "ManagerSettings";
    public const string FieldDays = "ManagerFieldDays";
    public const string Help = "ManagerHelp";
    public const string Unavailable = "ManagerUnavailable";

    /// <summary>For manager turns the turn's question id holds the day of the card shown (there is no coaching question).</summary>
    public static string DayRef(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<AdaptiveCard?> CardAsync(TurnRecord turn, SendLedger ledger, ManagerSettingsStore settings, CancellationToken ct)
    {
        if (turn.Kind is not (Day or Settings or FieldDays)
            || !DateOnly.TryParseExact(turn.QuestionId, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || await ContentAsync(ledger, turn.TenantId, turn.UserKey, day, ct).ConfigureAwait(false) is not { } content)
            return null;
        return turn.Kind switch
        {
            Settings => NudgeCard.BuildSettings(content, await settings.GetAsync(turn.TenantId, turn.UserKey, ct).ConfigureAwait(false)),
            FieldDays => NudgeCard.BuildFieldDays(content),
            _ => NudgeCard.Build(content),
        };
    }

    /// <summary>The day's nudge snapshot, else the day's on-demand view; null when neither exists.</summary>
    public static async Task<NudgeContent?> ContentAsync(SendLedger ledger, string tenantId, string userKey, DateOnly day, CancellationToken ct) =>
        await RecordAsync(ledger, tenantId, userKey, day, ct).ConfigureAwait(false) is { ContentJson: { } json }
            ? JsonSerializer.Deserialize(json, DeliveryJson.Default.NudgeContent)
            : null;

    /// <summary>
    /// The nudge behind a clicked manager card: its "day" names the row, always in the clicking manager's own partition.
    /// Either the row and its content, or the invoke error to answer (400 for a bad day, 404 when the nudge is gone).
    /// </summary>
    public static async Task<(DateOnly Day, SendRecord? Record, NudgeContent? Content, InvokeResponse? Error)> ClickedNudgeAsync(
        SendLedger ledger, CardActionInvoke action, Coaching.RepIdentity user, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(action.GetString("day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (default, null, null, InvokeResponses.Error(400, "BadNudge", "That card is out of date."));
        // The day's nudge, or the same day's card shown on demand ("my day") when no nudge went out yet.
        var record = await RecordAsync(ledger, user.TenantId, user.UserKey, day, ct).ConfigureAwait(false);
        if (record?.ContentJson is not { } json || JsonSerializer.Deserialize(json, DeliveryJson.Default.NudgeContent) is not { } content)
            return (day, null, null, InvokeResponses.Error(404, "NudgeNotFound", "That nudge is no longer available."));
        return (day, record, content, null);
    }

    /// <summary>The ledger row behind a manager's card of <paramref name="day"/>: the nudge sent that day, else the on-demand view.</summary>
    public static async Task<SendRecord?> RecordAsync(SendLedger ledger, string tenantId, string userKey, DateOnly day, CancellationToken ct)
    {
        var nudge = await ledger.GetAsync(tenantId, userKey, new DeliveryJob(DeliveryJob.NudgeKind, tenantId, userKey, day).SendKey, ct).ConfigureAwait(false);
        if (nudge?.ContentJson is not null) return nudge;
        return await ledger.GetAsync(tenantId, userKey, new DeliveryJob(DeliveryJob.ViewKind, tenantId, userKey, day).SendKey, ct).ConfigureAwait(false) ?? nudge;
    }
}
