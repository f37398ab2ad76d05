using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>Activity JSON shaped like what Teams sends to a bot, for posting to /api/messages.</summary>
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

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonObject activity) =>
        client.PostAsJsonAsync("/api/messages", activity);
}
