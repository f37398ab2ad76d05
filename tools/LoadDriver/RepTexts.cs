using System.Text.Json.Nodes;

namespace CoachBot.Tools.LoadDriver;

/// <summary>Realistic Teams message activities: a rep working through a coaching conversation, one message at a time.</summary>
internal static class RepTexts
{
    // Conversations as reps have them: a problem, what they tried, what they want, options, a dated plan.
    private static readonly string[][] Scripts =
    [
        ["Client ghosted me after the demo", "Two emails and a voicemail, nothing back", "A clear yes or no by end of month", "Go through my champion or call the CFO", "I'll call the CFO by Thursday"],
        ["What should I do about a prospect who says our price is too high?", "I offered 10% off already", "Keep the margin and close this quarter", "Reframe on ROI, or cut scope", "I will send an ROI sheet by Friday"],
        ["My pipeline is thin for next quarter", "I have been mostly farming existing accounts", "Ten new qualified opportunities", "Cold outreach to the logistics vertical, ask for referrals", "I'll book five discovery calls by next Wednesday"],
        ["The procurement team keeps delaying the contract", "Legal has had it for three weeks", "Signature before the fiscal year closes", "Escalate through my sponsor, offer a call with our legal", "I will ask my sponsor for an intro to procurement by Tuesday"],
        ["help"],
        ["How do I handle a competitor who undercuts us?", "They quoted 30% lower on the same scope", "Win on value, not price", "Show the migration cost and the support difference", "I'll send the comparison to the buyer by Monday"],
        ["I lost a deal I was sure about and I don't know why", "I haven't asked them yet", "Learn what went wrong", "Ask for a short loss review call", "I will email them for a 15 minute call by tomorrow"],
    ];

    /// <summary>The n-th message of a user's conversation (scripts cycle, so long runs stay realistic).</summary>
    public static string TextFor(int user, int turn)
    {
        var script = Scripts[user % Scripts.Length];
        return script[turn % script.Length];
    }

    /// <summary>
    /// The kit's Teams message from rep <paramref name="user"/> of a bot's set of reps (<paramref name="conversations"/>),
    /// with what the Teams web client adds (local time, clientInfo), so the bot works out the rep's day as it would for a
    /// real one.
    /// </summary>
    public static JsonObject Message(string serviceUrl, string conversations, int user, string activityId, string text)
    {
        var a = TeamsActivities.Message(serviceUrl, $"a:{conversations}-conv-{user}", text, activityId, userAad: $"{conversations}-aad-{user}");
        a["localTimestamp"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(1)).ToString("O");
        a["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "DE", ["platform"] = "Web", ["timezone"] = "Europe/Berlin" });
        return a;
    }
}
