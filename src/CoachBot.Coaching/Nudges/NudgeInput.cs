using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.Nudges;

/// <summary>Everything a manager's daily nudge is composed from; gathered by the host, composed here without I/O.</summary>
/// <param name="Today">The manager's local date the nudge is for.</param>
/// <param name="Slots">Ranked field-day suggestions (best first), any number; the composer keeps the best per rep.</param>
/// <param name="SlotsUnavailable">The calendar could not be read (Graph outage): say so plainly instead of showing slots.</param>
/// <param name="Requests">Reps who asked for field time or shared a plan since the last nudge.</param>
/// <param name="Topics">Topics reps raised yesterday: one entry per (rep, topic) signal, never the rep's words.</param>
/// <param name="Team">The manager's reps with their tiers (empty when the directory could not be read).</param>
/// <param name="CoachingTime">Last 7 days, or null when it could not be computed.</param>
/// <param name="CoachingTargetPercent">The manager's target share of coaching time.</param>
/// <param name="ThreeSixNo">The manager's 3-6-No list, if they have one.</param>
public sealed record NudgeInput(
    DateOnly Today,
    IReadOnlyList<FieldDaySlot> Slots,
    bool SlotsUnavailable,
    IReadOnlyList<RepRequest> Requests,
    IReadOnlyList<TopicSignal> Topics,
    IReadOnlyList<TeamMember> Team,
    CoachingTimeWindow? CoachingTime,
    double CoachingTargetPercent,
    ThreeSixNoList? ThreeSixNo);

/// <summary>What a rep asked of their manager: field time, or a plan they chose to share.</summary>
public sealed record RepRequest(string RepId, string RepName, RepRequestKind Kind, string? PlanText = null, DateOnly? PlanDue = null);

public enum RepRequestKind
{
    FieldDay,
    SharedPlan,
}

/// <summary>One rep raised one topic (a taxonomy id such as "pricing"), as counted by the coaching turns.</summary>
public sealed record TopicSignal(string RepId, string Topic);

/// <summary>The manager's 3-6-No list: the team's top 3 goals and the 6 daily tasks that reach them (and No to the rest).</summary>
public sealed record ThreeSixNoList(IReadOnlyList<string> Goals, IReadOnlyList<string> Tasks)
{
    public const int MaxGoals = 3;
    public const int MaxTasks = 6;
    public const int MaxItemLength = 80;

    public static ThreeSixNoList Empty { get; } = new([], []);

    public bool IsEmpty => Goals.Count == 0 && Tasks.Count == 0;

    /// <summary>Trimmed, blank items dropped, capped at 3 goals / 6 tasks of at most 80 characters.</summary>
    public static ThreeSixNoList Create(IEnumerable<string?> goals, IEnumerable<string?> tasks) => new(Clean(goals, MaxGoals), Clean(tasks, MaxTasks));

    private static string[] Clean(IEnumerable<string?> items, int max) =>
        [.. items.Select(i => i?.Trim() ?? "").Where(i => i.Length > 0).Select(i => i.Length > MaxItemLength ? i[..MaxItemLength] : i).Take(max)];
}
