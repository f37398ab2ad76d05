namespace CoachBot.Coaching.FollowUp;

/// <summary>How a rep's plan went, in their own assessment.</summary>
public enum FollowUpOutcome
{
    /// <summary>No clear outcome in the reply yet.</summary>
    Unclear = 0,
    Done = 1,
    Partly = 2,
    NotYet = 3,
}

/// <summary>The follow-up in progress, persisted in <see cref="Dialogue.CoachingState.FollowUp"/>.</summary>
/// <param name="Step"><see cref="FollowUpStep"/> constants.</param>
public sealed record FollowUpState(string Plan, DateOnly Due, string? TopicId, string Step, FollowUpOutcome Outcome, string? Learned, int Clarifications);

public static class FollowUpStep
{
    public const string AwaitingOutcome = "outcome";
    public const string AwaitingReflection = "reflection";
}

/// <summary>What the host stores against the plan.</summary>
/// <param name="Learned">The rep's own account of how it went (at most 1,000 characters).</param>
/// <param name="Reflection">The rep's answer to the reflective question, once given.</param>
public sealed record FollowUpResult(string Plan, DateOnly Due, FollowUpOutcome Outcome, string Learned, string? Reflection);
