using System.Text.Json;
using CoachBot.Storage.DealHelp;
using CoachBot.Teams.Cards;

namespace CoachBot.DealHelp;

/// <summary>
/// The deal-help cards: the rep's (what to send, Send / Keep to myself, and how it ended) and the manager's message,
/// labelled as team selling. What reaches the manager is exactly what the rep left in the two boxes when pressing Send.
/// </summary>
public static class DealHelpCards
{
    public const string Send = "dealhelp.send";
    public const string Keep = "dealhelp.keep";

    public const string RequestInput = "request";
    public const string AskInput = "ask";
    public const int MaxLength = 500;

    /// <summary>The card under CoachBot's question: the rep's own line, editable, and what they want the manager to do.</summary>
    public static AdaptiveCard BuildAsk(string requestId, string? request, string? ask = null, bool kept = false, string? error = null)
    {
        List<CardElement> body =
        [
            Title("Ask your manager for deal help?"),
            new TextBlock("Joining a customer call to help win a deal is team selling, not a field day. Only what is in these two boxes goes to your manager, and only if you press Send.") { IsSubtle = true },
        ];
        if (kept) body.Add(new TextBlock("Kept to yourself: nothing was sent. You can still send it below.") { Color = "Good" });
        if (error is not null) body.Add(new TextBlock(error) { Color = "Attention" });
        body.Add(new InputText { Id = RequestInput, Label = "Your request", Value = Clip(request), IsMultiline = true, MaxLength = MaxLength, IsRequired = true, ErrorMessage = "Say which deal and when." });
        body.Add(new InputText { Id = AskInput, Label = "What would you like your manager to do on the call?", Value = Clip(ask), IsMultiline = true, MaxLength = MaxLength, Placeholder = "e.g. answer the pricing question, let me lead the rest" });
        body.Add(new ActionSet([Button("Send to my manager", Send, requestId), Button("Keep to myself", Keep, requestId)]));
        return new AdaptiveCard { FallbackText = "Ask your manager for deal help?", Body = body };
    }

    /// <summary>After Send: what went, and to whom. It never says the manager agreed.</summary>
    public static AdaptiveCard BuildSent(DealHelpRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new AdaptiveCard
        {
            FallbackText = $"Sent to {r.ManagerName} as a request for deal help.",
            Body =
            [
                Title("Deal help requested"),
                Facts(r),
                new TextBlock($"Sent to {r.ManagerName} as a request for deal help. They'll answer you themselves.") { Color = "Good" },
            ],
        };
    }

    /// <summary>The manager's message: the rep's request as deal help (team selling), apart from field days.</summary>
    public static AdaptiveCard BuildForManager(DealHelpRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new AdaptiveCard
        {
            FallbackText = $"Deal help (team selling): {r.RepName} asks for your help on a deal.",
            Body =
            [
                Title("Deal help (team selling)"),
                new TextBlock($"{r.RepName} asks for your help on a deal."),
                Facts(r),
                new TextBlock($"This is team selling, not a field day: a call you join to help win a deal doesn't count as coaching time. If you go, let {r.RepName} lead. Reply to {r.RepName} directly.") { IsSubtle = true, Size = "Small" },
            ],
        };
    }

    private static FactSet Facts(DealHelpRecord r) =>
        new([new Fact("Request", r.Request), .. r.Ask is { Length: > 0 } ask ? [new Fact("What they'd like you to do", ask)] : Array.Empty<Fact>()]);

    private static string? Clip(string? text) => text is { Length: > MaxLength } ? text[..MaxLength] : text;

    private static TextBlock Title(string text) => new(text) { Size = "Medium", Weight = "Bolder", Style = "heading" };

    private static ActionExecute Button(string title, string verb, string requestId)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["verb"] = verb, ["req"] = requestId }, DealHelpJson.Default.DictionaryStringString);
        return new ActionExecute(title, verb, data) { Fallback = new ActionSubmit(title, data) };
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DealHelpJson : System.Text.Json.Serialization.JsonSerializerContext;
