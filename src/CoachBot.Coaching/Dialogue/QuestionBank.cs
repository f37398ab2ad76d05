namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// Counter-questions per arc stage. "{topic}" is replaced with the topic's phrase (or "this"). Every entry is a
/// question and holds no advice: no "have you tried…", no "what if you offered…" — a leading question is advice in
/// disguise. <see cref="AnswerGuard"/> re-checks at run time and a test checks every entry.
/// </summary>
public static class QuestionBank
{
    /// <param name="Topic">A taxonomy topic id when the question is a variant for that topic only.</param>
    public sealed record Question(string Id, string Text, string? Topic = null);

    public static IReadOnlyDictionary<CoachingStage, IReadOnlyList<Question>> ByStage { get; } =
        new Dictionary<CoachingStage, IReadOnlyList<Question>>
        {
            [CoachingStage.Reality] =
            [
                new("r1", "What have you done about {topic} so far?"),
                new("r2", "What have you tried with {topic} up to now, and what happened?"),
                new("r3", "What do you know for sure about {topic}, and what are you guessing?"),
                new("r4", "Who else is involved in {topic}, and what do they want?"),
                new("r5", "What happened the last time you spoke with them about it?"),
                new("r6", "How did {topic} come about, as far as you can tell?"),
            ],
            [CoachingStage.Goal] =
            [
                new("g1", "What would a good outcome look like for you here?"),
                new("g2", "If this went well, what would be different a week from now?"),
                new("g3", "What result would make you proud of how you handled it?"),
                new("g4", "What do you want the customer to think, feel or do after your next conversation?"),
                new("g5", "What would \"solved\" look like, in your own words?"),
            ],
            [CoachingStage.Options] =
            [
                new("o1", "What do you think must be done?"),
                new("o2", "What options do you see, even the unlikely ones?"),
                new("o3", "What would you do if you were sure it couldn't fail?"),
                new("o4", "What would your best customer say is the next step here?"),
                new("o5", "What has worked for you in a situation like this before?"),
                new("o6", "If you had to come up with three different ways forward, what would they be?"),
            ],
            [CoachingStage.Will] =
            [
                new("w1", "Which of those will you do, and by when?"),
                new("w2", "What is your first step, and what day will you take it?"),
                new("w3", "What will you commit to, and by what date?"),
                new("w4", "Which one will you act on, and when?"),
            ],
        };

    /// <summary>Topic variants, asked alongside the generic questions of the same stage.</summary>
    public static IReadOnlyList<(CoachingStage Stage, Question Question)> TopicVariants { get; } =
    [
        (CoachingStage.Reality, new("t-price-r", "When the price came up, what exactly did they say, and what did you say back?", "objection-price")),
        (CoachingStage.Reality, new("t-price-r2", "What do you know about what they are comparing your price with?", "objection-price")),
        (CoachingStage.Options, new("t-price-o", "What could make the value clear enough that price stops being the main question?", "objection-price")),
        (CoachingStage.Reality, new("t-comp-r", "What do you know about why the competitor appeals to them?", "objection-competitor")),
        (CoachingStage.Reality, new("t-comp-r2", "When they mentioned the other vendor, what did you ask them?", "objection-competitor")),
        (CoachingStage.Options, new("t-comp-o", "What do you bring that the competitor can't, from this customer's point of view?", "objection-competitor")),
        (CoachingStage.Reality, new("t-time-r", "What do you know about what is behind the \"not now\"?", "objection-timing")),
        (CoachingStage.Goal, new("t-time-g", "What would a good next step look like, even if they don't buy this quarter?", "objection-timing")),
        (CoachingStage.Reality, new("t-sq-r", "What does staying with what they have cost them today, as far as you know?", "objection-status-quo")),
        (CoachingStage.Options, new("t-sq-o", "What would have to be true for them to want a change?", "objection-status-quo")),
        (CoachingStage.Reality, new("t-stall-r", "What was the last thing that happened before it went quiet?", "stalled-deal")),
        (CoachingStage.Reality, new("t-stall-r2", "How have you followed up so far, and through whom?", "stalled-deal")),
        (CoachingStage.Goal, new("t-stall-g", "What answer from them would you be glad to get, even a no?", "stalled-deal")),
        (CoachingStage.Reality, new("t-stake-r", "Who do you know in the account, and who decides?", "stakeholders")),
        (CoachingStage.Options, new("t-stake-o", "Who could help you reach the people you haven't met yet?", "stakeholders")),
        (CoachingStage.Reality, new("t-neg-r", "What have they asked for so far, and what matters most to them?", "negotiation")),
        (CoachingStage.Goal, new("t-neg-g", "What deal would you be happy to sign, and where is your limit?", "negotiation")),
        (CoachingStage.Reality, new("t-close-r", "What has the customer agreed to so far, and what is still open?", "closing")),
        (CoachingStage.Options, new("t-close-o", "What do you think is stopping them from saying yes today?", "closing")),
        (CoachingStage.Reality, new("t-demo-r", "What do you know about what this audience cares about?", "demo")),
        (CoachingStage.Goal, new("t-demo-g", "What do you want them to say or do at the end of the demo?", "demo")),
        (CoachingStage.Reality, new("t-disc-r", "What do you already know about their situation, and what don't you know yet?", "discovery")),
        (CoachingStage.Options, new("t-disc-o", "What would you most like to understand about them by the end of the next call?", "discovery")),
        (CoachingStage.Reality, new("t-prosp-r", "What have you tried in your outreach so far, and what got a response?", "prospecting")),
        (CoachingStage.Options, new("t-prosp-o", "Which accounts or people do you think are most likely to want a conversation now, and why?", "prospecting")),
        (CoachingStage.Reality, new("t-fc-r", "Which deals make up the gap, and how sure are you about each one?", "forecast-pipeline")),
        (CoachingStage.Goal, new("t-fc-g", "What number could you stand behind with confidence?", "forecast-pipeline")),
        (CoachingStage.Reality, new("t-time-mgmt-r", "Where did your time actually go last week?", "time-management")),
        (CoachingStage.Options, new("t-time-mgmt-o", "What could you say no to, and what would that free up?", "time-management")),
        (CoachingStage.Reality, new("t-acct-r", "What do you know about where this customer wants to go next year?", "account-growth")),
        (CoachingStage.Options, new("t-acct-o", "Who in the account would gain most from more of what you offer?", "account-growth")),
        (CoachingStage.Reality, new("t-mot-r", "What has been going on for you lately?", "motivation")),
        (CoachingStage.Goal, new("t-mot-g", "What would a good week look like for you right now?", "motivation")),
        (CoachingStage.Options, new("t-mot-o", "What has helped you get through a tough stretch before?", "motivation")),
    ];

    /// <summary>Smaller questions for a rep who is stuck ("I don't know") or pushing for an answer.</summary>
    public static IReadOnlyList<Question> Smaller { get; } =
    [
        new("s1", "What is one small thing you could find out before your next call?"),
        new("s2", "What has worked for you with a similar customer before?"),
        new("s3", "If a teammate brought you this, what would you ask them first?"),
        new("s4", "Who is the next person you want to talk to about {topic}?"),
        new("s5", "What is one thing you already know that could help here?"),
        new("s6", "What would a first step look like, however small?"),
        new("s7", "What's the part of {topic} you feel surest about?"),
        new("s8", "Who could you talk to who has been in a situation like this?"),
    ];

    /// <summary>Questions for a rep who says "I don't know" twice running: lower the bar further.</summary>
    public static IReadOnlyList<Question> Unstuck { get; } =
    [
        new("u1", "That's fine. What part of {topic} feels most unclear right now?"),
        new("u2", "What would you guess, if you had to pick one thing?"),
        new("u3", "What would you like to be true by the end of this week?"),
        new("u4", "If you knew the answer, what would it be?"),
        new("u5", "What do you think the customer is worried about?"),
    ];

    /// <summary>Follow-up questions when the rep's answer was very short.</summary>
    public static IReadOnlyList<Question> SayMore { get; } =
    [
        new("m1", "Could you say a bit more about that?"),
        new("m2", "What makes you say that?"),
        new("m3", "What's behind that, for you?"),
        new("m4", "How so?"),
    ];

    /// <summary>Asking for the due day of a plan the rep already stated.</summary>
    public static IReadOnlyList<Question> AskDate { get; } =
    [
        new("d1", "By what day will you have done it?"),
        new("d2", "What day will you have that done by?"),
        new("d3", "Which day should I check in with you on it?"),
    ];

    /// <summary>
    /// Questions in the rep's terms: "{s}" is the rep's key phrase (<see cref="SubjectPhrase"/>), placed after "with" or
    /// "about" so the question is grammatical for a person ("the CFO"), a thing ("the 25 % discount") or a group ("the pilot users").
    /// </summary>
    public static IReadOnlyDictionary<CoachingStage, IReadOnlyList<Question>> InRepTerms { get; } =
        new Dictionary<CoachingStage, IReadOnlyList<Question>>
        {
            [CoachingStage.Reality] =
            [
                new("x-r1", "What have you tried so far with {s}?"),
                new("x-r2", "Where do things stand with {s} right now?"),
                new("x-r3", "What do you know for sure about {s}, and what are you guessing?"),
                new("x-r4", "What happened the last time you dealt with {s}?"),
                new("x-r5", "How did things get to this point with {s}?"),
                new("x-r6", "What's your read on {s} at the moment?"),
                new("x-r7", "What have you done about {s} up to now, and what came of it?"),
                new("x-r8", "What worries you most about {s}?"),
            ],
            [CoachingStage.Goal] =
            [
                new("x-g1", "What would a good outcome with {s} look like for you?"),
                new("x-g2", "If things went well with {s}, what would be different a week from now?"),
                new("x-g3", "What result with {s} would make you proud of how you handled it?"),
                new("x-g4", "What do you want to be true about {s} by the end of the month?"),
            ],
            [CoachingStage.Options] =
            [
                new("x-o1", "What options do you see with {s}, even the unlikely ones?"),
                new("x-o2", "If you had three different ways forward with {s}, what would they be?"),
                new("x-o3", "What could you do next about {s}?"),
                new("x-o4", "What would you do about {s} if you were sure it couldn't fail?"),
            ],
            [CoachingStage.Will] =
            [
                new("x-w1", "Which of those will you do about {s}, and by when?"),
                new("x-w2", "What is your first step with {s}, and what day will you take it?"),
                new("x-w3", "What will you commit to on {s}, and by what date?"),
            ],
        };

    /// <summary>An action was stated without a day: ask for it.</summary>
    public static IReadOnlyList<Question> WhenWillYou { get; } =
    [
        new("d-when1", "When will you do it?"),
        new("d-when2", "What day will you do that?"),
        new("d-when3", "Good plan. Which day will you do it?"),
    ];

    /// <summary>Every question in every bank (for tests and the guard check).</summary>
    public static IEnumerable<Question> All =>
        ByStage.Values.SelectMany(q => q).Concat(TopicVariants.Select(v => v.Question)).Concat(Smaller).Concat(Unstuck)
            .Concat(SayMore).Concat(AskDate).Concat(InRepTerms.Values.SelectMany(q => q)).Concat(WhenWillYou);
}
