using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Cards;

/// <summary>
/// An Adaptive Card (1.5 by default: Teams desktop/web; Universal Actions need it). Serialize with
/// <see cref="CardJson"/>; every card the app sends is checked by the official parser in the tests.
/// </summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("type")] public string Type { get; init; } = "AdaptiveCard";
    [JsonPropertyName("$schema")] public string Schema { get; init; } = SchemaUrl;
    public string Version { get; init; } = "1.5";
    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }
    public string? Speak { get; init; }
    public IReadOnlyList<CardElement> Body { get; init; } = [];
    public IReadOnlyList<CardAction>? Actions { get; init; }
    /// <summary>Universal Actions refresh: Teams invokes this action when the card is shown to one of <see cref="CardRefresh.UserIds"/>.</summary>
    public CardRefresh? Refresh { get; init; }

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, CardJson.Default.AdaptiveCard);

    public string ToJson() => JsonSerializer.Serialize(this, CardJson.Default.AdaptiveCard);
}

public sealed record CardRefresh(ActionExecute Action, IReadOnlyList<string>? UserIds = null);
