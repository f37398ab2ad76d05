namespace CoachBot.Coaching.Dialogue;

/// <summary>The state of one rep's coaching conversation, persisted between turns.</summary>
public sealed record CoachingState
{
    public static CoachingState New { get; } = new();

    public CoachingStage Stage { get; init; } = CoachingStage.Idle;
    public string? Topic { get; init; }
    public int BotQuestions { get; init; }
    /// <summary>Ids of the questions already asked in this conversation, so none repeats.</summary>
    public IReadOnlyList<string> AskedQuestionIds { get; init; } = [];
    /// <summary>How many times in a row the rep pushed for an answer instead of reflecting.</summary>
    public int Insistence { get; init; }
    /// <summary>How many times in a row the rep said they don't know.</summary>
    public int DontKnows { get; init; }
    public string? Plan { get; init; }
    public DateOnly? PlanDue { get; init; }
}
