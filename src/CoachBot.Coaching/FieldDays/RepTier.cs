namespace CoachBot.Coaching.FieldDays;

/// <summary>
/// Where a rep sits in the manager's triage (docs/product.md, "Emerging contributors first"): one-on-one field time goes
/// mostly to emerging contributors, then to developing ones; top performers get recognition and career talks.
/// </summary>
public enum RepTier
{
    /// <summary>The middle of the team, who can become top performers. The default.</summary>
    Emerging = 0,
    /// <summary>Bottom performers: group time first, field time second.</summary>
    Developing = 1,
    /// <summary>Top performers: recognise them, talk careers; field time last.</summary>
    Top = 2,
}
