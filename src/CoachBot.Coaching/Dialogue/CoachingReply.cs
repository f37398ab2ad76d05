using CoachBot.Coaching.Drills;
using CoachBot.Coaching.FollowUp;

namespace CoachBot.Coaching.Dialogue;

/// <summary>What the engine decided for one rep message.</summary>
/// <param name="Text">The text to send, already checked by <see cref="AnswerGuard"/> when it is a coaching turn.</param>
/// <param name="Kind">Why this text was chosen; the host acts on the kinds that need I/O (see <see cref="ReplyKind"/>).</param>
/// <param name="QuestionId">The question-bank id when the text is a coaching question.</param>
/// <param name="State">The conversation state after this turn.</param>
public sealed record CoachingReply(string Text, ReplyKind Kind, string? QuestionId, CoachingState State)
{
    /// <summary>The rep's plan: set with <see cref="ReplyKind.PlanConfirmed"/> (store it, schedule the follow-up) and
    /// <see cref="ReplyKind.ShareWithManager"/> (the plan the rep chose to share).</summary>
    public Commitment? Plan { get; init; }

    /// <summary>The follow-up outcome: set with <see cref="ReplyKind.FollowUpRecorded"/> and <see cref="ReplyKind.FollowUpReflected"/>.</summary>
    public FollowUpResult? FollowUp { get; init; }

    /// <summary>The card's new schedule: set with <see cref="ReplyKind.DrillScheduled"/> (also kept in <see cref="CoachingState.DrillProgress"/>).</summary>
    public DrillCardProgress? Drill { get; init; }

    /// <summary>What kind of message the rep sent, as the engine read it (coaching material or one of the aside paths).</summary>
    public TurnCategory Category { get; init; } = TurnCategory.Coaching;
}

/// <summary>The engine's reading of a rep message. Aside categories neither move the arc nor are quoted as answers.</summary>
public enum TurnCategory
{
    Coaching,
    OffTopic,
    Win,
    Distress,
    Closing,
    TimePressure,
    ManagerComplaint,
}

/// <summary>
/// Why a reply was chosen. Values are appended only (the numbers are stable). The host sends <see cref="CoachingReply.Text"/>
/// for every kind and additionally does the I/O noted on a kind.
/// </summary>
public enum ReplyKind
{
    Welcome,
    Help,
    /// <summary>A coaching question in the GROW arc.</summary>
    CoachingQuestion,
    /// <summary>The rep committed: store <see cref="CoachingReply.Plan"/> and schedule its follow-up on its due date.</summary>
    PlanConfirmed,
    Reset,
    /// <summary>"my plans": the host lists the rep's stored plans (the text is a heading).</summary>
    ListPlans,
    /// <summary>"practice": the host loads the drill library and calls <see cref="DrillEngine.Start(CoachingState, DrillLibrary, DateOnly)"/>.
    /// Not returned when the library was passed to <see cref="CoachingEngine.Respond(CoachingState, string?, DateOnly, DrillLibrary?)"/>.</summary>
    PracticeRequested,
    /// <summary>A drill began: the text plays the buyer.</summary>
    DrillPrompt,
    /// <summary>A self-assessment question inside a drill.</summary>
    DrillQuestion,
    /// <summary>A drill ended: <see cref="CoachingReply.Drill"/> holds the card's next repetition (already in the state).</summary>
    DrillScheduled,
    /// <summary>"share": the host shares <see cref="CoachingReply.Plan"/> with the rep's manager.</summary>
    ShareWithManager,
    /// <summary>"forget me": the engine asks for confirmation; nothing is deleted yet.</summary>
    ForgetMeConfirmRequested,
    /// <summary>The rep confirmed: the host erases all the rep's data (the state returned is empty).</summary>
    ForgetMeConfirmed,
    /// <summary>The rep did not confirm: nothing is deleted.</summary>
    ForgetMeCancelled,
    /// <summary>"export": the host sends the rep a copy of their data.</summary>
    Export,
    /// <summary>"field day" (or yes to the bot's offer): the host asks the rep's manager for a field day; topic in State.Topic.</summary>
    RequestFieldDay,
    /// <summary>A follow-up began (from <see cref="FollowUpEngine.Start"/>): the text asks how the plan went.</summary>
    FollowUpQuestion,
    /// <summary>The rep said how it went: store <see cref="CoachingReply.FollowUp"/> (outcome and what they learned).</summary>
    FollowUpRecorded,
    /// <summary>The rep answered the reflective question: <see cref="CoachingReply.FollowUp"/> now carries the reflection.</summary>
    FollowUpReflected,
    /// <summary>Information only, nothing for the host to do (e.g. "share" with no plan yet).</summary>
    Notice,
    /// <summary>The rep restated the plan just confirmed with a new day: update the stored plan <see cref="CoachingState.PlanId"/>
    /// (text, due date, card) and move its follow-up; <see cref="CoachingReply.Plan"/> holds the new wording and date.</summary>
    PlanUpdated,
    /// <summary>The rep asked for their manager's help on a deal: the host attaches the deal-help card, on which the rep may
    /// choose to send the request (nothing reaches the manager before that). The arc is left where it was.</summary>
    DealHelpOffered,
}

public static class ReplyKinds
{
    /// <summary>Kinds whose text is a coaching turn: it ends in a question and passed <see cref="AnswerGuard"/>.</summary>
    public static bool IsCoachingTurn(this ReplyKind kind) => kind is ReplyKind.CoachingQuestion or ReplyKind.PlanConfirmed or ReplyKind.PlanUpdated
        or ReplyKind.Reset or ReplyKind.DrillPrompt or ReplyKind.DrillQuestion or ReplyKind.DrillScheduled or ReplyKind.ForgetMeCancelled
        or ReplyKind.RequestFieldDay or ReplyKind.FollowUpQuestion or ReplyKind.FollowUpRecorded or ReplyKind.FollowUpReflected;
}
