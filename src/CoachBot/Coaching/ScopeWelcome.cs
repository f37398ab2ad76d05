using CoachBot.Coaching.Dialogue;
using CoachBot.Teams.Schema;

namespace CoachBot.Coaching;

/// <summary>
/// The welcome for the scope CoachBot was added to. In the 1:1 chat it invites the rep to bring a situation. In a group
/// chat or a team channel everyone reads along and CoachBot never coaches there (<see cref="PublicChat"/>), so it says
/// who it is for, what it does there (help, practice, when @mentioned) and where the coaching happens — once, briefly,
/// and without asking anyone for deal details in front of the others.
/// </summary>
internal static class ScopeWelcome
{
    public const string GroupChatText =
        "Hi everyone, I'm CoachBot, a sales coach. I coach one to one, so what a rep tells me stays theirs: to work through " +
        "a deal, open a chat with me (select my name, then **Chat**). Here, @mention me with **practice** for a short practice " +
        "round on the team's messaging, or **help**.";

    public const string ChannelText =
        "Hi team, I'm CoachBot, a sales coach. I don't coach in channels, where everyone reads along: open a 1:1 chat with me " +
        "(select my name, then **Chat**) to work through a deal. In this channel, @mention me with **practice** for a short " +
        "practice round on the team's messaging, or **help**.";

    public static string For(Activity activity) => activity.Conversation?.ConversationType switch
    {
        "groupChat" => GroupChatText,
        "channel" => ChannelText,
        _ => CoachingEngine.WelcomeText,
    };
}
