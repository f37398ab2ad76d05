using System.Text.RegularExpressions;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.FollowUp;

/// <summary>
/// Follows up a commitment when it is due. The host calls <see cref="Start"/> on the due day; the rep's next messages go
/// through <see cref="CoachingEngine.Respond(CoachingState, string?, DateOnly)"/> as usual, which hands them here while
/// <see cref="CoachingState.FollowUp"/> is set:
/// <list type="number">
/// <item>the opening question asks how the plan went, in the plan's own words ("How did the call with the CFO go?");</item>
/// <item>the reply is classified Done / Partly / NotYet (<see cref="ReplyKind.FollowUpRecorded"/>, the rep's text is what they learned)
///   and exactly one reflective question follows;</item>
/// <item>the answer to it is recorded (<see cref="ReplyKind.FollowUpReflected"/>); after Partly or NotYet the rep is asked for
///   their next step and by when (the Will stage), after Done the conversation is open again.</item>
/// </list>
/// </summary>
public static partial class FollowUpEngine
{
    private const int MaxLearnedChars = 1000;

    public static CoachingReply Start(CoachingState state, Commitment plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        var follow = new FollowUpState(plan.Plan, plan.Due, plan.TopicId, FollowUpStep.AwaitingOutcome, FollowUpOutcome.Unclear, null, 0);
        var s = state with { FollowUp = follow, Drill = null, AwaitingReply = null, Topic = plan.TopicId ?? state.Topic };
        return CoachingEngine.Ask(s, "", "fu-open", OpeningQuestion(plan.Plan), ReplyKind.FollowUpQuestion);
    }

    /// <summary>"How did the call with the CFO go?" from "I'll call the CFO by Thursday"; always a question.</summary>
    public static string OpeningQuestion(string plan)
    {
        var phrase = PlanPhrase(plan);
        var q = phrase is null ? $"How did it go with your plan “{CoachingEngine.Quote(plan, 160)}”?" : $"How did {phrase} go?";
        return AnswerGuard.IsCoachingSafe(q) ? q : "How did it go with your plan?";
    }

    public static FollowUpOutcome Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return FollowUpOutcome.Unclear;
        var t = " " + text.ToLowerInvariant().Replace('’', '\'') + " ";
        if (Partly().IsMatch(t)) return FollowUpOutcome.Partly;
        if (NotYet().IsMatch(t)) return FollowUpOutcome.NotYet;
        if (Done().IsMatch(t)) return FollowUpOutcome.Done;
        // A rep who tells what happened ("the CFO liked it and wants a proposal") did it.
        return Topics.TopicDetector.Words(text).Length >= 5 ? FollowUpOutcome.Done : FollowUpOutcome.Unclear;
    }

    public static CoachingReply Continue(CoachingState state, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var f = state.FollowUp ?? throw new ArgumentException("No follow-up is open.", nameof(state));
        var intent = RepIntent.Classify(text);

        if (f.Step == FollowUpStep.AwaitingOutcome)
        {
            var outcome = Classify(text);
            if (outcome == FollowUpOutcome.Unclear && f.Clarifications == 0)
            {
                return CoachingEngine.Ask(state with { FollowUp = f with { Clarifications = 1 } }, "", "fu-clarify",
                    "Did it happen: all of it, part of it, or not yet?", ReplyKind.FollowUpQuestion);
            }
            if (outcome == FollowUpOutcome.Unclear) outcome = FollowUpOutcome.Partly;
            var learned = CoachingEngine.Clip(text, MaxLearnedChars);
            var next = f with { Step = FollowUpStep.AwaitingReflection, Outcome = outcome, Learned = learned };
            var (id, question) = Reflective(outcome, state.Seed + state.BotQuestions);
            var ack = outcome switch
            {
                FollowUpOutcome.Done => "Well done for following through. ",
                FollowUpOutcome.Partly => "Some of it moved. ",
                _ => "Thanks for being straight about it. ",
            };
            return CoachingEngine.Ask(state with { FollowUp = next }, ack, id, question, ReplyKind.FollowUpRecorded)
                with { FollowUp = new FollowUpResult(f.Plan, f.Due, outcome, learned, null) };
        }

        var result = new FollowUpResult(f.Plan, f.Due, f.Outcome, f.Learned ?? "", intent is RepIntentKind.Empty ? null : CoachingEngine.Clip(text, MaxLearnedChars));
        var closed = state with { FollowUp = null };
        if (f.Outcome == FollowUpOutcome.Done)
        {
            var open = closed with { Stage = CoachingStage.Committed, AwaitingReply = null };
            return CoachingEngine.Ask(open, "Thanks for sharing that. ", "fu-close", "What would you like to think through next, if anything?", ReplyKind.FollowUpReflected)
                with { FollowUp = result };
        }
        // Not (fully) done: back to the Will stage of the same topic, for a new commitment.
        var will = closed with
        {
            Stage = CoachingStage.Will,
            Topic = f.TopicId ?? state.Topic,
            Plan = null,
            PlanDue = null,
            StageQuestions = 1,
            AwaitingReply = null,
            Situation = CoachingEngine.Clip(f.Plan, CoachingEngine.MaxNoteChars),
        };
        return CoachingEngine.Ask(will, "Thanks. ", "fu-will", "What will you do now, and by what day?", ReplyKind.FollowUpReflected)
            with { FollowUp = result };
    }

    private static (string Id, string Question) Reflective(FollowUpOutcome outcome, int seed)
    {
        (string, string)[] options = outcome switch
        {
            FollowUpOutcome.Done =>
            [
                ("fu-done1", "What did you learn from it that you'll use again?"),
                ("fu-done2", "What made it work, in your view?"),
                ("fu-done3", "What would you do differently next time, if anything?"),
            ],
            FollowUpOutcome.Partly =>
            [
                ("fu-part1", "What helped with the part that got done, and what held up the rest?"),
                ("fu-part2", "What did you learn from how far it got?"),
            ],
            _ =>
            [
                ("fu-not1", "What got in the way?"),
                ("fu-not2", "What would have made it easier to do?"),
            ],
        };
        return options[(int)((uint)seed % (uint)options.Length)];
    }

    /// <summary>The plan as a noun phrase for "How did … go?", or null when it does not read as "I will &lt;verb&gt; …".</summary>
    internal static string? PlanPhrase(string plan)
    {
        var t = CoachingEngine.Quote(plan, 300).Trim().TrimEnd('.', '!', ';', '…').Replace('’', '\'');
        t = Subject().Replace(t, "");
        t = CutDateTail(t);
        if (t.Length == 0) return null;
        var parts = And().Split(t).Select(Gerund).ToList();
        if (parts.Any(p => p is null)) return null;
        var phrase = SwapPronouns(string.Join(" and ", parts));
        return phrase.Split(' ').Length > 16 ? null : phrase;
    }

    private static string CutDateTail(string t)
    {
        foreach (Match m in DateTailStart().Matches(t))
        {
            var tail = t[m.Index..];
            if (m.Index > 0 && DueDateParser.Read(tail, new DateOnly(2026, 1, 5)).Status != DueDateStatus.None)
                return t[..m.Index].TrimEnd(' ', ',', '-');
        }
        return t;
    }

    private static string? Gerund(string clause)
    {
        var words = clause.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var verb = words[0].ToLowerInvariant();
        var rest = string.Join(' ', words.Skip(1));
        var restAfterWith = words.Length > 1 && words[1].ToLowerInvariant() is "with" or "to" ? string.Join(' ', words.Skip(2)) : rest;
        switch (verb)
        {
            case "call" or "phone" or "ring" when rest.Length > 0:
                return $"the call with {restAfterWith}";
            case "meet" when rest.Length > 0:
                return $"the meeting with {restAfterWith}";
            case "email" or "mail" when rest.Length > 0 && !rest.StartsWith("the ", StringComparison.OrdinalIgnoreCase):
                return $"the email to {restAfterWith}";
            case "talk" or "speak" when rest.Length > 0:
                return $"the conversation with {restAfterWith}";
        }
        // Only a plain lower-case word reads as a verb ("CFO," or "Q4" do not).
        if (!verb.All(char.IsLetter) || words[0].Length > 1 && words[0].All(char.IsUpper) || NotVerbs.Contains(verb)) return null;
        return rest.Length > 0 ? $"{Ing(verb)} {rest}" : Ing(verb);
    }

    internal static string Ing(string verb)
    {
        if (verb.EndsWith("ing", StringComparison.Ordinal) && verb.Length > 5) return verb;
        if (verb.EndsWith("ie", StringComparison.Ordinal)) return verb[..^2] + "ying";
        if (verb is "be" or "see" or "agree" or "free") return verb + "ing";
        if (verb.EndsWith('e') && !verb.EndsWith("ee", StringComparison.Ordinal)) return verb[..^1] + "ing";
        if (Doubling.Contains(verb)) return verb + verb[^1] + "ing";
        return verb + "ing";
    }

    private static readonly HashSet<string> Doubling = new(StringComparer.Ordinal)
    {
        "get", "set", "put", "run", "plan", "stop", "chat", "map", "cut", "drop", "ship", "pin", "prep", "sit", "let", "hit", "win", "dig", "shop", "nudge",
    };

    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "my", "our", "their", "his", "her", "it", "this", "that", "by", "on", "to", "and", "or", "maybe", "probably",
        "cfo", "ceo", "if", "when", "not", "no", "yes", "ok", "okay",
    };

    private static string SwapPronouns(string s) => PronounWord().Replace(s, m => m.Value.ToLowerInvariant() switch
    {
        "my" => "your",
        "me" => "you",
        "i" => "you",
        "mine" => "yours",
        "myself" => "yourself",
        "our" => "your",
        "ours" => "yours",
        "we" => "you",
        "us" => "you",
        "i'm" => "you're",
        "i've" => "you've",
        _ => m.Value,
    });

    [GeneratedRegex(@"^(ok(ay)?[,.]?\s+|so[,]?\s+|well[,]?\s+|then\s+)?(i('ll| will| am going to|'m going to| plan to| want to| need to| shall| can| should| must|'d like to| would like to| commit to|'m gonna| am gonna)|ill|gonna|going to|will|plan to|my plan is to|plan is to|i'll try to|try to)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Subject();

    [GeneratedRegex(@"\s+(by|on|before|until|till|this|next|in|within|tomorrow|today|tonight|end of|no later than|latest|eod|eow|first thing)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateTailStart();

    [GeneratedRegex(@"\s+(?:and|then|and then)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"\b(my|me|i|mine|myself|our|ours|we|us|i'm|i've)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounWord();

    [GeneratedRegex(@"\b(partly|partially|part of it|half|halfway|some of it|sort of|kind of|kinda|in progress|started|mixed|not all|not fully|not completely|not entirely|one of|only managed|got halfway|left a (voice ?mail|message)|voicemail|still waiting|waiting on|waiting for|rescheduled|moved to|but)\b")]
    private static partial Regex Partly();

    [GeneratedRegex(@"\b(not yet|didn't|did not|didnt|haven't|have not|havent|hasn't|couldn't|could not|wasn't able|was not able|no time|forgot|postponed|cancel+ed|skipped|never got|not done|nope|no\b|nothing happened|didn't happen|not happened|fell through|got pulled|too busy)\b|^\s*no[\s.!,]")]
    private static partial Regex NotYet();

    [GeneratedRegex(@"\b(done|did it|did|went well|went great|went ok|went fine|went good|great|good|yes|yep|yeah|completed|finished|sent|called|met|spoke|talked|had the (call|meeting)|signed|booked|happened|it went|nailed it|success)\b")]
    private static partial Regex Done();
}
