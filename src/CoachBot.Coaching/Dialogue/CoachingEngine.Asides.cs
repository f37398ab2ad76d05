using System.Text.RegularExpressions;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// Messages that are not coaching material get their own answer and leave the arc where it was: nothing is quoted back
/// or stored as an answer, the stage does not move, and no field day is offered.
/// </summary>
public static partial class CoachingEngine
{
    private static CoachingReply? Aside(CoachingState state, string text, RepIntentKind intent)
    {
        var arcOpen = state.Stage is >= CoachingStage.Reality and <= CoachingStage.Will;
        var k = (int)((uint)(StableHash(text) + state.BotQuestions) % 3u);
        var back = arcOpen && state.Subject is { } subject ? $"Shall we get back to {subject}, or is something else on your mind?"
            : arcOpen ? "Shall we pick up where we were, or is something else on your mind?"
            : "What deal or customer situation would you like to think through?";
        var kept = state with { AwaitingReply = state.AwaitingReply == Awaiting.Obstacle ? null : state.AwaitingReply };
        return intent switch
        {
            RepIntentKind.OffTopic => AsideAsk(kept, TurnCategory.OffTopic, RepIntent.SettlesAside(text) ? "Glad that's sorted. "
                : "That's outside what I can help with: I'm CoachBot, a sales coach for your deals and customers. ", back),
            RepIntentKind.Win => AsideAsk(kept, TurnCategory.Win, k switch
            {
                0 => "Congratulations, that's a real win! ",
                1 => "Well done, that's great news! ",
                _ => "That's a big one, congratulations! ",
            }, k switch
            {
                0 => "What do you think made it work?",
                1 => "What made the difference this time?",
                _ => "What did you do on this one that you'd want to do again?",
            }),
            RepIntentKind.Distress => AsideAsk(kept with { FieldDayOffered = true }, TurnCategory.Distress, k switch
            {
                0 => "That sounds really hard, and thank you for telling me. ",
                1 => "I'm sorry it's this heavy right now. That matters more than any deal. ",
                _ => "That sounds exhausting, and it's okay to say so. ",
            }, k switch
            {
                0 => "How are you doing, really?",
                1 => "What would help you most right now, even if it has nothing to do with sales?",
                _ => "Is there someone you trust you can talk to about how you're feeling?",
            }),
            RepIntentKind.Closing => Closing(kept),
            RepIntentKind.TimePressure => AsideAsk(kept, TurnCategory.TimePressure, "Then let's use the minutes you have. ", k switch
            {
                0 => "What's the one thing you want to walk out of that conversation with?",
                1 => "What do you want them to say or agree to by the end of it?",
                _ => "What's the one question you most want answered in it?",
            }),
            RepIntentKind.ManagerComplaint => AsideAsk(kept with { FieldDayOffered = true }, TurnCategory.ManagerComplaint, k switch
            {
                0 => "That sounds frustrating. ",
                1 => "That's a hard spot to be in. ",
                _ => "I hear you, that's tough. ",
            }, k switch
            {
                0 => "What would you most want to be different in how the two of you work together?",
                1 => "What part of it gets in the way of your work with customers the most?",
                _ => "What is in your hands in this, and what isn't?",
            }),
            _ => null,
        };
    }

    /// <summary>An aside question: no question id (it is not part of the arc's bank) and the arc is left as it was.</summary>
    private static CoachingReply AsideAsk(CoachingState state, TurnCategory category, string prefix, string question) =>
        Ask(state with { LastAside = category }, prefix, null, question, ReplyKind.CoachingQuestion) with { Category = category };

    /// <summary>"thanks, that's all": end warmly and leave the door open; the arc stays where it is for next time.</summary>
    private static CoachingReply Closing(CoachingState state)
    {
        var due = state.Stage == CoachingStage.Committed && state.PlanDue is { } d ? $" I'll check in on {FormatDate(d)} to hear how it went." : "";
        var text = $"Glad we talked. Good luck with it!{due} I'm here whenever you want to think something through.";
        return new CoachingReply(text, ReplyKind.Notice, null, state) { Category = TurnCategory.Closing };
    }

    /// <summary>"actually forget X, my bigger problem is Y": a clear switch to a confidently different topic re-opens the arc.</summary>
    private static CoachingReply? TopicChange(CoachingState state, string text)
    {
        if (!TopicSwitch().IsMatch(text.ToLowerInvariant().Replace('’', '\''))) return null;
        var guess = TopicClassifier.Classify(text);
        if (!guess.IsConfident || guess.Topic!.Id == state.Topic) return null;
        return Open(state, text, "Okay, let's look at that instead. ");
    }

    // "thanks, that's all for today": the goodbye's "today" is not the day asked for.
    [GeneratedRegex(@"\b(all|it|everything|done|enough) for (today|now|the day)\b")]
    private static partial Regex ClosingDay();

    [GeneratedRegex(@"\b(turns out|the real (thing|question|story|blocker|worry)|thing is|truth is|honestly,? i (don't|dont|do not) even|main (problem|issue|thing|worry)|actually|forget (about )?(it|that|this|the|northwind|\w+)|never ?mind|bigger (problem|issue|worry)|more (urgent|important|pressing)|different (topic|thing|issue|problem)|something else|other thing|change of topic|new topic|the real (problem|issue)|what i really|switch(ing)? (topic|gears)|on another note|separate (issue|thing|question))\b")]
    private static partial Regex TopicSwitch();
}
