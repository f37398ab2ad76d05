using System.Text.RegularExpressions;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Dialogue;

/// <summary>Commitments at any turn: the first message, mid-arc, after "I don't know"s, and restated after confirmation.</summary>
public static partial class CoachingEngine
{
    /// <summary>The reply to a message that commits to an action, or null when it does not (the arc then goes on as usual).</summary>
    private static CoachingReply? Commitments(CoachingState state, string text, DateOnly today)
    {
        var found = CommitmentReader.Find(text, today);

        // After a confirmation, the same plan with a new day (or "make it Friday") updates that plan instead of opening a new arc.
        if (state.Stage == CoachingStage.Committed && state.LastPlan is { } last && state.Plan is not null
            && (found is not null || CommitmentReader.IsReschedule(text)))
        {
            var due = found?.Due ?? CommitmentReader.DueDate(text, today);
            var restated = found is null || found.PronounOnly || SameAction(found.Plan, last.Plan);
            if (due.Status == DueDateStatus.Found && restated && due.Date != last.Due)
                return Update(state, last, found is { PronounOnly: false } ? Clip(found.Plan, MaxPlanChars) : Redate(last.Plan, last.Due, due.Date!.Value), due.Date!.Value);
        }
        if (found is null) return null;

        var arc = state.Stage is CoachingStage.Idle or CoachingStage.Committed ? Begin(state, text) : state with { Insistence = 0, DontKnows = 0 };
        return Commit(arc with { Stage = CoachingStage.Will, AwaitingReply = null, StageQuestions = 1 }, text, today, found);
    }

    private static CoachingReply Update(CoachingState state, Commitment last, string plan, DateOnly due)
    {
        var card = last with { Plan = plan, Due = due };
        var updated = state with { Plan = plan, PlanDue = due, LastPlan = card, AwaitingReply = Awaiting.Obstacle, PendingDue = null, DateChoices = [] };
        var said = plan == last.Plan ? "Updated: your plan is now due" : $"Updated. {PlanSaid(plan)}, now due";
        return Ask(updated, $"{said} {FormatDate(due)}, and I'll check in then. ", "w-update", "What could still get in the way?", ReplyKind.PlanUpdated)
            with { Plan = card };
    }

    /// <summary>"I'll call the CFO on Friday" moved to Wednesday reads "… on Wednesday": the old day's name is swapped, nothing else.</summary>
    private static string Redate(string plan, DateOnly from, DateOnly to)
    {
        var newDay = to.DayOfWeek.ToString();
        var swapped = Regex.Replace(plan, $@"\b{from.DayOfWeek}\b", newDay, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));
        if (swapped != plan) return swapped;
        return Regex.Replace(plan, @"\b(tomorrow|today|tonight)\b", "on " + newDay, RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));
    }

    /// <summary>The plan as the rep said it, quoted whole; a plan too long to quote whole is not quoted at all.</summary>
    private static string PlanSaid(string plan)
    {
        var flat = Quote(plan, int.MaxValue).TrimEnd('.', '!', ';', ' ');
        return flat.Length <= 200 ? $"Your plan: “{flat}”" : "Your plan is saved";
    }

    /// <summary>Two wordings of one action share its verb and most of its words ("email her old boss").</summary>
    private static bool SameAction(string a, string b)
    {
        var wa = TopicDetector.Words(a).Where(w => !DateWords.Contains(w) && w.Length > 2).ToHashSet();
        var wb = TopicDetector.Words(b).Where(w => !DateWords.Contains(w) && w.Length > 2).ToHashSet();
        if (wa.Count == 0 || wb.Count == 0) return true;
        var shared = wa.Intersect(wb).Count();
        return shared * 2 >= Math.Min(wa.Count, wb.Count);
    }

    // "sometime next week" answering "which day?": a week, not a day to check in on ("Wednesday next week" is a day; a bare
    // "this week" is Friday, as in a plan).
    [GeneratedRegex(@"^(?!.*\b(mon|tues|wednes|thurs|fri)day\b)(\w+\s+){0,2}?(?<vague>some ?time|at some point|whenever|probably|prob)?\s*(?<week>(next|this) week)$")]
    private static partial Regex VagueWeek();

    // A plan dated only by "next week" ("by next week", "early next week"); "end of next week", "Tuesday next week",
    // another day named in the plan, or "this week" (Friday, by design) are days.
    [GeneratedRegex(@"^(?!.*\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|.*\b(tomorrow|today|tonight|end of next week|the \d{1,2}(st|nd|rd|th))\b).*\b(?<week>next week)\b")]
    private static partial Regex WeekWithoutDay();

    // An answer that names this week's day on purpose ("this Thursday", "tomorrow", a date).
    [GeneratedRegex(@"\b(this|tomorrow|today|tonight|\d{1,2}(st|nd|rd|th)?|january|february|march|april|may|june|july|august|september|october|november|december)\b")]
    private static partial Regex ThisWeekWords();
}
