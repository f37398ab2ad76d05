using System.Globalization;
using CoachBot.Coaching.Leaders;
using CoachBot.Teams.Cards;

namespace CoachBot.Leaders;

/// <summary>
/// The sales leader's weekly card (Adaptive Card 1.5, read-only): one section per manager with counts only. No rep is
/// named and nothing a rep wrote appears; a team below the privacy threshold shows "too few reps to show".
/// </summary>
public static class LeaderCard
{
    public const string Title = "Coaching across your managers";
    public const string TooFewReps = "Too few reps to show.";

    /// <summary>Managers shown; the rest are counted (the admin CSV has them all), so the card stays under Teams' size limit.</summary>
    public const int MaxManagersShown = 20;

    public static AdaptiveCard Build(IReadOnlyList<ManagerWeek> weeks, DateOnly weekStart)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        var c = CultureInfo.InvariantCulture;
        List<CardElement> body =
        [
            new TextBlock(Title) { Size = "Large", Weight = "Bolder" },
            new TextBlock($"The 7 days to {weekStart.AddDays(-1).ToString("ddd d MMM", c)}; reps with a field day over the last {LeaderFigures.FieldWindowDays} days.") { IsSubtle = true, Spacing = "None" },
        ];
        foreach (var w in weeks.Take(MaxManagersShown))
        {
            body.Add(new TextBlock(w.ManagerName) { Weight = "Bolder", Separator = true, Spacing = "Medium" });
            if (w.Figures.TooFewReps) body.Add(new TextBlock(TooFewReps) { IsSubtle = true, Spacing = "Small" });
            else body.Add(new FactSet(Facts(w.Figures)) { Spacing = "Small" });
        }
        if (weeks.Count > MaxManagersShown) body.Add(new TextBlock($"And {weeks.Count - MaxManagersShown} more managers (ask your admin for the full report).") { IsSubtle = true });
        body.Add(new TextBlock("Counts only: what reps tell CoachBot stays private.") { IsSubtle = true, Size = "Small", Separator = true });
        return new AdaptiveCard { FallbackText = $"{Title}: your managers' coaching last week.", Body = body };
    }

    internal static List<Fact> Facts(ManagerWeekFigures f)
    {
        var c = CultureInfo.InvariantCulture;
        var share = f.CoachingSharePercent is { } s
            ? string.Create(c, $"{s:0.#} % (target {f.TargetPercent:0.#} %){(s >= f.TargetPercent ? " ✓" : "")}")
            : "calendar not available";
        return
        [
            new Fact("Coaching time", share),
            new Fact("Field days", string.Create(c, $"{f.FieldDaysHeld} held, {f.FieldDaysDebriefed} debriefed")),
            new Fact("Reps in the field (30 days)", string.Create(c, $"{f.EmergingRepsInField} emerging, {f.DevelopingRepsInField} developing, {f.TopRepsInField} top")),
            new Fact("Plans followed up", (f.PlansFollowedUp ?? 0).ToString(c)),
        ];
    }
}
