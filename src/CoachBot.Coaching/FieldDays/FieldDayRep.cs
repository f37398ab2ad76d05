using CoachBot.Coaching.Calendar;

namespace CoachBot.Coaching.FieldDays;

/// <summary>A rep the manager could spend a field day with.</summary>
/// <param name="Schedule">The rep's working hours (own time zone) and busy intervals.</param>
/// <param name="DisplayName">Name used in the reason text; the user id when null or blank.</param>
/// <param name="Tier">Triage tier; Emerging unless the manager said otherwise.</param>
/// <param name="AskedForFieldTime">The rep asked for field time (through the bot or the manager).</param>
/// <param name="LastFieldDay">Date (manager's calendar) of the last field day with this manager, if any. A future date (one already booked) counts too.</param>
public sealed record FieldDayRep(
    PersonSchedule Schedule,
    string? DisplayName = null,
    RepTier Tier = RepTier.Emerging,
    bool AskedForFieldTime = false,
    DateOnly? LastFieldDay = null)
{
    public string UserId => Schedule.UserId;

    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Schedule.UserId : DisplayName;
}
