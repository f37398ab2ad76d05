using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// A check the host adds to <see cref="ActivityValidator"/> for limits this layer cannot know (e.g. how long a
/// storage key an id becomes). Registered in DI; <see cref="BotAdapter"/> runs every rule after the built-in checks,
/// before authentication and before any work, and answers 400 with the first reason.
/// </summary>
public interface IActivityRule
{
    /// <summary>Null when the activity passes, else a short reason for the 400 response (never echo ids or text).</summary>
    string? Check(Activity activity);
}
