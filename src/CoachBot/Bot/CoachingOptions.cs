namespace CoachBot.Bot;

/// <summary>The <c>Coaching</c> configuration section (settings admins can change without redeploying code).</summary>
public sealed class CoachingOptions
{
    public const string Section = "Coaching";

    /// <summary>The team's messaging library for practice drills (JSON, see content/drills.json).</summary>
    public string DrillLibraryPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "content", "drills.json");

    /// <summary>How long a rep's raw text and turns are kept.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>The longest export sent in chat; the rest is summarised.</summary>
    public int MaxExportCharacters { get; set; } = 20_000;
}
