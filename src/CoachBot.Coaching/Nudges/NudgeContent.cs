using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.FieldDays;

namespace CoachBot.Coaching.Nudges;

/// <summary>
/// A composed nudge, ready to render (and to store as the card's snapshot, so buttons can refresh it without
/// asking Graph again). <see cref="IsQuiet"/> means nothing new: render the one-line variant.
/// </summary>
public sealed record NudgeContent
{
    public required DateOnly Day { get; init; }
    public bool IsQuiet { get; init; }
    public IReadOnlyList<NudgeSlot> Slots { get; init; } = [];
    public bool SlotsUnavailable { get; init; }
    public IReadOnlyList<RepRequest> Requests { get; init; } = [];
    public IReadOnlyList<NudgeTheme> Themes { get; init; } = [];
    public CoachingTimeLine? CoachingTime { get; init; }
    public ThreeSixNoList ThreeSixNo { get; init; } = ThreeSixNoList.Empty;
    /// <summary>The manager's reps (id, name), for the tiers in Settings.</summary>
    public IReadOnlyList<TeamMember> Team { get; init; } = [];
}

/// <summary>A suggested field day; <see cref="Alternatives"/> are other times with the same rep.</summary>
public sealed record NudgeSlot(string RepId, string RepName, DateTimeOffset Start, DateTimeOffset End, FieldDayLength Length, string Reason)
{
    public IReadOnlyList<NudgeSlot> Alternatives { get; init; } = [];
    /// <summary>Set once booked from the card: the Graph event id.</summary>
    public string? BookedEventId { get; init; }
    /// <summary>Set when the last Book click failed: a plain sentence for the card.</summary>
    public string? BookingError { get; init; }
}

/// <summary>A topic several reps raised, with the count and a prompt (group time or a team drill).</summary>
public sealed record NudgeTheme(string Topic, int RepCount, string Prompt);

public sealed record CoachingTimeLine(double SharePercent, double TargetPercent, bool MeetsTarget)
{
    /// <summary>Events per class in the 7 days (null on snapshots from before classes were shown).</summary>
    public EventClassCounts? Counts { get; init; }

    /// <summary>Working time in deal calls (team selling), shown apart and never counted.</summary>
    public double DealCallMinutes { get; init; }

    /// <summary>The events the manager can correct from the card, newest first.</summary>
    public IReadOnlyList<CoachingTimeEvent> Events { get; init; } = [];
}

/// <summary>One event of the coaching-time list: its times (the manager's zone), class, who was on it (rep names, external count).</summary>
public sealed record CoachingTimeEvent(string EventId, DateTimeOffset Start, DateTimeOffset End, CoachingEventClass Class, string Who, bool Corrected);

public sealed record TeamMember(string Id, string Name, RepTier Tier);
