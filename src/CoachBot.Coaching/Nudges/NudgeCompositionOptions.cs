namespace CoachBot.Coaching.Nudges;

/// <summary>What a manager with nothing new gets.</summary>
public enum EmptyNudge
{
    /// <summary>A one-line card ("Nothing new today") with the coaching-time figure.</summary>
    OneLine,
    /// <summary>No card at all.</summary>
    None,
}

/// <summary>Composition knobs; the defaults are the product's.</summary>
public sealed record NudgeCompositionOptions
{
    public static NudgeCompositionOptions Default { get; } = new();

    /// <summary>A topic is shown only when at least this many different reps raised it (privacy: no single rep is singled out).</summary>
    public int ThemeMinimumReps { get; init; } = 3;

    /// <summary>At most this many field-day suggestions (one per rep).</summary>
    public int MaxSlots { get; init; } = 3;

    /// <summary>Other times kept per suggested rep, for the "Other times" button.</summary>
    public int MaxAlternatives { get; init; } = 3;

    /// <summary>A theme raised by at least this share of the team suggests group time rather than a drill.</summary>
    public double GroupTimeShare { get; init; } = 0.5;

    public EmptyNudge EmptyDay { get; init; } = EmptyNudge.OneLine;
}
