namespace CoachBot.Coaching.Dialogue;

/// <summary>Entry point for coaching that starts from someone else's feedback rather than from the rep's own words.</summary>
public static partial class CoachingEngine
{
    /// <summary>The question id that opens an arc on a manager's improvement point.</summary>
    public const string ImprovementQuestionId = "fd-improve";

    /// <summary>
    /// Opens a GROW arc on the one thing the rep's manager asked them to improve after a field day: a fresh arc at
    /// Reality, on <paramref name="topicId"/> when known, asking what the rep noticed themselves. The arc then runs as
    /// usual and ends in the rep's own dated plan (<see cref="ReplyKind.PlanConfirmed"/>). An open drill or follow-up is
    /// closed, as a new topic would close it; drill progress and check-in settings stay. <paramref name="drillCardId"/>, the
    /// library's drill for the skill when it has one, becomes the card the rep's next "practice" starts.
    /// </summary>
    public static CoachingReply StartOnImprovement(CoachingState state, string improvement, string? topicId, string? drillCardId = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(improvement);
        var fresh = Fresh(state) with
        {
            Stage = CoachingStage.Reality,
            Topic = topicId,
            Seed = StableHash(improvement),
            Situation = Clip(improvement, MaxNoteChars),
            StageQuestions = 1,
            SuggestedDrill = drillCardId,
        };
        return Ask(fresh, "", ImprovementQuestionId, "When did this come up on the day, and what did you notice yourself?", ReplyKind.CoachingQuestion);
    }
}
