namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// Counter-questions per arc stage. "{topic}" is replaced with the topic's phrase (or "this").
/// Every entry is a question and holds no advice; <see cref="AnswerGuard"/> re-checks at run time.
/// </summary>
public static class QuestionBank
{
    public sealed record Question(string Id, string Text);

    public static IReadOnlyDictionary<CoachingStage, IReadOnlyList<Question>> ByStage { get; } =
        new Dictionary<CoachingStage, IReadOnlyList<Question>>
        {
            [CoachingStage.Reality] =
            [
                new("r1", "What have you done about {topic} so far?"),
                new("r2", "What have you tried with {topic} up to now, and what happened?"),
                new("r3", "What do you know for sure about {topic}, and what are you guessing?"),
                new("r4", "Who else is involved in {topic}, and what do they want?"),
            ],
            [CoachingStage.Goal] =
            [
                new("g1", "What would a good outcome with {topic} look like for you?"),
                new("g2", "If {topic} went well, what would be different a week from now?"),
                new("g3", "What result would make you proud of how you handled {topic}?"),
            ],
            [CoachingStage.Options] =
            [
                new("o1", "What do you think must be done?"),
                new("o2", "What options do you see, even the unlikely ones?"),
                new("o3", "What would you do if you were sure it couldn't fail?"),
                new("o4", "What would your best customer say is the next step here?"),
            ],
            [CoachingStage.Will] =
            [
                new("w1", "Which of those will you do, and by when?"),
                new("w2", "What is your first step, and what day will you take it?"),
                new("w3", "What will you commit to, and by what date?"),
            ],
        };

    /// <summary>Smaller questions for a rep who is stuck ("I don't know") or pushing for an answer.</summary>
    public static IReadOnlyList<Question> Smaller { get; } =
    [
        new("s1", "What is one small thing you could find out before your next call?"),
        new("s2", "What has worked for you with a similar customer before?"),
        new("s3", "If a teammate brought you this, what would you ask them first?"),
        new("s4", "What is the very next conversation you need to have about {topic}?"),
    ];

    /// <summary>Questions for a rep who says "I don't know" twice running: lower the bar further.</summary>
    public static IReadOnlyList<Question> Unstuck { get; } =
    [
        new("u1", "That's fine. What part of {topic} feels most unclear right now?"),
        new("u2", "What would you guess, if you had to pick one thing?"),
    ];
}
