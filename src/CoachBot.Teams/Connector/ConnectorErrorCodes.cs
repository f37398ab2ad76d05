using System.Net;
using System.Text.Json;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Reads Teams' error bodies and says which codes mean "this user or conversation is gone for the bot"
/// (Microsoft Learn, "Send proactive messages": error codes table, and the blocked-bot 403 example).
/// </summary>
public static class ConnectorErrorCodes
{
    /// <summary>The bot was removed from the conversation (app uninstalled, bot removed from the chat or team).</summary>
    public const string BotNotInConversationRoster = "BotNotInConversationRoster";
    /// <summary>The user blocked the bot.</summary>
    public const string ConversationBlockedByUser = "ConversationBlockedByUser";
    /// <summary>Create-conversation for a user who does not have the app installed in personal scope.</summary>
    public const string ForbiddenOperationException = "ForbiddenOperationException";
    public const string ConversationNotFound = "ConversationNotFound";
    /// <summary>The subCode of a 403 for a user who blocked or uninstalled the bot.</summary>
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    public static bool MeansGone(HttpStatusCode status, string? code, string? subCode) => status switch
    {
        HttpStatusCode.Forbidden => Is(subCode, MessageWritesBlocked)
            || Is(code, BotNotInConversationRoster) || Is(code, ConversationBlockedByUser) || Is(code, ForbiddenOperationException),
        HttpStatusCode.NotFound => Is(code, ConversationNotFound),
        _ => false,
    };

    /// <summary>
    /// Code, subCode and message of an error body. Teams uses two shapes: <c>{"error":{"code","message"}}</c> and, for a
    /// blocked bot, <c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",...}"}</c> (a JSON string inside).
    /// </summary>
    public static (string? Code, string? SubCode, string? Message) Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return (null, null, null);
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : root;
        var code = String(error, "code");
        var message = String(error, "message");
        var subCode = String(error, "subCode") ?? SubCodeInside(message);
        return (code, subCode, message);
    }

    private static string? SubCodeInside(string? message)
    {
        if (message is null || !message.TrimStart().StartsWith('{')) return null;
        try
        {
            using var inner = JsonDocument.Parse(message);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? String(inner.RootElement, "subCode") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);
}
