using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// The Socratic coach: given the conversation state and the rep's message, chooses the next question.
/// Pure and deterministic, so the same turn always yields the same reply and tests need no I/O.
/// </summary>
public static class CoachingEngine
{
    public const string WelcomeText =
        "Hi, I'm CoachBot. Bring me a deal or customer situation you're stuck on and I'll help you think it through " +
        "with a few questions, so you reach your own plan. I'll check in when it's due. What's on your mind? (Type help for more.)";

    public const string HelpText =
        "Here's what I can do:\n\n" +
        "- Tell me about a situation (\"the buyer says we're too expensive\") and I'll coach you with questions toward your own plan.\n" +
        "- **reset**: start a new topic.\n" +
        "- **help**: show this list.\n\n" +
        "What you write stays yours: your manager only sees topic counts and plans you choose to share.";

    private const int MaxReflectionWords = 12;

    public static CoachingReply Respond(CoachingState state, string? repText, DateOnly repToday)
    {
        var text = repText ?? string.Empty;
        switch (RepIntent.Classify(text))
        {
            case RepIntentKind.Help:
                return new CoachingReply(HelpText, ReplyKind.Help, null, state);
            case RepIntentKind.Reset:
                return Ask(CoachingState.New, "Fresh start. ", null, "What situation would you like to think through?", ReplyKind.Reset);
            case RepIntentKind.Empty:
            case RepIntentKind.Greeting when state.Stage is CoachingStage.Idle or CoachingStage.Committed:
                return state.Stage is CoachingStage.Idle or CoachingStage.Committed
                    ? Ask(state, "", null, "What deal or customer situation would you like to think through?", ReplyKind.CoachingQuestion)
                    : NextFrom(state with { Insistence = 0 }, QuestionBank.Smaller, "", state.Topic);
            case RepIntentKind.Insisting:
                return Insisted(state);
            case RepIntentKind.DontKnow:
                var stuck = state with { DontKnows = state.DontKnows + 1, Insistence = 0 };
                return NextFrom(stuck, stuck.DontKnows >= 2 ? QuestionBank.Unstuck : QuestionBank.Smaller, "", state.Topic);
        }

        var calm = state with { Insistence = 0, DontKnows = 0 };
        return state.Stage switch
        {
            CoachingStage.Idle or CoachingStage.Committed => Open(text),
            CoachingStage.Reality => Advance(calm, CoachingStage.Goal, Reflect(text)),
            CoachingStage.Goal => Advance(calm, CoachingStage.Options, Reflect(text)),
            CoachingStage.Options => Advance(calm, CoachingStage.Will, ""),
            _ => Commit(calm, text, repToday),
        };
    }

    private static CoachingReply Open(string text)
    {
        var topic = TopicDetector.Detect(text);
        var fresh = CoachingState.New with { Stage = CoachingStage.Reality, Topic = topic?.Id };
        return NextFrom(fresh, QuestionBank.ByStage[CoachingStage.Reality], "Let's work on it together. ", fresh.Topic);
    }

    private static CoachingReply Advance(CoachingState state, CoachingStage to, string prefix) =>
        NextFrom(state with { Stage = to }, QuestionBank.ByStage[to], prefix, state.Topic);

    private static CoachingReply Commit(CoachingState state, string text, DateOnly today)
    {
        var plan = Clip(text.Trim(), 500);
        var due = DueDateParser.Parse(text, today) ?? (state.Plan is not null ? DueDateParser.Parse(state.Plan, today) : null);
        if (due is null)
        {
            // Keep the plan, ask only for the date.
            var pending = state with { Plan = state.Plan ?? plan };
            return Ask(pending, "", "w-date", "Good. By what day will you have done it?", ReplyKind.CoachingQuestion);
        }
        var committed = state with { Stage = CoachingStage.Committed, Plan = state.Plan ?? plan, PlanDue = due };
        var confirmation = $"Your plan: “{committed.Plan}”, by {due.Value:dddd d MMMM}. I'll check in with you then. What might get in the way?";
        return Ask(committed, "", "w-confirm", confirmation, ReplyKind.PlanConfirmed);
    }

    private static CoachingReply Insisted(CoachingState state)
    {
        var pushed = state with { Insistence = state.Insistence + 1 };
        var reply = NextFrom(pushed, QuestionBank.Smaller, "You know this customer better than I do, so let's find your answer. ", state.Topic);
        if (pushed.Insistence < 2) return reply;
        // A rep who keeps insisting gets the offer of real field time with their manager, still as a question.
        var text = reply.Text + " Or would it help if I asked your manager for a field day on this?";
        return reply with { Text = AnswerGuard.Enforce(text) };
    }

    private static CoachingReply NextFrom(CoachingState state, IReadOnlyList<QuestionBank.Question> pool, string prefix, string? topicId)
    {
        // Vary the phrasing by conversation, never repeat within one: start at an offset and take the first unasked.
        var offset = (state.BotQuestions + (topicId?.Length ?? 0)) % pool.Count;
        for (var i = 0; i < pool.Count; i++)
        {
            var q = pool[(offset + i) % pool.Count];
            if (!state.AskedQuestionIds.Contains(q.Id)) return Ask(state, prefix, q.Id, Fill(q.Text, topicId), ReplyKind.CoachingQuestion);
        }
        foreach (var q in QuestionBank.Smaller.Concat(QuestionBank.Unstuck))
        {
            if (!state.AskedQuestionIds.Contains(q.Id)) return Ask(state, prefix, q.Id, Fill(q.Text, topicId), ReplyKind.CoachingQuestion);
        }
        return Ask(state, prefix, "fallback", AnswerGuard.SafeFallback, ReplyKind.CoachingQuestion);
    }

    private static CoachingReply Ask(CoachingState state, string prefix, string? questionId, string question, ReplyKind kind)
    {
        var text = AnswerGuard.Enforce(prefix + question);
        var asked = questionId is null || state.AskedQuestionIds.Contains(questionId)
            ? state.AskedQuestionIds
            : [.. state.AskedQuestionIds, questionId];
        return new CoachingReply(text, kind, questionId, state with { BotQuestions = state.BotQuestions + 1, AskedQuestionIds = asked });
    }

    private static string Fill(string template, string? topicId) =>
        template.Replace("{topic}", topicId is null ? "this" : TopicTaxonomy.Find(topicId)?.Phrase ?? "this", StringComparison.Ordinal);

    /// <summary>Mirrors the rep's own words back, which shows they were heard without adding the bot's view.</summary>
    private static string Reflect(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3) return "";
        var fragment = string.Join(' ', words.Take(MaxReflectionWords)).TrimEnd('.', ',', '!', '?', ';', ':');
        fragment = fragment.Replace('“', '"').Replace('”', '"');
        return words.Length > MaxReflectionWords ? $"You said “{fragment}…”. " : $"You said “{fragment}”. ";
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
