using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.FieldDays;
using CoachBot.Storage.FieldDays;
using CoachBot.Teams.Cards;

namespace CoachBot.FieldDays;

/// <summary>
/// The field-day cards (Adaptive Card 1.5). Every button is a Universal Action (Action.Execute inside an ActionSet,
/// refreshed in place from the invoke answer) with an Action.Submit fallback; data carries the verb, the field day's
/// UTC day and id, and the handler checks the clicker is the manager or the rep of that field day.
/// </summary>
public static class FieldDayCards
{
    public const string Watch = "fieldday.watch";
    public const string Share = "fieldday.share";
    public const string Keep = "fieldday.keep";
    public const string Debrief = "fieldday.debrief";

    public const string WatchInput = "watch";
    public const string FocusInput = "focus";
    public const string CallsInput = "calls";
    public const string ReinforceInput = "reinforce";
    public const string ImproveInput = "improve";
    public const string SkillInput = "skill";

    public const int MaxAnswerLength = 500;
    public const int MaxTopicsShown = 5;
    public const int MaxPlansShown = 5;

    /// <summary>The manager's prep card: topic names and counts, shared plans due around the day, skills to watch.</summary>
    public static AdaptiveCard BuildPrep(FieldDayRecord fd, FieldDayPrep prep)
    {
        ArgumentNullException.ThrowIfNull(fd);
        ArgumentNullException.ThrowIfNull(prep);
        var rep = fd.RepName;
        List<CardElement> body =
        [
            Title($"Field day with {rep}"),
            new TextBlock(When(fd, fd.ManagerTimeZone)) { IsSubtle = true, Spacing = "None" },
            Section($"What {rep} has been working on"),
        ];
        if (prep.Topics.Count == 0) body.Add(new TextBlock($"No coaching topics from {rep} in the last {FieldDayPrep.TopicDays} days."));
        else
        {
            body.Add(new FactSet([.. prep.Topics.Take(MaxTopicsShown).Select(t => new Fact(t.Name, Times(t.Count)))]));
            body.Add(new TextBlock($"Topic counts from the last {FieldDayPrep.TopicDays} days; what {rep} wrote stays private.") { IsSubtle = true, Spacing = "Small" });
        }
        if (prep.SharedPlans.Count > 0)
        {
            body.Add(Section($"Plans {rep} shared, due around the day"));
            foreach (var p in prep.SharedPlans.Take(MaxPlansShown))
                body.Add(new TextBlock($"- {p.Text} (due {p.Due.ToString("ddd d MMM", CultureInfo.InvariantCulture)})") { Spacing = "Small" });
        }
        body.Add(Section("Pick one or two skills to watch"));
        body.Add(new TextBlock($"Watching for a few things makes the debrief easy: one thing {rep} did well, one to improve.") { Spacing = "Small" });
        var chosen = fd.Watch.Select(FieldDaySkills.Find).OfType<FieldDaySkill>().ToList();
        if (chosen.Count > 0) body.Add(new TextBlock("You'll watch: " + string.Join(" and ", chosen.Select(s => s.Name)) + ".") { Color = "Good" });
        body.Add(new InputChoiceSet(SkillChoices()) { Id = WatchInput, Label = "Skills to watch", IsMultiSelect = true, Style = "expanded", Value = string.Join(',', fd.Watch) });
        body.Add(new ActionSet([Button(chosen.Count > 0 ? "Change" : "Save", Watch, fd)]));
        return new AdaptiveCard { FallbackText = $"Field day with {rep}: pick one or two skills to watch.", Body = body };
    }

    /// <summary>
    /// The rep's Socratic question before the day; the answer stays with the rep unless they share it. After "Keep to
    /// myself" the same card comes back with their words in it, so they can still share later.
    /// </summary>
    public static AdaptiveCard BuildAsk(FieldDayRecord fd, string? focus = null, string? calls = null, bool kept = false)
    {
        ArgumentNullException.ThrowIfNull(fd);
        var manager = fd.ManagerName;
        List<CardElement> body =
        [
            Title($"Your field day with {manager}"),
            new TextBlock(When(fd, fd.RepTimeZone)) { IsSubtle = true, Spacing = "None" },
            new TextBlock($"A day together is a chance to get feedback on what matters to you. What would you like {manager} to watch for? And which calls have you planned?"),
            new InputText { Id = FocusInput, Label = $"What should {manager} watch for?", IsMultiline = true, MaxLength = MaxAnswerLength, Value = focus },
            new InputText { Id = CallsInput, Label = "Which calls have you planned?", IsMultiline = true, MaxLength = MaxAnswerLength, Value = calls },
            kept
                ? new TextBlock($"Kept to yourself: {manager} doesn't see it.") { Color = "Good" }
                : new TextBlock($"Your answers stay with you unless you share them with {manager}.") { IsSubtle = true },
        ];
        body.Add(new ActionSet(kept ? [Button($"Share with {manager}", Share, fd)] : [Button($"Share with {manager}", Share, fd), Button("Keep to myself", Keep, fd)]));
        return new AdaptiveCard { FallbackText = $"Your field day with {manager}: what would you like them to watch for?", Body = body };
    }

    /// <summary>
    /// The rep's card once shared: their own words, still editable, who now sees them, and a button to share new wording
    /// (the manager then gets the new wording, once).
    /// </summary>
    public static AdaptiveCard BuildAnswered(FieldDayRecord fd, string? focus, string? calls)
    {
        ArgumentNullException.ThrowIfNull(fd);
        var manager = fd.ManagerName;
        return new AdaptiveCard
        {
            FallbackText = "Shared with your manager.",
            Body =
            [
                Title($"Your field day with {manager}"),
                new TextBlock(When(fd, fd.RepTimeZone)) { IsSubtle = true, Spacing = "None" },
                new InputText { Id = FocusInput, Label = $"What should {manager} watch for?", IsMultiline = true, MaxLength = MaxAnswerLength, Value = focus },
                new InputText { Id = CallsInput, Label = "Which calls have you planned?", IsMultiline = true, MaxLength = MaxAnswerLength, Value = calls },
                new TextBlock($"Shared with {manager}.") { Color = "Good" },
                new ActionSet([Button($"Share changes with {manager}", Share, fd)]),
            ],
        };
    }

    /// <summary>What the rep chose to share, for the manager.</summary>
    public static AdaptiveCard BuildShared(FieldDayRecord fd)
    {
        ArgumentNullException.ThrowIfNull(fd);
        return new AdaptiveCard
        {
            FallbackText = $"{fd.RepName} shared what to watch for on your field day.",
            Body =
            [
                Title($"{fd.RepName}'s focus for your field day{(fd.RepShares > 1 ? " (updated)" : "")}"),
                new TextBlock(When(fd, fd.ManagerTimeZone)) { IsSubtle = true, Spacing = "None" },
                Answers(fd.RepFocus, fd.RepCalls),
            ],
        };
    }

    /// <summary>The manager's debrief after the day: one thing to reinforce, one to improve.</summary>
    public static AdaptiveCard BuildDebrief(FieldDayRecord fd, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(fd);
        var rep = fd.RepName;
        List<CardElement> body =
        [
            Title($"How did the field day with {rep} go?"),
            new TextBlock(When(fd, fd.ManagerTimeZone)) { IsSubtle = true, Spacing = "None" },
            new TextBlock($"Reinforce one thing {rep} did well and name the one thing to improve. {rep} sees both; CoachBot then coaches {rep} on the improvement until they have their own plan."),
        ];
        if (error is not null) body.Add(new TextBlock(error) { Color = "Attention" });
        body.Add(new InputText { Id = ReinforceInput, Label = $"What did {rep} do well?", IsMultiline = true, MaxLength = MaxAnswerLength, IsRequired = true, ErrorMessage = "Say one thing that went well." });
        body.Add(new InputChoiceSet(SkillChoices()) { Id = SkillInput, Label = "Which skill is the improvement about?", Style = "compact", Value = fd.Watch.Count > 0 ? fd.Watch[0] : null });
        body.Add(new InputText { Id = ImproveInput, Label = "One thing to improve", IsMultiline = true, MaxLength = MaxAnswerLength, IsRequired = true, ErrorMessage = "Name one thing to improve." });
        body.Add(new ActionSet([Button($"Send to {rep}", Debrief, fd)]));
        return new AdaptiveCard { FallbackText = $"Debrief your field day with {rep}.", Body = body };
    }

    /// <summary>The debrief card once sent: what the rep now sees.</summary>
    public static AdaptiveCard BuildDebriefed(FieldDayRecord fd)
    {
        ArgumentNullException.ThrowIfNull(fd);
        List<Fact> facts = [new("Did well", fd.Reinforce ?? ""), new("To improve", fd.Improve ?? "")];
        if (FieldDaySkills.Find(fd.ImproveSkill) is { } skill) facts.Add(new Fact("Skill", skill.Name));
        return new AdaptiveCard
        {
            FallbackText = $"Debrief sent to {fd.RepName}.",
            Body =
            [
                Title($"Field day with {fd.RepName}: debrief sent"),
                new TextBlock(When(fd, fd.ManagerTimeZone)) { IsSubtle = true, Spacing = "None" },
                new FactSet(facts),
                new TextBlock($"{fd.RepName} has your feedback, and CoachBot is coaching them on the improvement.") { Color = "Good" },
            ],
        };
    }

    /// <summary>"Tue 10 Mar, 08:00–12:00" in the reader's time zone (UTC when unknown).</summary>
    public static string When(FieldDayRecord fd, string? timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(fd);
        var zone = FindZone(timeZoneId);
        var start = TimeZoneInfo.ConvertTime(fd.Start, zone);
        var end = TimeZoneInfo.ConvertTime(fd.End, zone);
        var c = CultureInfo.InvariantCulture;
        return $"{start.ToString("ddd d MMM, HH:mm", c)}–{end.ToString("HH:mm", c)}{(zone == TimeZoneInfo.Utc ? " UTC" : "")}";
    }

    internal static TimeZoneInfo FindZone(string? id)
    {
        try
        {
            return id is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }

    private static FactSet Answers(string? focus, string? calls) =>
        new([new Fact("Watch for", string.IsNullOrWhiteSpace(focus) ? "(nothing yet)" : focus), new Fact("Calls planned", string.IsNullOrWhiteSpace(calls) ? "(nothing yet)" : calls)]);

    private static Choice[] SkillChoices() => [.. FieldDaySkills.All.Select(s => new Choice(s.Name, s.Id))];

    private static string Times(int n) => n == 1 ? "once" : n.ToString(CultureInfo.InvariantCulture) + " times";

    private static TextBlock Title(string text) => new(text) { Size = "Medium", Weight = "Bolder", Style = "heading" };

    private static TextBlock Section(string text) => new(text) { Weight = "Bolder", Spacing = "Medium" };

    private static ActionExecute Button(string title, string verb, FieldDayRecord fd)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["verb"] = verb,
            ["day"] = fd.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["fd"] = fd.FieldDayId,
        });
        return new ActionExecute(title, verb, data) { Fallback = new ActionSubmit(title, data) };
    }
}

/// <summary>What the manager's prep card shows: topic names and counts, and plans the rep shared (their own choice).</summary>
public sealed record FieldDayPrep(IReadOnlyList<TopicCount> Topics, IReadOnlyList<SharedPlanLine> SharedPlans)
{
    /// <summary>How far back the topic counts look.</summary>
    public const int TopicDays = 30;

    /// <summary>Shared plans due this many days either side of the field day are shown.</summary>
    public const int PlanWindowDays = 7;
}

public sealed record TopicCount(string Name, int Count);

public sealed record SharedPlanLine(string Text, DateOnly Due);
