using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Storage.Nudges;

/// <summary>
/// A manager's nudge settings, edited from the card. <see cref="NudgeHour"/> null means "at the start of my working
/// day" (mailbox working hours). <see cref="SignalsSince"/> is the first day whose rep requests the next nudge shows
/// ("since the last nudge"); a snooze leaves it where it was so nothing is lost.
/// </summary>
public sealed record ManagerSettings
{
    public int? NudgeHour { get; init; }
    public IReadOnlySet<DayOfWeek> DaysOff { get; init; } = new HashSet<DayOfWeek>();
    /// <summary>Null: the org-wide default.</summary>
    public FieldDayLength? FieldDayLength { get; init; }
    public IReadOnlyDictionary<string, RepTier> Tiers { get; init; } = new Dictionary<string, RepTier>();
    public ThreeSixNoList ThreeSixNo { get; init; } = ThreeSixNoList.Empty;
    /// <summary>Null: the org-wide default.</summary>
    public double? CoachingTargetPercent { get; init; }
    public DateOnly? SnoozedDay { get; init; }
    public DateOnly? SignalsSince { get; init; }
    public DateOnly? PreviousSignalsSince { get; init; }
    /// <summary>Last known mailbox time zone, used when Graph is down.</summary>
    public string? TimeZoneId { get; init; }
}
