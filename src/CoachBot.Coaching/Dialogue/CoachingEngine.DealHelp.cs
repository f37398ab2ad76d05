namespace CoachBot.Coaching.Dialogue;

public static partial class CoachingEngine
{
    /// <summary>
    /// "Can you join my call with Contoso?": team selling, a fair thing to ask for. CoachBot cannot promise the manager's
    /// time, so it says that nothing goes out unless the rep presses Send on the card, never that the manager agreed, and
    /// asks what the rep wants from the manager on the call. The arc and its stage stay as they were.
    /// </summary>
    private static CoachingReply DealHelpOffered(CoachingState state) => new(
        "That sounds like a request for your manager's help on a deal (team selling). I won't pass anything on unless you " +
        "press Send on the card below, and it's your manager's call whether they can join. Before you send it: what would " +
        "you want them to do on that call, and which part will you lead yourself?",
        ReplyKind.DealHelpOffered, null, state);
}
