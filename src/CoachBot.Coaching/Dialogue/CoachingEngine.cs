using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Drills;
using CoachBot.Coaching.FollowUp;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// The Socratic coach: given the conversation state and the rep's message, chooses the next question.
/// Pure and deterministic, so the same turn always yields the same reply and tests need no I/O.
/// Order of precedence for a message: a pending "forget me" confirmation, then commands (whole-message words such as
/// "help", "practice", "share"), then an open drill, then an open follow-up, then the GROW arc.
/// </summary>
public static partial class CoachingEngine
{
    /// <summary>Said once the rep's data is gone (the host sends it only after the erase completed).</summary>
    public const string ForgottenText = "Done. I've forgotten you: everything I held about you is erased. If you ever want to start again, just write to me.";

    public const string WelcomeText =
        "Hi, I'm CoachBot. Bring me a deal or customer situation you're stuck on and I'll help you think it through " +
        "with a few questions, so you reach your own plan. I'll check in when it's due. What's on your mind? (Type help for more.)";

    public const string HelpText =
        "Here's what I can do:\n\n" +
        "- Tell me about a situation (\"the buyer says we're too expensive\") and I'll coach you with questions toward your own plan, then check in when it's due.\n" +
        "- **practice**: a short practice round on the team's sales messaging.\n" +
        "- **my plans**: list the plans you've made.\n" +
        "- **share**: share your latest plan with your manager.\n" +
        "- **field day**: ask your manager for a field day with you.\n" +
        "- **export**: get your plans and our conversations as JSON, here in the chat.\n" +
        "- **stop check-ins** / **start check-ins**: turn off (or back on) my messages when a plan is due.\n" +
        "- **forget me**: erase everything I hold about you (I'll ask you to confirm).\n" +
        "- **reset**: start a new topic.\n" +
        "- **help**: show this list.\n\n" +
        "What you write stays yours: your manager only sees topic counts and plans you choose to share.";

    /// <summary>The heading of "my plans"; the host adds the list (or says there is none instead).</summary>
    public const string ListPlansHeading = "Your open plans:";

    public const string LanguageNotice = "I can only coach in English for now, but let's keep going. ";

    internal const int MaxPlanChars = 500;
    internal const int MaxNoteChars = 300;

    private static readonly string[] FieldDayOffers =
    [
        " Or would it help if I asked your manager for a field day on this?",
        " Or shall I ask your manager for some field time with you on this?",
        " Or would a field day with your manager help here, so shall I ask for one?",
    ];

    private static readonly string[] LastResort =
    [
        "What else comes to mind?",
        "What would you like to look at next?",
        "Where would you like to go from here?",
        "What feels most important right now?",
    ];

    public static CoachingReply Respond(CoachingState state, string? repText, DateOnly repToday) => Respond(state, repText, repToday, null);

    /// <summary>
    /// One turn. When <paramref name="drills"/> is given, "practice" starts a drill at once (<see cref="ReplyKind.DrillPrompt"/>);
    /// without it the engine returns <see cref="ReplyKind.PracticeRequested"/> and the host calls <see cref="DrillEngine.Start(CoachingState, DrillLibrary, DateOnly)"/>.
    /// </summary>
    public static CoachingReply Respond(CoachingState state, string? repText, DateOnly repToday, DrillLibrary? drills)
    {
        ArgumentNullException.ThrowIfNull(state);
        var text = (repText ?? string.Empty).Trim();
        var intent = RepIntent.Classify(text);

        if (state.AwaitingReply == Awaiting.ForgetMeConfirmation)
        {
            if (intent is RepIntentKind.ConfirmForget)
                return new CoachingReply(ForgottenText, ReplyKind.ForgetMeConfirmed, null, CoachingState.New);
            return ForgetCancelled(state with { AwaitingReply = null });
        }

        switch (intent)
        {
            case RepIntentKind.Help:
                return new CoachingReply(HelpText, ReplyKind.Help, null, state);
            case RepIntentKind.Reset:
                return Ask(Fresh(state) with { FieldDayOffered = false, SuggestedDrill = null }, "Fresh start. ", null, "What situation would you like to think through?", ReplyKind.Reset);
            case RepIntentKind.ListPlans:
                return new CoachingReply(ListPlansHeading, ReplyKind.ListPlans, null, state);
            case RepIntentKind.Settings:
                return new CoachingReply(state.CheckInsOff
                        ? "Your settings: check-ins are off, so I won't message you when a plan is due. Type start check-ins to turn them on. (Managers get a settings card here.)"
                        : "Your settings: check-ins are on, so I'll message you when a plan is due. Type stop check-ins to turn them off. (Managers get a settings card here.)",
                    ReplyKind.Notice, null, state);
            case RepIntentKind.ManagerOnly:
                return new CoachingReply("\"my day\" and \"team\" are for managers. As a rep you can bring me a situation, or type my plans, practice, share or help.",
                    ReplyKind.Notice, null, state);
            case RepIntentKind.Practice:
                var paused = state with { Drill = null, AwaitingReply = null };
                return drills is null
                    ? new CoachingReply("Let's practise. Getting a practice round ready…", ReplyKind.PracticeRequested, null, paused)
                    : DrillEngine.Start(paused, drills, repToday);
            case RepIntentKind.Share:
                return state.LastPlan is { } plan
                    ? new CoachingReply($"I'll share your plan “{Quote(plan.Plan, 200)}” (due {FormatDate(plan.Due)}) with your manager.",
                        ReplyKind.ShareWithManager, null, state) { Plan = plan }
                    : new CoachingReply("There's no plan to share yet. Once we've worked something through and you've made a plan, type share to send it to your manager.",
                        ReplyKind.Notice, null, state);
            case RepIntentKind.ForgetMe:
                return new CoachingReply(
                    "This erases everything I hold about you: conversations, plans and practice history. It can't be undone. " +
                    "To go ahead, reply \"yes, forget me\". Anything else cancels.",
                    ReplyKind.ForgetMeConfirmRequested, null, state with { AwaitingReply = Awaiting.ForgetMeConfirmation });
            case RepIntentKind.Export:
                return new CoachingReply("I'm putting together a copy of everything I hold about you. It will arrive here shortly.", ReplyKind.Export, null, state);
            case RepIntentKind.FieldDay:
                return FieldDayRequested(state);
            case RepIntentKind.DealHelp when state.Drill is null && state.FollowUp is null:
                return DealHelpOffered(state);
            case RepIntentKind.StopCheckIns:
                return new CoachingReply("Okay, I won't message you when a plan is due. You can still check in with me any time. Type start check-ins to turn them back on.",
                    ReplyKind.Notice, null, state with { CheckInsOff = true });
            case RepIntentKind.StartCheckIns:
                return new CoachingReply("Check-ins are on: I'll message you when a plan is due to ask how it went. Type stop check-ins to turn them off.",
                    ReplyKind.Notice, null, state with { CheckInsOff = false });
        }

        var reply = state.Drill is not null ? DrillEngine.Continue(state, text, repToday)
            : state.FollowUp is not null ? FollowUpEngine.Continue(state, text, repToday)
            : Pending(state, text, intent, repToday, drills) ?? Coach(state, text, intent, repToday);

        if (!reply.State.LanguageNoticeGiven && reply.Kind.IsCoachingTurn() && RepIntent.LooksNonEnglish(text))
            reply = reply with { Text = AnswerGuard.Enforce(LanguageNotice + reply.Text), State = reply.State with { LanguageNoticeGiven = true } };
        return reply;
    }

    /// <summary>Answers to the bot's own yes/no offers.</summary>
    private static CoachingReply? Pending(CoachingState state, string text, RepIntentKind intent, DateOnly today, DrillLibrary? drills)
    {
        switch (state.AwaitingReply)
        {
            case Awaiting.FieldDayAnswer:
                if (intent is RepIntentKind.Yes) return FieldDayRequested(state);
                var cleared = state with { AwaitingReply = null };
                return intent is RepIntentKind.No
                    ? NextFrom(cleared, Smaller(cleared), "Okay, let's keep going. ")
                    : Coach(cleared, text, intent, today);
            case Awaiting.AnotherDrill:
                var done = state with { AwaitingReply = null };
                if (intent is RepIntentKind.Yes)
                {
                    return drills is null
                        ? new CoachingReply("Here comes another round…", ReplyKind.PracticeRequested, null, done)
                        : DrillEngine.Start(done, drills, today);
                }
                return intent is RepIntentKind.No or RepIntentKind.Thanks or RepIntentKind.Empty
                    ? AskSituation(done, "Good practice. ")
                    : Coach(done, text, intent, today);
            default:
                return null;
        }
    }

    private static CoachingReply Coach(CoachingState state, string text, RepIntentKind intent, DateOnly today)
    {
        var arcOpen = state.Stage is >= CoachingStage.Reality and <= CoachingStage.Will;
        var lastAside = state.LastAside;
        state = state with { LastAside = null };
        // "and then she doesn't even read them" right after a manager complaint (or distress) stays in that aside.
        if (intent is RepIntentKind.Other && lastAside is TurnCategory.Distress or TurnCategory.ManagerComplaint && RepIntent.ContinuesAside(text))
            intent = lastAside == TurnCategory.Distress ? RepIntentKind.Distress : RepIntentKind.ManagerComplaint;
        // "thanks" / "ok thanks" / 👍 with nothing new is how a rep leaves a chat, whatever was asked last; a bare "ok" only
        // when no question of the arc is open (idle, or after a plan).
        if (intent is RepIntentKind.Thanks && (!arcOpen || RepIntent.SaysThanks(text))) intent = RepIntentKind.Closing;
        // "nvm, found it" settles the off-topic question just answered.
        if (intent is RepIntentKind.Other or RepIntentKind.Thanks && lastAside is TurnCategory.OffTopic && RepIntent.SettlesAside(text)) intent = RepIntentKind.OffTopic;

        // A commitment counts at any turn, even inside a story, a win or a goodbye; a plan is never thrown away.
        // A plan about the rep's own wellbeing ("I'll take Friday off") is a plan too, though its words are off-topic.
        if (intent is RepIntentKind.Other or RepIntentKind.DontKnow or RepIntentKind.Win or RepIntentKind.Closing or RepIntentKind.TimePressure or RepIntentKind.Thanks
                or RepIntentKind.OffTopic
            && Commitments(state, text, today) is { } committed
            // "ok, I'll keep it short. bye": a rep who is leaving is not asked for a day; a dated plan is still confirmed.
            && !(intent == RepIntentKind.Closing && committed.Plan is null))
            // A win announced with the next step: congratulate, then confirm the plan.
            return intent == RepIntentKind.Win && committed.Plan is not null
                ? committed with { Text = "Congratulations, that's a real win! " + committed.Text, Category = TurnCategory.Win }
                : committed;
        // The day asked for is an answer, whatever else it mentions ("today after lunch", "ok thanks, Friday then").
        if (state.AwaitingReply == Awaiting.DueDate && state.Plan is not null
            && intent is RepIntentKind.OffTopic or RepIntentKind.Closing or RepIntentKind.Thanks or RepIntentKind.TimePressure
            && DueDateParser.Read(ClosingDay().Replace(text.ToLowerInvariant(), " "), today).Status == DueDateStatus.Found)
            return Commit(state with { DontKnows = 0 }, text, today);
        if (Aside(state, text, intent) is { } aside) return aside;
        // The day asked for, even wrapped in doubt ("not sure, maybe next week"), attaches to the action already stated.
        if (state.AwaitingReply == Awaiting.DueDate && state.Plan is not null && intent is RepIntentKind.DontKnow
            && CommitmentReader.DueDate(text, today).Status == DueDateStatus.Found)
            return Commit(state with { DontKnows = 0 }, text, today);
        if (state.AwaitingReply == Awaiting.Obstacle) return AfterObstacle(state with { AwaitingReply = null }, text, intent);
        if (arcOpen && intent is RepIntentKind.Other && TopicChange(state, text) is { } changed) return changed;

        switch (intent)
        {
            case RepIntentKind.Empty:
                return arcOpen ? NextFrom(state with { Insistence = 0 }, Smaller(state), "") : AskSituation(state, "");
            case RepIntentKind.Greeting:
                return arcOpen ? NextFrom(state, SayMoreOrStage(state), "Hi. ") : AskSituation(state, "Hi! ");
            case RepIntentKind.Thanks:
                // Only a bare "ok" mid-arc gets here: every other acknowledgement was read as a goodbye above.
                return NextFrom(state, SayMoreOrStage(state), "");
            case RepIntentKind.Insisting:
            case RepIntentKind.Frustrated:
                return Insisted(state, text, intent);
            case RepIntentKind.DontKnow:
                var stuck = state with { DontKnows = state.DontKnows + 1, Insistence = 0 };
                if (!arcOpen && state.AwaitingReply is null) return AskSituation(stuck, "That's okay. ");
                var pool = stuck.DontKnows >= 2 ? Unstuck(stuck) : Smaller(stuck);
                var reply = NextFrom(stuck, pool, stuck.DontKnows >= 2 ? "" : "That's okay. ");
                return stuck.DontKnows >= 3 ? OfferFieldDay(reply) : reply;
            case RepIntentKind.Yes:
            case RepIntentKind.No:
                if (!arcOpen) return AskSituation(state, "");
                break;
        }

        var calm = state with { Insistence = 0, DontKnows = 0 };
        return calm.Stage switch
        {
            CoachingStage.Idle or CoachingStage.Committed => Open(calm, text, ""),
            CoachingStage.Reality => Thin(text) && calm.StageQuestions < 2
                ? NextFrom(calm with { StageQuestions = calm.StageQuestions + 1 }, SayMoreOrStage(calm), "")
                : Advance(calm, CoachingStage.Goal, Reflect(text, calm)),
            CoachingStage.Goal => Thin(text) && calm.StageQuestions < 2
                ? NextFrom(calm with { StageQuestions = calm.StageQuestions + 1 }, SayMoreOrStage(calm), "")
                : Advance(calm with { Goal = Clip(text, MaxNoteChars) }, CoachingStage.Options, Reflect(text, calm)),
            CoachingStage.Options => CommitmentReader.LeansToAction(text, today)
                ? Commit(calm with { Stage = CoachingStage.Will }, text, today)
                : Thin(text) && calm.StageQuestions < 2
                    ? NextFrom(calm with { StageQuestions = calm.StageQuestions + 1 }, SayMoreOrStage(calm), "")
                    : Advance(calm, CoachingStage.Will, Reflect(text, calm)),
            _ => Commit(calm, text, today),
        };
    }

    private static CoachingReply Open(CoachingState state, string text, string prefix)
    {
        var fresh = Begin(state, text);
        if (fresh.Topic is null && fresh.Subject is null && TopicDetector.Words(text).Length < 4) return AskSituation(state, prefix);
        // No stock opener: the first sentence is the question itself, in the rep's terms when a key phrase was found.
        var pool = fresh.Subject is not null ? InTerms(fresh, CoachingStage.Reality) : StagePool(fresh, CoachingStage.Reality);
        return NextFrom(fresh, pool, prefix);
    }

    /// <summary>A new arc on <paramref name="text"/>: topic (when the classifier is confident), key phrase, seed and situation.</summary>
    private static CoachingState Begin(CoachingState state, string text)
    {
        var guess = TopicClassifier.Classify(text);
        return Fresh(state) with
        {
            Stage = CoachingStage.Reality,
            Topic = guess.IsConfident ? guess.Topic!.Id : null,
            Subject = SubjectPhrase.Find(text),
            Seed = StableHash(text),
            Situation = Clip(text, MaxNoteChars),
            StageQuestions = 1,
            Insistence = state.Insistence,
        };
    }

    /// <summary>A new arc: the conversation's questions start over; drill progress, the last plan and the language notice stay.</summary>
    private static CoachingState Fresh(CoachingState state) => CoachingState.New with
    {
        DrillProgress = state.DrillProgress,
        SuggestedDrill = state.SuggestedDrill,
        LastPlan = state.LastPlan,
        LanguageNoticeGiven = state.LanguageNoticeGiven,
        CheckInsOff = state.CheckInsOff,
        FieldDayOffered = state.FieldDayOffered,
        PlanId = state.PlanId,
    };

    private static CoachingReply AskSituation(CoachingState state, string prefix)
    {
        string[] asks =
        [
            "What deal or customer situation would you like to think through?",
            "What situation would you like to work on?",
            "Which deal or customer is on your mind?",
        ];
        for (var i = 0; i < asks.Length; i++)
        {
            var k = (state.BotQuestions + i) % asks.Length;
            var id = "i" + (k + 1).ToString(CultureInfo.InvariantCulture);
            if (!state.AskedQuestionIds.Contains(id)) return Ask(state, prefix, id, asks[k], ReplyKind.CoachingQuestion);
        }
        // Asked all three in this conversation: start the round again rather than repeat one word for word.
        return Ask(state with { AskedQuestionIds = [.. state.AskedQuestionIds.Where(q => !q.StartsWith('i'))] }, prefix, "i1", asks[0], ReplyKind.CoachingQuestion);
    }

    private static CoachingReply Advance(CoachingState state, CoachingStage to, string prefix) =>
        NextFrom(state with { Stage = to, StageQuestions = 1 }, InTerms(state, to), prefix);

    /// <summary>The stage's questions in the rep's terms first, then the topic's and the generic ones.</summary>
    private static IReadOnlyList<QuestionBank.Question> InTerms(CoachingState state, CoachingStage stage) =>
        state.Subject is not null && QuestionBank.InRepTerms.TryGetValue(stage, out var own) && own.Any(q => !state.AskedQuestionIds.Contains(q.Id))
            ? own
            : StagePool(state, stage);

    private static CoachingReply AfterObstacle(CoachingState state, string text, RepIntentKind intent)
    {
        var due = state.PlanDue is { } d ? $"I'll check in on {FormatDate(d)}. " : "";
        if (intent is RepIntentKind.Empty or RepIntentKind.Thanks or RepIntentKind.No or RepIntentKind.DontKnow or RepIntentKind.Greeting or RepIntentKind.Yes)
            return Ask(state, "Okay. " + due, "c1", "What else would you like to think through, if anything?", ReplyKind.CoachingQuestion);
        if (intent is RepIntentKind.Insisting or RepIntentKind.Frustrated) return Insisted(state, text, intent);
        var heard = Reflect(text, state);
        return Ask(state, (heard.Length > 0 ? heard : "Noted. ") + due, "c2",
            "Is there anything else you'd like to think through?", ReplyKind.CoachingQuestion);
    }

    /// <param name="found">The commitment read from the message, when there is one: its own sentence is the plan and only
    /// its dates count.</param>
    private static CoachingReply Commit(CoachingState state, string text, DateOnly today, FoundCommitment? found = null)
    {
        // "Should I call her tomorrow if …?" weighs an option; only the rep's own statement makes a plan.
        // "I'll need to see it signed by Friday" is a need, not an action: ask for the rep's own step.
        if (found is null && state.AwaitingReply != Awaiting.DueDate && CommitmentReader.IsStateOnly(text))
            return state.AskedQuestionIds.Contains("w-step")
                ? Ask(state, "", "w-step2", "What is the first step you will take toward that, and on what day?", ReplyKind.CoachingQuestion)
                : Ask(state, "", "w-step", "What will you do to make that happen, and when?", ReplyKind.CoachingQuestion);
        var read = found?.Due ?? CommitmentReader.DueDate(text, today);
        if (found is null && read.Status == DueDateStatus.Found && text.TrimEnd().EndsWith('?'))
            return state.AskedQuestionIds.Contains("w-decide")
                ? Ask(state, "", "w-decide2", "Which way are you leaning, and what will you do on that day?", ReplyKind.CoachingQuestion)
                : Ask(state, "", "w-decide", "What would help you decide, and what will you do either way?", ReplyKind.CoachingQuestion);
        // Answering "which day?", any day the rep names is the answer, even an event's ("we have coffee on Friday").
        if (found is null && state.AwaitingReply == Awaiting.DueDate && read.Status == DueDateStatus.None) read = DueDateParser.Read(text, today);
        if (state.DateChoices.Count == 2 && read.Status != DueDateStatus.Found) read = Choose(state.DateChoices, text, read);
        // "Tuesday" answering "Which day next week?" is next week's Tuesday.
        if (found is null && state.AskedQuestionIds is [.., "d-next-week"] && read is { Status: DueDateStatus.Found, Date: { } day }
            && day < NextMonday(today) && !ThisWeekWords().IsMatch(text.ToLowerInvariant()))
            read = read with { Date = day.AddDays(7) };

        if (state.AwaitingReply == Awaiting.PlanForDate && state.PendingDue is { } pendingDue)
            return Confirm(state, Clip(found?.Plan ?? text, MaxPlanChars), read.Status == DueDateStatus.Found ? read.Date!.Value : pendingDue, today);

        // A new action replaces the last one; "I'll do it Friday" keeps it.
        var plan = found is { PronounOnly: false } f ? Clip(f.Plan, MaxPlanChars) : state.Plan ?? Clip(text, MaxPlanChars);
        if (found is null && state.Plan is null && read.Status == DueDateStatus.Found && WordsBesidesDates(text) <= 1)
        {
            // "Friday" alone: keep the day, ask what they will do.
            var withDay = state with { PendingDue = read.Date, AwaitingReply = Awaiting.PlanForDate };
            return Ask(withDay, "", "w-what", $"What will you have done by {FormatDate(read.Date!.Value)}?", ReplyKind.CoachingQuestion);
        }

        var pending = state with { Plan = plan, DateChoices = [] };
        // "sometime next week" answering "which day?": a week is not a day to check in on.
        var askedWeek = state.AskedQuestionIds.Contains("d-vague") || state.AskedQuestionIds.Contains("d-next-week");
        if (found is null && state.AwaitingReply == Awaiting.DueDate && VagueWeek().Match(text.ToLowerInvariant()) is { Success: true } vague && !askedWeek
            && (vague.Groups["vague"].Success || vague.Groups["week"].Value == "next week"))
            return AskWhichDay(pending, vague.Groups["week"].Value);
        // "I'll send her the contract next week": a week is not a day to check in on; ask which day (once).
        if (found is not null && read.Status == DueDateStatus.Found && WeekWithoutDay().IsMatch(found.Plan.ToLowerInvariant()) && !askedWeek)
            return AskWhichDay(pending, "next week");
        switch (read.Status)
        {
            case DueDateStatus.Found:
                return Confirm(pending, plan, read.Date!.Value, today);
            case DueDateStatus.Past:
                var pastId = state.AskedQuestionIds.Contains("d-past") ? "d-past2" : "d-past";
                return Ask(pending with { AwaitingReply = Awaiting.DueDate }, $"{FormatDate(read.Date!.Value)} has already passed. ", pastId,
                    pastId == "d-past" ? "Which day ahead will you have it done by?" : "What later day will you have it done by?", ReplyKind.CoachingQuestion);
            case DueDateStatus.Ambiguous:
                var a = read.Alternatives[0];
                var b = read.Alternatives[1];
                return Ask(pending with { AwaitingReply = Awaiting.DueDate, DateChoices = read.Alternatives }, "",
                    "d-which", $"Do you mean {FormatDate(a)} or {FormatDate(b)}?", ReplyKind.CoachingQuestion);
            default:
                var waiting = pending with { AwaitingReply = Awaiting.DueDate };
                // "before the QBR": the event is the rep's deadline, but only the rep knows its day.
                if (found?.NamedEvent is { } namedEvent)
                    return Ask(waiting, "", "d-event", $"What day is {SubjectPhrase.FromCoachsSide(namedEvent)}, so I know when to check in?", ReplyKind.CoachingQuestion);
                return found is not null
                    ? NextFrom(waiting, QuestionBank.WhenWillYou, "")
                    : NextFrom(waiting, QuestionBank.AskDate, state.Plan is null ? "Good. " : "");
        }
    }

    private static CoachingReply AskWhichDay(CoachingState pending, string week) =>
        Ask(pending with { AwaitingReply = Awaiting.DueDate }, "", week == "next week" ? "d-next-week" : "d-vague", $"Which day {week}?", ReplyKind.CoachingQuestion);

    private static DateOnly NextMonday(DateOnly today) => today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);

    private static DueDateResult Choose(IReadOnlyList<DateOnly> choices, string text, DueDateResult read)
    {
        var t = text.ToLowerInvariant();
        DateOnly? pick = t.Contains("first", StringComparison.Ordinal) || t.Trim() == "1" ? choices[0]
            : t.Contains("second", StringComparison.Ordinal) || t.Contains("latter", StringComparison.Ordinal) || t.Trim() == "2" ? choices[1]
            : choices.FirstOrDefault(c => t.Contains(c.ToString("MMMM", CultureInfo.InvariantCulture).ToLowerInvariant(), StringComparison.Ordinal)
                                          || t.Contains(c.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant(), StringComparison.Ordinal)) is { } m && m != default ? m
            : null;
        return pick is { } p ? new DueDateResult(DueDateStatus.Found, p, []) : read;
    }

    private static CoachingReply Confirm(CoachingState state, string plan, DateOnly due, DateOnly today)
    {
        var card = new Commitment(plan, due, state.Topic, state.Situation, state.Goal, today);
        var committed = state with
        {
            Stage = CoachingStage.Committed,
            Plan = plan,
            PlanDue = due,
            LastPlan = card,
            PendingDue = null,
            DateChoices = [],
            AwaitingReply = Awaiting.Obstacle,
        };
        var text = $"{PlanSaid(plan)}, due {FormatDate(due)}. I'll check in with you then. ";
        return Ask(committed with { FieldDayOffered = false }, text, "w-confirm", "What might get in the way?", ReplyKind.PlanConfirmed) with { Plan = card };
    }

    private static CoachingReply Insisted(CoachingState state, string text, RepIntentKind intent)
    {
        var pushed = state with { Insistence = state.Insistence + 1, DontKnows = 0, AwaitingReply = null };
        var prefix = intent == RepIntentKind.Frustrated
            ? "I hear you, that's frustrating. "
            : (pushed.Insistence % 3) switch
            {
                1 => "You know this customer better than I do, so let's find your answer. ",
                2 => "I'll stick to questions: the answer that works will be yours. ",
                _ => "I won't hand you an answer, but I'll help you find yours. ",
            };
        CoachingReply reply;
        if (state.Stage is CoachingStage.Idle or CoachingStage.Committed)
        {
            reply = TopicClassifier.Classify(text).IsConfident ? Open(pushed, text, prefix) : AskSituation(pushed, prefix);
            reply = reply with { State = reply.State with { Insistence = pushed.Insistence } };
        }
        else
        {
            reply = NextFrom(pushed, Smaller(pushed), prefix);
        }
        return OfferFieldDay(reply);
    }

    /// <summary>A rep who pushes or stays stuck is offered real field time with their manager, still as a question.</summary>
    private static CoachingReply OfferFieldDay(CoachingReply reply)
    {
        var s = reply.State;
        // Offered at most once per coaching conversation (and never after a complaint about the manager).
        if (s.FieldDayOffered) return reply;
        var offer = FieldDayOffers[(s.Insistence + s.DontKnows) % FieldDayOffers.Length];
        var text = reply.Text.TrimEnd() + offer;
        return reply with { Text = AnswerGuard.Enforce(text), State = s with { AwaitingReply = Awaiting.FieldDayAnswer, FieldDayOffered = true } };
    }

    private static CoachingReply FieldDayRequested(CoachingState state)
    {
        var about = state.Topic is { } id && TopicTaxonomy.Find(id) is { } t ? $" on {t.Phrase}" : "";
        var cleared = state with { AwaitingReply = null, Insistence = 0, DontKnows = 0 };
        return Ask(cleared, $"I'll ask your manager for a field day with you{about}. ", "fd1",
            "While you wait, what would you most like them to see you do?", ReplyKind.RequestFieldDay);
    }

    private static CoachingReply ForgetCancelled(CoachingState state)
    {
        var arcOpen = state.Stage is >= CoachingStage.Reality and <= CoachingStage.Will;
        var reply = arcOpen
            ? NextFrom(state, StagePool(state, state.Stage), "Okay, nothing has been deleted. ")
            : AskSituation(state, "Okay, nothing has been deleted. ");
        return reply with { Kind = ReplyKind.ForgetMeCancelled };
    }

    private static IReadOnlyList<QuestionBank.Question> StagePool(CoachingState state, CoachingStage stage) =>
        [.. state.Subject is not null && QuestionBank.InRepTerms.TryGetValue(stage, out var own) ? own : [],
         .. QuestionBank.TopicVariants.Where(v => v.Stage == stage && v.Question.Topic == state.Topic).Select(v => v.Question),
         .. QuestionBank.ByStage.TryGetValue(stage, out var generic) ? generic : []];

    private static IReadOnlyList<QuestionBank.Question> Smaller(CoachingState _) => QuestionBank.Smaller;

    private static IReadOnlyList<QuestionBank.Question> Unstuck(CoachingState _) => QuestionBank.Unstuck;

    private static IReadOnlyList<QuestionBank.Question> SayMoreOrStage(CoachingState state) =>
        [.. QuestionBank.SayMore, .. StagePool(state, state.Stage)];

    internal static CoachingReply NextFrom(CoachingState state, IReadOnlyList<QuestionBank.Question> pool, string prefix)
    {
        // Vary the phrasing by conversation, never repeat within one: start at an offset and take the first unasked.
        var offset = pool.Count == 0 ? 0 : (int)((uint)(state.Seed + state.BotQuestions) % (uint)pool.Count);
        for (var i = 0; i < pool.Count; i++)
        {
            var q = pool[(offset + i) % pool.Count];
            if (!state.AskedQuestionIds.Contains(q.Id)) return Ask(state, prefix, q.Id, Fill(q.Text, state), ReplyKind.CoachingQuestion);
        }
        foreach (var q in QuestionBank.Smaller.Concat(QuestionBank.Unstuck).Concat(QuestionBank.SayMore))
        {
            if (!state.AskedQuestionIds.Contains(q.Id)) return Ask(state, prefix, q.Id, Fill(q.Text, state), ReplyKind.CoachingQuestion);
        }
        for (var i = 0; i < LastResort.Length; i++)
        {
            var id = "f" + (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!state.AskedQuestionIds.Contains(id)) return Ask(state, prefix, id, LastResort[i], ReplyKind.CoachingQuestion);
        }
        return Ask(state, prefix, "fallback", AnswerGuard.SafeFallback, ReplyKind.CoachingQuestion);
    }

    internal static CoachingReply Ask(CoachingState state, string prefix, string? questionId, string question, ReplyKind kind)
    {
        var text = AnswerGuard.Enforce(prefix + question);
        var asked = questionId is null || state.AskedQuestionIds.Contains(questionId)
            ? state.AskedQuestionIds
            : [.. state.AskedQuestionIds, questionId];
        return new CoachingReply(text, kind, questionId, state with { BotQuestions = state.BotQuestions + 1, AskedQuestionIds = asked });
    }

    /// <summary>"{s}" is the rep's key phrase (else the topic's phrase, else "this"); "{topic}" is the topic's phrase or "this".</summary>
    private static string Fill(string template, CoachingState state)
    {
        var topicPhrase = state.Topic is { } id ? TopicTaxonomy.Find(id)?.Phrase : null;
        var subject = state.Subject ?? topicPhrase ?? "this";
        return template.Replace("{s}", subject, StringComparison.Ordinal)
            .Replace("{topic}", topicPhrase ?? "this", StringComparison.Ordinal);
    }

    /// <summary>
    /// A short acknowledgement before the next question. The rep's words are not quoted back: a quote of a long message is
    /// either cut mid-phrase or too long, and the next question already carries the rep's key phrase in the bot's words.
    /// Nothing is said for questions, swearing or other languages, where "got it" would ring false.
    /// </summary>
    internal static string Reflect(string text, CoachingState state)
    {
        if (text.Contains('?', StringComparison.Ordinal) || RepIntent.HasProfanity(text) || RepIntent.LooksNonEnglish(text)) return "";
        if (TopicDetector.Words(text).Length < 3) return "";
        return Acknowledgements[(int)((uint)(state.Seed + state.BotQuestions) % (uint)Acknowledgements.Length)];
    }

    private static readonly string[] Acknowledgements = ["Got it. ", "Okay, that helps. ", "", "Thanks, that's useful. ", "I see. ", ""];

    /// <summary>Rep words made safe to place inside “curly quotes”: no quote marks of their own, one line, clipped.</summary>
    internal static string Quote(string text, int max)
    {
        var flat = Whitespace().Replace(text.Replace('“', '\'').Replace('”', '\'').Replace('"', '\''), " ").Trim();
        return flat.Length <= max ? flat : flat[..max].TrimEnd() + "…";
    }

    internal static string FormatDate(DateOnly d) => d.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    internal static string Clip(string s, int max)
    {
        var t = s.Trim();
        return t.Length <= max ? t : t[..max] + "…";
    }

    private static bool Thin(string text) => TopicDetector.Words(text).Length <= 2;

    private static int WordsBesidesDates(string text) =>
        TopicDetector.Words(text).Count(w => !DateWords.Contains(w) && !Agreeing.Contains(w) && !w.All(char.IsDigit) && !OrdinalOrDate().IsMatch(w));

    // "ok Friday works for me": words around a bare day that say nothing about what will be done.
    private static readonly HashSet<string> Agreeing = new(StringComparer.Ordinal)
    {
        "ok", "okay", "then", "probably", "maybe", "say", "lets", "i", "guess", "think", "works", "work", "for", "me", "sounds", "good",
        "fine", "is", "it", "that", "latest", "hmm", "um", "yes", "yeah", "sure", "should", "be", "done", "so", "well", "i'd", "id",
    };

    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal)
    {
        "by", "on", "next", "this", "before", "until", "till", "the", "end", "of", "week", "month", "quarter", "in", "days", "day",
        "weeks", "tomorrow", "today", "tonight", "eod", "eow", "eom", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "morning", "afternoon", "latest",
        "at", "a", "two", "three", "four", "five", "within", "after", "couple",
    };

    /// <summary>FNV-1a over the normalised words: stable across processes (string.GetHashCode is not).</summary>
    internal static int StableHash(string text)
    {
        unchecked
        {
            var h = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(string.Join(' ', TopicDetector.Words(text))))
            {
                h ^= b;
                h *= 16777619u;
            }
            return (int)(h & 0x7fffffff);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{1,2}(st|nd|rd|th)$|^\d{4}$")]
    private static partial Regex OrdinalOrDate();

}
