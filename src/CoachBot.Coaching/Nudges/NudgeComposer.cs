using System.Globalization;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Nudges;

/// <summary>
/// Turns a manager's day into a short nudge: the best field day per rep (top 3), who asked for time or shared a plan,
/// themes several reps share (counts only, at least <see cref="NudgeCompositionOptions.ThemeMinimumReps"/> reps),
/// coaching time against target and the 3-6-No reminder. Nothing new means a quiet (one-line) nudge, or none.
/// </summary>
public static class NudgeComposer
{
    /// <summary>The nudge, or null when there is nothing new and <see cref="EmptyNudge.None"/> is configured.</summary>
    public static NudgeContent? Compose(NudgeInput input, NudgeCompositionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= NudgeCompositionOptions.Default;

        var slots = PickSlots(input, options);
        var requests = input.Requests
            .GroupBy(r => (r.RepId, r.Kind))
            .Select(g => g.Last())
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.RepName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var themes = Themes(input, options);
        var quiet = slots.Count == 0 && requests.Count == 0 && themes.Count == 0 && !input.SlotsUnavailable;
        if (quiet && options.EmptyDay == EmptyNudge.None) return null;

        return new NudgeContent
        {
            Day = input.Today,
            IsQuiet = quiet,
            Slots = slots,
            SlotsUnavailable = input.SlotsUnavailable,
            Requests = requests,
            Themes = themes,
            CoachingTime = input.CoachingTime is { } w
                ? new CoachingTimeLine(w.SharePercent, input.CoachingTargetPercent, w.SharePercent >= input.CoachingTargetPercent) { Counts = w.Counts, DealCallMinutes = w.DealCallMinutes }
                : null,
            ThreeSixNo = input.ThreeSixNo ?? ThreeSixNoList.Empty,
            Team = input.Team,
        };
    }

    private static List<NudgeSlot> PickSlots(NudgeInput input, NudgeCompositionOptions options)
    {
        if (input.SlotsUnavailable) return [];
        var picked = new List<NudgeSlot>(options.MaxSlots);
        // Slots arrive ranked; the first per rep is that rep's best. One suggestion per rep keeps the card short.
        foreach (var byRep in input.Slots.GroupBy(s => s.RepId, StringComparer.OrdinalIgnoreCase))
        {
            if (picked.Count == options.MaxSlots) break;
            var best = byRep.First();
            var alternatives = byRep.Skip(1).Take(options.MaxAlternatives)
                .Select(a => new NudgeSlot(a.RepId, a.RepName, a.Start, a.End, a.Length, a.Reason))
                .ToList();
            picked.Add(new NudgeSlot(best.RepId, best.RepName, best.Start, best.End, best.Length, best.Reason) { Alternatives = alternatives });
        }
        return picked;
    }

    private static List<NudgeTheme> Themes(NudgeInput input, NudgeCompositionOptions options)
    {
        var minimum = Math.Max(1, options.ThemeMinimumReps);
        var teamSize = input.Team.Count;
        return [.. input.Topics
            .Where(t => !string.IsNullOrWhiteSpace(t.Topic))
            .GroupBy(t => t.Topic, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Topic: g.Key, Reps: g.Select(t => t.RepId).Distinct(StringComparer.OrdinalIgnoreCase).Count()))
            .Where(t => t.Reps >= minimum)
            .OrderByDescending(t => t.Reps)
            .ThenBy(t => t.Topic, StringComparer.Ordinal)
            .Select(t => new NudgeTheme(t.Topic, t.Reps, Prompt(t.Topic, t.Reps, teamSize, options)))];
    }

    private static string Prompt(string topic, int reps, int teamSize, NudgeCompositionOptions options)
    {
        var label = TopicLabel(topic);
        return teamSize > 0 && reps >= teamSize * options.GroupTimeShare
            ? string.Create(CultureInfo.InvariantCulture, $"Most of the team is stuck on {label}: worth 30 minutes of group time this week.")
            : string.Create(CultureInfo.InvariantCulture, $"Try a short team drill on {label}.");
    }

    /// <summary>The taxonomy's name in lower case ("price objection"), or the id with dashes as spaces.</summary>
    public static string TopicLabel(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return TopicTaxonomy.Find(topic) is { } known
            ? known.Name.ToLowerInvariant()
            : topic.Replace('-', ' ').Replace('_', ' ').Trim();
    }
}
