namespace CoachBot.Coaching.Dialogue;

/// <summary>What the engine decided for one rep message.</summary>
/// <param name="Text">The text to send, already checked by <see cref="AnswerGuard"/> when it is a coaching turn.</param>
/// <param name="Kind">Why this text was chosen.</param>
/// <param name="QuestionId">The question-bank id when the text is a coaching question.</param>
/// <param name="State">The conversation state after this turn.</param>
public sealed record CoachingReply(string Text, ReplyKind Kind, string? QuestionId, CoachingState State);

public enum ReplyKind
{
    Welcome,
    Help,
    CoachingQuestion,
    PlanConfirmed,
    Reset,
}
