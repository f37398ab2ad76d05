using CoachBot.Teams.Cards;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// The turn spine, shaped like the Bot Framework SDK's TeamsActivityHandler: <see cref="OnTurnAsync"/> sorts an
/// activity into the handler a bot overrides. A card click is one handler whichever way Teams delivered it (a Universal
/// Action invoke or a legacy Action.Submit message); the bot's own install arrives both as installationUpdate and as
/// conversationUpdate, and both land in <see cref="OnInstalledAsync"/>. Anything else is acknowledged and ignored.
/// </summary>
public abstract class TeamsActivityHandler : IActivityHandler
{
    public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        var a = turn.Activity;
        if (CardActionInvoke.From(a) is { } action) return OnCardActionAsync(turn, action, ct);
        return a.Type switch
        {
            ActivityTypes.Message => Done(OnMessageAsync(turn, ct)),
            ActivityTypes.ConversationUpdate when BotWasAdded(a) => Done(OnInstalledAsync(turn, ct)),
            ActivityTypes.InstallationUpdate when a.Action?.StartsWith("add", StringComparison.Ordinal) == true => Done(OnInstalledAsync(turn, ct)),
            ActivityTypes.InstallationUpdate when a.Action?.StartsWith("remove", StringComparison.Ordinal) == true => Done(OnUninstalledAsync(turn, ct)),
            _ => Task.FromResult<InvokeResponse?>(null),
        };
    }

    /// <summary>A message from a user (text; card clicks go to <see cref="OnCardActionAsync"/>).</summary>
    protected virtual Task OnMessageAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The bot was installed for the user, or added to a group chat or team. May arrive twice for one install.</summary>
    protected virtual Task OnInstalledAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The bot was uninstalled: its conversation reference must not be used again.</summary>
    protected virtual Task OnUninstalledAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    /// <summary>A card button. The answer is the invoke response for a Universal Action; null for a legacy submit.</summary>
    protected virtual Task<InvokeResponse?> OnCardActionAsync(ITurnContext turn, CardActionInvoke action, CancellationToken ct) =>
        Task.FromResult(action.IsUniversalAction ? InvokeResponses.Error(400, "UnknownAction", "That button is not supported.") : null);

    private static async Task<InvokeResponse?> Done(Task work)
    {
        await work.ConfigureAwait(false);
        return null;
    }

    /// <summary>The bot itself was among the members added (in a 1:1, Teams may name the user instead).</summary>
    private static bool BotWasAdded(Activity a) =>
        a.MembersAdded?.Any(m => m.Id is not null && (m.Id == a.Recipient?.Id || (a.Conversation?.ConversationType == "personal" && m.Id == a.From?.Id))) == true;
}
