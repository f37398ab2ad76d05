using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.Leaders;

/// <summary>A field day of one manager, reduced to what the leader's figures need (no words, no names).</summary>
public sealed record HeldFieldDay(string RepId, DateTimeOffset Start, DateTimeOffset End, bool Debriefed);

/// <summary>
/// What one manager's weekly figures are computed from. <paramref name="Reps"/> is the manager's current team with each
/// rep's tier; <paramref name="FieldDays"/> the manager's field days of the last 30 days or more; <paramref name="FollowedUpRepIds"/>
/// one entry per plan whose follow-up went out in the week (the rep's id); <paramref name="CoachingSharePercent"/> the
/// coaching-time share of the week (null when the calendar could not be read).
/// </summary>
public sealed record ManagerWeekInput(
    IReadOnlyDictionary<string, RepTier> Reps,
    IReadOnlyList<HeldFieldDay> FieldDays,
    IReadOnlyList<string> FollowedUpRepIds,
    double? CoachingSharePercent);
