using CoachBot.Coaching.Drills;
using CoachBot.Coaching.FollowUp;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// The state of one rep's coaching conversation, persisted between turns as JSON (System.Text.Json default options):
/// only simple serialisable properties. Arc fields are cleared by reset; <see cref="DrillProgress"/> survives a reset and
/// only "forget me" clears everything.
/// </summary>
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

    /// <summary>What the last bot message waits for (<see cref="Awaiting"/> constants), or null.</summary>
    public string? AwaitingReply { get; init; }
    /// <summary>Varies the phrasing between conversations; derived from the rep's opening words, so replies stay deterministic.</summary>
    public int Seed { get; init; }
    /// <summary>Questions asked at the current stage (a thin answer earns one more question at the same stage).</summary>
    public int StageQuestions { get; init; }
    /// <summary>The rep's opening words (at most 300 characters).</summary>
    public string? Situation { get; init; }
    /// <summary>The rep's answer at the Goal stage (at most 300 characters).</summary>
    public string? Goal { get; init; }
    /// <summary>The two readings of an ambiguous date the bot asked the rep to choose between.</summary>
    public IReadOnlyList<DateOnly> DateChoices { get; init; } = [];
    /// <summary>A due date the rep gave before saying what they will do.</summary>
    public DateOnly? PendingDue { get; init; }
    /// <summary>The bot has said it coaches in English only (said once per conversation).</summary>
    public bool LanguageNoticeGiven { get; init; }
    /// <summary>The last plan the rep committed to in this conversation (kept across new topics and resets, for "share").</summary>
    public Commitment? LastPlan { get; init; }
    /// <summary>The open follow-up on a due plan, if any.</summary>
    public FollowUpState? FollowUp { get; init; }
    /// <summary>The drill in progress, if any.</summary>
    public DrillSession? Drill { get; init; }
    /// <summary>"stop check-ins": no proactive follow-ups on due plans until "start check-ins". Kept across resets.</summary>
    public bool CheckInsOff { get; init; }
    /// <summary>Spaced-repetition progress per drill card (Leitner box and next due day). Kept across resets.</summary>
    public IReadOnlyList<DrillCardProgress> DrillProgress { get; init; } = [];
    /// <summary>
    /// The drill card a field-day debrief offered for the skill to improve: the rep's next "practice" starts it (once)
    /// instead of the next due card. Kept across new topics; cleared when it starts or on "reset".
    /// </summary>
    public string? SuggestedDrill { get; init; }
    /// <summary>The rep's key phrase for this arc ("the CFO"), used in the bot's own questions.</summary>
    public string? Subject { get; init; }
    /// <summary>The field-day offer was made (or must not be: the rep complained about their manager) in this arc.</summary>
    public bool FieldDayOffered { get; init; }
    /// <summary>The host's id of the stored plan row for <see cref="LastPlan"/>, so a restated plan updates that row.</summary>
    public string? PlanId { get; init; }
    /// <summary>The aside the last reply answered (distress, a manager complaint), so "and then she …" stays in that aside.</summary>
    public TurnCategory? LastAside { get; init; }
}

/// <summary>Values of <see cref="CoachingState.AwaitingReply"/>.</summary>
public static class Awaiting
{
    public const string ForgetMeConfirmation = "forget-me";
    public const string FieldDayAnswer = "field-day";
    public const string DueDate = "due-date";
    public const string PlanForDate = "plan";
    public const string Obstacle = "obstacle";
    public const string AnotherDrill = "drill-again";
}
