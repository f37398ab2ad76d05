using System.Text.Json;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Cards;

/// <summary>
/// A click on a card button, whichever way it arrived: a Universal Action (<c>invoke</c> named
/// <c>adaptiveCard/action</c>, value.action.verb/data) or a legacy Action.Submit (a <c>message</c> whose value holds the
/// data and, by CoachBot's convention, a "verb" property). Inputs are merged into <see cref="Data"/> by the client.
/// </summary>
public sealed record CardActionInvoke(string Verb, JsonElement Data, bool IsUniversalAction)
{
    public const string InvokeName = "adaptiveCard/action";

    public static CardActionInvoke? From(Activity a)
    {
        if (a.Type == ActivityTypes.Invoke && a.Name == InvokeName && a.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String)
        {
            var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : EmptyObject;
            return new CardActionInvoke(verb.GetString()!, data, IsUniversalAction: true);
        }
        if (a.Type == ActivityTypes.Message && a.Value is { ValueKind: JsonValueKind.Object } submitted
            && submitted.TryGetProperty("verb", out var submitVerb) && submitVerb.ValueKind == JsonValueKind.String)
            return new CardActionInvoke(submitVerb.GetString()!, submitted, IsUniversalAction: false);
        return null;
    }

    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
