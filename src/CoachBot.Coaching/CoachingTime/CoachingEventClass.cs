namespace CoachBot.Coaching.CoachingTime;

/// <summary>What an event on the manager's calendar was, for coaching time (docs/field-days.md, "Team selling and coaching time").</summary>
public enum CoachingEventClass
{
    /// <summary>Neither coaching nor a deal call (team meetings, internal meetings, anything without a rep).</summary>
    NotCounted,
    /// <summary>Category "CoachBot field day": coaching.</summary>
    FieldDay,
    /// <summary>Category "CoachBot debrief", or a 1:1 with a rep within 3 days after a field day with that rep ended: coaching.</summary>
    Debrief,
    /// <summary>A 1:1 with a direct report: coaching.</summary>
    OneOnOne,
    /// <summary>Not coaching by the rules, but the manager marked it "this was coaching": coaching.</summary>
    MarkedCoaching,
    /// <summary>A rep with external (customer) attendees, or category "CoachBot deal help": team selling, not coaching time.</summary>
    DealCall,
}

/// <summary>The manager's correction of one event's class, from the card.</summary>
public enum EventCorrection
{
    /// <summary>"This was coaching": counted as coaching (its automatic coaching class, else <see cref="CoachingEventClass.MarkedCoaching"/>).</summary>
    Coaching,
    /// <summary>"This was a deal call": team selling, not coaching time.</summary>
    DealCall,
}

/// <summary>One event as classified: times, class, the direct reports on it (addresses), how many attendees were external.</summary>
/// <param name="Corrected">The class comes from the manager's correction, not from the rules.</param>
public sealed record ClassifiedEvent(
    string EventId,
    DateTimeOffset Start,
    DateTimeOffset End,
    CoachingEventClass Class,
    IReadOnlyList<string> RepIds,
    int ExternalAttendees,
    bool Corrected)
{
    public bool IsCoaching => Class is CoachingEventClass.FieldDay or CoachingEventClass.Debrief or CoachingEventClass.OneOnOne or CoachingEventClass.MarkedCoaching;
}

/// <summary>How many events of each class fall in a window (events shown as Free are left out).</summary>
public sealed record EventClassCounts(int FieldDays, int Debriefs, int OneOnOnes, int MarkedCoaching, int DealCalls)
{
    public static EventClassCounts None { get; } = new(0, 0, 0, 0, 0);
}
