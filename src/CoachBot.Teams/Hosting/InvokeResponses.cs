using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Teams.Cards;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Bodies for answering an <c>adaptiveCard/action</c> invoke synchronously: a card that replaces the one clicked,
/// a short message, or an error (Universal Actions response contract).
/// </summary>
public static class InvokeResponses
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(AdaptiveCard card) => Build(200, AdaptiveCard.ContentType, JsonSerializer.SerializeToNode(card, CardJson.Default.AdaptiveCard));

    public static InvokeResponse Message(string text) => Build(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Error(int status, string code, string message) =>
        Build(status, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    private static InvokeResponse Build(int status, string type, JsonNode? value)
    {
        var body = new JsonObject { ["statusCode"] = status, ["type"] = type, ["value"] = value };
        return new InvokeResponse(status, JsonSerializer.SerializeToElement(body, BodyContext.Default.JsonObject));
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class BodyContext : System.Text.Json.Serialization.JsonSerializerContext;
