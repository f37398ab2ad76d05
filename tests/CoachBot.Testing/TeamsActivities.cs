using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoachBot.Testing;

/// <summary>Activity JSON shaped like what Teams sends to a bot, for posting to /api/messages (tests and the load driver).</summary>
public static class TeamsActivities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:coachbot-local";

    public static JsonObject Message(string serviceUrl, string conversationId, string text, string? id = null, string userAad = "aad-rep-1", string conversationType = "personal") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["localTimezone"] = "Europe/Berlin",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:" + userAad, ["name"] = "Dana Rep", ["aadObjectId"] = userAad },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CoachBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = TenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
    };

    public static JsonObject Installed(string serviceUrl, string conversationId, string userAad = "aad-rep-1")
    {
        var a = Message(serviceUrl, conversationId, "", userAad: userAad);
        a["type"] = "installationUpdate";
        a["action"] = "add";
        a.Remove("text");
        return a;
    }

    public static JsonObject BotAdded(string serviceUrl, string conversationId, string userAad = "aad-rep-1")
    {
        var a = Message(serviceUrl, conversationId, "", userAad: userAad);
        a["type"] = "conversationUpdate";
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        a.Remove("text");
        return a;
    }

    /// <summary>A click on a card's Action.Execute button, as Teams sends it (an adaptiveCard/action invoke).</summary>
    public static JsonObject CardAction(string serviceUrl, string conversationId, string verb, JsonObject data, string userAad = "aad-rep-1") =>
        Message(serviceUrl, conversationId, "", userAad: userAad).AsCardAction(verb, data);

    /// <summary>Turns an activity into an adaptiveCard/action invoke carrying the verb and data (in place; returns it).</summary>
    public static JsonObject AsCardAction(this JsonObject activity, string verb, JsonNode data)
    {
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        return activity;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonObject activity) =>
        client.PostAsJsonAsync("/api/messages", activity);
}
