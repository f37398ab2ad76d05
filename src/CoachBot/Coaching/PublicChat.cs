using CoachBot.Coaching.Dialogue;
using CoachBot.Teams.Schema;

namespace CoachBot.Coaching;

/// <summary>
/// In a group chat or a team channel everyone reads along, so CoachBot never coaches there: it answers help and practice
/// and invites the rep to a 1:1 chat for the rest. What a rep writes about a deal stays between them and the bot.
/// </summary>
internal static class PublicChat
{
    public const string InviteKind = "PublicInvite";

    public const string InviteText =
        "I coach one to one, so what you tell me stays yours. Open a chat with me (select my name, then **Chat**) and tell me there. " +
        "Here I can do **help** and **practice**.";

    public static AsideReply? Redirect(Activity activity, CoachingState state, string text, DateOnly today)
    {
        if (activity.Conversation?.ConversationType is null or "personal") return null;
        // A drill in progress (or its "another one?") is practice: its answers go on to the engine.
        if (state.Drill is not null || state.AwaitingReply == Awaiting.AnotherDrill) return null;
        return RepIntent.Classify(text) is RepIntentKind.Help or RepIntentKind.Practice
            ? null
            : new AsideReply(InviteKind, InviteText, today);
    }
}
