using System.ComponentModel.DataAnnotations;
namespace CoachBot.Coaching;

/// <summary>The <c>Coaching</c> configuration section (settings admins can change without redeploying code).</summary>
public sealed class CoachingOptions
{
    public const string Section = "Coaching";

    /// <summary>The team's messaging library for practice drills (JSON, see content/drills.json).</summary>
    [Required]
    public string DrillLibraryPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content", "drills.json");

    /// <summary>How long a rep's raw text and turns are kept.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>The longest export sent in chat; the rest is summarised.</summary>
    [Range(1000, 1_000_000)]
    public int MaxExportCharacters { get; set; } = 20_000;

    // Org-wide nudge defaults admins set here (docs/configuration.md); Nudges:* keys of the same meaning win (AddNudges).

    /// <summary>Manager-local hour of the daily nudge for managers who did not pick one; null = the start of their working hours.</summary>
    [Range(0, 23)]
    public int? NudgeHour { get; set; }

    /// <summary>Target share (percent) of a manager's working time spent coaching; null = 50.</summary>
    [Range(0, 100.0)]
    public double? CoachingTargetPercent { get; set; }

    /// <summary>Length of suggested field-day slots; null = half a day.</summary>
    [EnumDataType(typeof(CoachBot.Coaching.FieldDays.FieldDayLength))]
    public CoachBot.Coaching.FieldDays.FieldDayLength? FieldDayLength { get; set; }

    /// <summary>A team theme is shown only when at least this many reps share it; null = 3.</summary>
    [Range(1, 1000)]
    public int? ThemeMinimumReps { get; set; }
}
