namespace CoachBot.Coaching.Leaders;

/// <summary>
/// One manager's week as their own manager sees it: counts only. <see cref="TooFewReps"/> means the team is below the
/// privacy threshold and every figure is null (nothing about so small a team is shown, not even its size).
/// </summary>
public sealed record ManagerWeekFigures(
    bool TooFewReps,
    double TargetPercent,
    double? CoachingSharePercent,
    int? FieldDaysHeld,
    int? FieldDaysDebriefed,
    int? EmergingRepsInField,
    int? DevelopingRepsInField,
    int? TopRepsInField,
    int? PlansFollowedUp)
{
    /// <summary>Null when there is no share to compare (calendar unreadable, or too few reps).</summary>
    public bool? MeetsTarget => CoachingSharePercent is { } s ? s >= TargetPercent : null;

    public int? RepsInField => TooFewReps ? null : EmergingRepsInField + DevelopingRepsInField + TopRepsInField;
}
