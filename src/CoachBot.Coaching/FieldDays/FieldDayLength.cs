namespace CoachBot.Coaching.FieldDays;

/// <summary>How long a field day is: a half day (morning or afternoon) or a full day.</summary>
public enum FieldDayLength
{
    /// <summary><see cref="FieldDayOptions.HalfDayDuration"/> (4 h by default), flush with the start or the end of the shared working day.</summary>
    HalfDay,
    /// <summary><see cref="FieldDayOptions.FullDayDuration"/> (8 h by default), flush with the start or the end of the shared working day.</summary>
    FullDay,
}
