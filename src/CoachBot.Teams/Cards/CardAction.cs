using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Cards;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionSubmit), "Action.Submit")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
[JsonDerivedType(typeof(ActionShowCard), "Action.ShowCard")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }
    /// <summary>default, positive or destructive (Teams renders only default).</summary>
    public string? Style { get; init; }
}

/// <summary>
/// Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke and shows the card the bot answers with.
/// <see cref="Fallback"/> (an Action.Submit) serves clients that predate 1.4.
/// </summary>
public sealed record ActionExecute(string Title, string Verb, JsonElement? Data = null) : CardAction(Title)
{
    /// <summary>Which inputs to send: "auto" (default) or "none".</summary>
    public string? AssociatedInputs { get; init; }
    /// <summary>Typed as the base action so the serializer writes its "type" discriminator (Action.Submit).</summary>
    public CardAction? Fallback { get; init; }
}

public sealed record ActionSubmit(string Title, JsonElement? Data = null) : CardAction(Title)
{
    public string? AssociatedInputs { get; init; }
}

public sealed record ActionOpenUrl(string Title, Uri Url) : CardAction(Title);

public sealed record ActionShowCard(string Title, AdaptiveCard Card) : CardAction(Title);
