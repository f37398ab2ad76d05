using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.Security;

/// <summary>Activity builders for the security tests: any tenant, any (hostile) user and conversation id.</summary>
internal static class SecurityActivities
{
    public static JsonObject Message(string serviceUrl, string tenant, string userAad, string conversation, string text, string? id = null)
    {
        var a = TeamsActivities.Message(serviceUrl, conversation, text, id, userAad);
        a["conversation"]!["tenantId"] = tenant;
        a["channelData"]!["tenant"]!["id"] = tenant;
        return a;
    }

    public static JsonObject CardAction(string serviceUrl, string tenant, string userAad, string conversation, string verb, string planId)
    {
        return Message(serviceUrl, tenant, userAad, conversation, "").AsCardAction(verb, new JsonObject { ["verb"] = verb, ["planId"] = planId });
    }

    /// <summary>Rep messages that end in a dated plan (the last one states it).</summary>
    public static readonly string[] ToPlan = ["Client ghosted me after the demo", "Two emails and a voicemail", "A clear yes or no", "Go through my champion", "I'll call the CFO by Thursday"];
}
