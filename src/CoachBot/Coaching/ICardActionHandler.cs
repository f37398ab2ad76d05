using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.Coaching;

/// <summary>
/// Handles the card buttons whose verbs it owns (e.g. "plan.*", "nudge.*"). The returned response is the invoke
/// answer for a Universal Action, and its card replaces the clicked one for a legacy Action.Submit.
/// </summary>
internal interface ICardActionHandler
{
    bool Handles(string verb);

    Task<InvokeResponse> HandleAsync(CardActionInvoke action, RepIdentity user, CancellationToken ct);
}
