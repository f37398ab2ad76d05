using CoachBot.Coaching.Calendar;

namespace CoachBot.Coaching.FieldDays;

/// <summary>What to search: the manager, the reps, the horizon and the kind of field day.</summary>
/// <param name="Manager">The manager's working hours (own time zone) and busy intervals.</param>
/// <param name="Reps">One or more reps.</param>
/// <param name="HorizonStart">No slot starts before this instant. The horizon's first day is the manager's local date of this instant.</param>
/// <param name="WorkingDays">How many of the manager's working days (by their working-hours days) the horizon spans, counting the first day if it is one.</param>
/// <param name="Length">Half or full day.</param>
/// <param name="Options">Null for <see cref="FieldDayOptions.Default"/>.</param>
public sealed record FieldDaySlotQuery(
    PersonSchedule Manager,
    IReadOnlyList<FieldDayRep> Reps,
    DateTimeOffset HorizonStart,
    int WorkingDays,
    FieldDayLength Length,
    FieldDayOptions? Options = null);
