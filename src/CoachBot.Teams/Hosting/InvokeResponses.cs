using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// Bodies for answering an <c>adaptiveCard/action</c> invoke synchronously: a card that replaces the one clicked,
/// a short message, or an error (Universal Actions response contract). The HTTP status is always 200: Teams reads the
/// outcome from the body's <c>statusCode</c>, and a non-200 HTTP answer shows the user a generic failure instead.
/// </summary>
public static class InvokeResponses
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(AdaptiveCard card) => Build(200, AdaptiveCard.ContentType, JsonSerializer.SerializeToNode(card, CardJson.Default.AdaptiveCard));

    public static InvokeResponse Message(string text) => Build(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Error(int status, string code, string message) =>
        Build(status, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary>The card a response carries (its body's <c>value</c> when the type is a card); null for messages and errors.</summary>
    public static JsonElement? CardOf(InvokeResponse response) =>
        response.Body is { ValueKind: JsonValueKind.Object } body
        && body.TryGetProperty("type", out var type) && type.ValueEquals(AdaptiveCard.ContentType)
        && body.TryGetProperty("value", out var card) && card.ValueKind == JsonValueKind.Object
            ? card
            : null;

    /// <summary>A Universal Action invoke, whose every answer (refusals included) must follow this contract.</summary>
    public static bool IsUniversalAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == CardActionInvoke.InvokeName;

    private static InvokeResponse Build(int status, string type, JsonNode? value)
    {
        var body = new JsonObject { ["statusCode"] = status, ["type"] = type, ["value"] = value };
        return new InvokeResponse(200, JsonSerializer.SerializeToElement(body, BodyContext.Default.JsonObject));
    }

}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class BodyContext : System.Text.Json.Serialization.JsonSerializerContext;
