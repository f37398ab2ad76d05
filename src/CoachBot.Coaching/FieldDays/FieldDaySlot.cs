namespace CoachBot.Coaching.FieldDays;

/// <summary>Soft conflicts a suggested slot carries. Hard conflicts (Busy, Oof) never reach a suggestion.</summary>
[Flags]
public enum SlotConflicts
{
    None = 0,
    /// <summary>The manager or the rep has a Tentative (or Unknown) item overlapping the slot.</summary>
    Tentative = 1,
    /// <summary>The manager or the rep is marked WorkingElsewhere for part of the slot.</summary>
    WorkingElsewhere = 2,
}

/// <summary>One suggested field day.</summary>
/// <param name="RepId">The rep's user id.</param>
/// <param name="RepName">The rep's display name (user id when none).</param>
/// <param name="Start">Start instant, expressed with the manager's UTC offset at that instant.</param>
/// <param name="End">End instant, expressed with the manager's UTC offset at that instant.</param>
/// <param name="Length">Half or full day.</param>
/// <param name="Score">Higher is better; suggestions come sorted by it, descending. Clean slots score 100 or more, slots with soft conflicts below 100.</param>
/// <param name="Conflicts">Soft conflicts, if any.</param>
/// <param name="Reason">Plain-words reason for the manager, e.g. "Dana asked for field time; both free Tue 31 Mar morning".</param>
public sealed record FieldDaySlot(
    string RepId,
    string RepName,
    DateTimeOffset Start,
    DateTimeOffset End,
    FieldDayLength Length,
    double Score,
    SlotConflicts Conflicts,
    string Reason);
