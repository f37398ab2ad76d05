namespace CoachBot.Delivery;

public enum ProactiveOutcome
{
    Sent,
    /// <summary>CoachBot has no conversation with this user: the app was never installed for them.</summary>
    NotInstalled,
    /// <summary>Teams refused for good (bot removed or blocked, chat gone); the reference is now marked stale.</summary>
    Refused,
    /// <summary>There was nothing to send (e.g. the plan was changed or erased meanwhile).</summary>
    NothingToSend,
}

public sealed record ProactiveResult(ProactiveOutcome Outcome, string? ConversationId = null, string? ActivityId = null);
