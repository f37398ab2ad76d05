using System.Globalization;
using System.Text;
using System.Text.Json;
using CoachBot.Coaching;
using CoachBot.Coaching.Nudges;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Teams.Schema;

namespace CoachBot.Managers;

/// <summary>
/// What a manager can ask for in chat: "my day" (today's card again, or built now if the nudge has not gone out; the
/// once-a-day nudge is left alone), "team" (themes enough reps share: counts only), "settings" and "field day"
/// (suggested slots), plus a help text for managers. Anyone else's message goes on to coaching, so a manager can still
/// be coached on their own situations.
/// </summary>
internal sealed class ManagerCommands(ManagerRoles roles, NudgeBuilder builder, SendLedger ledger, TimeProvider time)
{
    public const string HelpText =
        "Here's what I can do for you as a manager:\n\n" +
        "- **my day**: today's coaching card (field-day slots, what your reps shared or asked for, coaching time).\n" +
        "- **team**: what several of your reps were stuck on (counts only; I never show a rep's words).\n" +
        "- **field day**: half or full days free for you and a rep, ready to book.\n" +
        "- **settings**: when your card comes, days off, field-day length, rep tiers.\n" +
        "- Or tell me about a situation of your own and I'll coach you with questions, as I do your reps.\n" +
        "- **export** / **forget me**: your own data, as for anyone.";

    /// <summary>The answer for a manager's command, or null when this is not one (or the sender manages nobody).</summary>
    public async Task<AsideReply?> TryAnswerAsync(RepIdentity user, Activity activity, string text, DateOnly today, CancellationToken ct)
    {
        // A manager's card names reps and what they shared: only ever in the manager's own 1:1 chat.
        if (activity.Conversation?.ConversationType is not (null or "personal")) return null;
        var command = Parse(text);
        if (command is null || !await roles.IsManagerAsync(user.AadObjectId, ct).ConfigureAwait(false)) return null;
        if (command == ManagerViews.Help) return new AsideReply(command, HelpText, today);

        var content = await TodayAsync(user, today, ct).ConfigureAwait(false);
        if (content is null) return new AsideReply(ManagerViews.Unavailable, "I couldn't put your day together just now (your calendar or directory didn't answer). Try again in a few minutes.", today);
        return command switch
        {
            ManagerViews.Team => new AsideReply(command, TeamText(content), today),
            ManagerViews.FieldDays => new AsideReply(command, "Field days worth booking:", today),
            ManagerViews.Settings => new AsideReply(command, "Your settings:", today),
            _ => new AsideReply(command, "Your coaching day:", today),
        };
    }

    /// <summary>Today's nudge snapshot if it went out, else a fresh one stored as an on-demand view (its buttons then work).</summary>
    private async Task<NudgeContent?> TodayAsync(RepIdentity user, DateOnly today, CancellationToken ct)
    {
        if (await ManagerViews.ContentAsync(ledger, user.TenantId, user.UserKey, today, ct).ConfigureAwait(false) is { } stored) return stored;
        var now = time.GetUtcNow();
        var built = await builder.BuildAsync(user.TenantId, user.UserKey, today, now, ct).ConfigureAwait(false);
        if (built is null) return null;
        await ledger.SaveViewAsync(user.TenantId, user.UserKey, today, JsonSerializer.Serialize(built, DeliveryJson.Default.NudgeContent), now, ct).ConfigureAwait(false);
        return built;
    }

    private static string TeamText(NudgeContent content)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Your team: {content.Team.Count} reps.");
        if (content.Themes.Count == 0)
            sb.Append("\n\nNo theme came up for enough of your reps yesterday to show it (I show a theme only when several reps share it, so no one rep's words can be traced).");
        foreach (var theme in content.Themes)
            sb.Append(CultureInfo.InvariantCulture, $"\n\n- {theme.RepCount} reps were stuck on {NudgeComposer.TopicLabel(theme.Topic)}. {theme.Prompt}");
        var shared = content.Requests.Count(r => r.Kind == RepRequestKind.SharedPlan);
        var asks = content.Requests.Count(r => r.Kind == RepRequestKind.FieldDay);
        if (shared + asks > 0) sb.Append(CultureInfo.InvariantCulture, $"\n\n{shared} shared plan(s) and {asks} field-day request(s) are on your card: type **my day**.");
        return sb.ToString();
    }

    private static string? Parse(string text) => text.Trim().TrimEnd('.', '!', '?').Trim().ToLowerInvariant() switch
    {
        "my day" or "today" or "my card" or "card" or "nudge" or "my nudge" => ManagerViews.Day,
        "team" or "my team" or "team themes" or "themes" => ManagerViews.Team,
        "settings" or "my settings" => ManagerViews.Settings,
        "field day" or "field days" or "fieldday" or "slots" => ManagerViews.FieldDays,
        "help" or "?" or "what can you do" => ManagerViews.Help,
        _ => null,
    };
}

