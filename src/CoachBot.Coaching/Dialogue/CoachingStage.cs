namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// Where a coaching conversation stands in the arc. CoachBot runs GROW with Reality first (docs/product.md,
/// "Ask, don't answer"): the first question is "What have you done about this so far?", which honours the rep's own
/// effort before asking what a good outcome would be. Goal, Options and Will follow in GROW order.
/// </summary>
public enum CoachingStage
{
    /// <summary>No coaching conversation is open.</summary>
    Idle = 0,
    Reality = 1,
    Goal = 2,
    Options = 3,
    Will = 4,
    /// <summary>The rep stated a plan; the arc is complete until the follow-up.</summary>
    Committed = 5,
}
