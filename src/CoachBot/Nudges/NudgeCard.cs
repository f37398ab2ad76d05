using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;
using CoachBot.Storage.Nudges;
using CoachBot.Teams.Cards;

namespace CoachBot.Nudges;

/// <summary>
/// The manager's daily nudge card (Adaptive Card 1.5) and its in-place variants. Every button is a Universal Action
/// (Action.Execute, refreshed in place) with an Action.Submit fallback; data carries the verb, the nudge's day and
/// which slot, so the handler reloads the stored snapshot from the clicking manager's own partition.
/// </summary>
public static class NudgeCard
{
    public const string Book = "nudge.book";
    public const string OtherTimes = "nudge.otherTimes";
    public const string View = "nudge.view";
    public const string Snooze = "nudge.snooze";
    public const string Settings = "nudge.settings";
    public const string SaveSettings = "nudge.settings.save";
    public const string EditList = "nudge.list";
    public const string SaveList = "nudge.list.save";

    public const string NudgeHourInput = "nudgeHour";
    public const string DaysOffInput = "daysOff";
    public const string LengthInput = "fieldDayLength";
    public const string TierInputPrefix = "tier";
    public const string GoalInputPrefix = "goal";
    public const string TaskInputPrefix = "task";
    public const string AutoHour = "auto";

    /// <summary>
    /// Caps on each list the card shows (the rest is counted as "and N more"), so a big team's day never pushes the card
    /// past Teams' ~28 KB message limit, whatever the snapshot holds.
    /// </summary>
    public const int MaxSlotsShown = 5;
    public const int MaxNamesShown = 10;
    public const int MaxPlansShown = 5;
    public const int MaxThemesShown = 5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static AdaptiveCard Build(NudgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.IsQuiet) return Quiet(content);

        List<CardElement> body = [Title("Your coaching day")];
        if (content.SlotsUnavailable)
            body.Add(new TextBlock("I couldn't reach your calendar, so no field-day suggestions today.") { Color = "Warning" });
        else if (content.Slots.Count > 0)
        {
            body.Add(Section("Field days worth booking"));
            AddSlots(body, content);
        }

        var fieldAsks = content.Requests.Where(r => r.Kind == RepRequestKind.FieldDay).Select(r => r.RepName).ToList();
        var plans = content.Requests.Where(r => r.Kind == RepRequestKind.SharedPlan).ToList();
        if (fieldAsks.Count > 0 || plans.Count > 0)
        {
            body.Add(Section("From your reps"));
            if (fieldAsks.Count > 0)
                body.Add(new TextBlock($"Asked for field time: {string.Join(", ", fieldAsks.Take(MaxNamesShown))}{AndMore(fieldAsks.Count, MaxNamesShown, "")}"));
            foreach (var plan in plans.Take(MaxPlansShown))
            {
                var due = plan.PlanDue is { } d ? string.Create(Invariant, $" (due {d:ddd d MMM})") : "";
                body.Add(new TextBlock($"{plan.RepName} shared a plan: {plan.PlanText}{due}") { Spacing = "Small" });
            }
            AddMore(body, plans.Count, MaxPlansShown, "shared plans");
        }

        if (content.Themes.Count > 0)
        {
            body.Add(Section("Team themes from yesterday"));
            foreach (var theme in content.Themes.Take(MaxThemesShown))
            {
                body.Add(new TextBlock(string.Create(Invariant, $"{theme.RepCount} reps were stuck on {NudgeComposer.TopicLabel(theme.Topic)}.")) { Spacing = "Small" });
                body.Add(new TextBlock(theme.Prompt) { IsSubtle = true, Spacing = "None" });
            }
            AddMore(body, content.Themes.Count, MaxThemesShown, "themes");
        }

        body.Add(new TextBlock(CoachingTimeText(content)) { Separator = true, Spacing = "Medium" });
        if (DealHelp.CoachingTimeCard.CountsText(content.CoachingTime) is { } counts)
        {
            body.Add(new TextBlock(counts) { IsSubtle = true, Spacing = "None", Size = "Small" });
            body.Add(new ActionSet([DealHelp.CoachingTimeCard.OpenButton(content.Day)]) { Spacing = "Small" });
        }
        body.Add(new TextBlock(ListLine(content.ThreeSixNo)) { IsSubtle = true, Spacing = "Small" });
        return new AdaptiveCard
        {
            FallbackText = FallbackText(content),
            Body = body,
            Actions = [Button("Snooze today", Snooze, content.Day), Button("Edit 3-6-No", EditList, content.Day), Button("Settings", Settings, content.Day)],
        };
    }

    /// <summary>Only the field-day suggestions ("field day" typed by a manager), each bookable.</summary>
    public static AdaptiveCard BuildFieldDays(NudgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        List<CardElement> body = [Title("Field days worth booking")];
        if (content.SlotsUnavailable) body.Add(new TextBlock("I couldn't reach your calendar, so I can't suggest field days right now.") { Color = "Warning" });
        else if (content.Slots.Count == 0) body.Add(new TextBlock("No half or full day is free for you and a rep in the next two weeks."));
        AddSlots(body, content);
        return new AdaptiveCard { FallbackText = "Field days worth booking", Body = body, Actions = [Button("My day", View, content.Day, sendInputs: false)] };
    }

    /// <summary>The suggested rep's other times, each bookable.</summary>
    public static AdaptiveCard BuildOtherTimes(NudgeContent content, int slot)
    {
        ArgumentNullException.ThrowIfNull(content);
        var main = content.Slots[slot];
        List<CardElement> body = [Title($"Other times with {main.RepName}")];
        if (main.Alternatives.Count == 0) body.Add(new TextBlock("No other free times in the next two weeks."));
        for (var i = 0; i < Math.Min(main.Alternatives.Count, MaxSlotsShown); i++) body.Add(SlotBlock(content, main.Alternatives[i], slot, alternative: i));
        AddMore(body, main.Alternatives.Count, MaxSlotsShown, "times");
        return new AdaptiveCard { FallbackText = $"Other times with {main.RepName}", Body = body, Actions = [Button("Back", View, content.Day, sendInputs: false)] };
    }

    public static AdaptiveCard BuildSnoozed(NudgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new AdaptiveCard
        {
            FallbackText = "Snoozed for today.",
            Body = [new TextBlock("Snoozed for today. Anything new will be in tomorrow's card.")],
            Actions = [Button("Show it again", View, content.Day, sendInputs: false)],
        };
    }

    public static AdaptiveCard BuildSettings(NudgeContent content, ManagerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(settings);
        List<Choice> hours = [new("Start of my working day", AutoHour), .. Enumerable.Range(6, 6).Select(h => new Choice(string.Create(Invariant, $"{h:00}:00"), h.ToString(Invariant)))];
        List<Choice> days = [.. Enum.GetValues<DayOfWeek>().Select(d => new Choice(d.ToString(), d.ToString()))];
        List<CardElement> body =
        [
            Title("Nudge settings"),
            new InputChoiceSet(hours) { Id = NudgeHourInput, Label = "Send my nudge at", Value = settings.NudgeHour?.ToString(Invariant) ?? AutoHour, Style = "compact" },
            new InputChoiceSet(days) { Id = DaysOffInput, Label = "Days off (no nudge, no field days)", IsMultiSelect = true, Value = string.Join(',', settings.DaysOff.Order()) },
            new InputChoiceSet([new("Half day", nameof(FieldDayLength.HalfDay)), new("Full day", nameof(FieldDayLength.FullDay))])
            {
                Id = LengthInput, Label = "Field-day length", Value = (settings.FieldDayLength ?? FieldDayLength.HalfDay).ToString(), Style = "expanded",
            },
        ];
        List<Choice> tiers = [new("Emerging", nameof(RepTier.Emerging)), new("Developing", nameof(RepTier.Developing)), new("Top performer", nameof(RepTier.Top))];
        if (content.Team.Count > 0) body.Add(Section("Team tiers"));
        for (var i = 0; i < content.Team.Count; i++)
        {
            var member = content.Team[i];
            body.Add(new InputChoiceSet(tiers) { Id = TierInputPrefix + i.ToString(Invariant), Label = member.Name, Value = member.Tier.ToString(), Style = "compact" });
        }
        return new AdaptiveCard
        {
            FallbackText = "Nudge settings",
            Body = body,
            Actions = [Button("Save", SaveSettings, content.Day), Button("Cancel", View, content.Day, sendInputs: false)],
        };
    }

    public static AdaptiveCard BuildListEditor(NudgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var list = content.ThreeSixNo;
        List<CardElement> body = [Title("Your 3-6-No list"), new TextBlock("3 team goals, the 6 things you do every day to reach them, and No to the rest.") { IsSubtle = true }];
        for (var i = 0; i < ThreeSixNoList.MaxGoals; i++)
            body.Add(new InputText { Id = GoalInputPrefix + i.ToString(Invariant), Label = string.Create(Invariant, $"Goal {i + 1}"), Value = list.Goals.ElementAtOrDefault(i), MaxLength = ThreeSixNoList.MaxItemLength });
        for (var i = 0; i < ThreeSixNoList.MaxTasks; i++)
            body.Add(new InputText { Id = TaskInputPrefix + i.ToString(Invariant), Label = string.Create(Invariant, $"Daily task {i + 1}"), Value = list.Tasks.ElementAtOrDefault(i), MaxLength = ThreeSixNoList.MaxItemLength });
        return new AdaptiveCard
        {
            FallbackText = "Your 3-6-No list",
            Body = body,
            Actions = [Button("Save", SaveList, content.Day), Button("Cancel", View, content.Day, sendInputs: false)],
        };
    }

    private static AdaptiveCard Quiet(NudgeContent content) => new()
    {
        FallbackText = FallbackText(content),
        Body = [new TextBlock($"Nothing new from your team today. {CoachingTimeText(content)}")],
        Actions = [Button("Settings", Settings, content.Day, sendInputs: false)],
    };

    /// <summary>The first slots, each keeping its index in the snapshot (the buttons' data), then how many are left out.</summary>
    private static void AddSlots(List<CardElement> body, NudgeContent content)
    {
        for (var i = 0; i < Math.Min(content.Slots.Count, MaxSlotsShown); i++) body.Add(SlotBlock(content, content.Slots[i], i, alternative: null));
        AddMore(body, content.Slots.Count, MaxSlotsShown, "suggestions");
    }

    private static void AddMore(List<CardElement> body, int total, int shown, string what)
    {
        if (total > shown) body.Add(new TextBlock(AndMore(total, shown, what).TrimStart()) { IsSubtle = true, Spacing = "Small" });
    }

    private static string AndMore(int total, int shown, string what) =>
        total > shown ? string.Create(Invariant, $" and {total - shown} more{(what.Length > 0 ? " " + what : "")}") : "";

    private static Container SlotBlock(NudgeContent content, NudgeSlot slot, int index, int? alternative)
    {
        List<CardElement> items =
        [
            new TextBlock($"**{slot.RepName}** · {When(slot)}"),
            new TextBlock(slot.Reason) { IsSubtle = true, Spacing = "None", Size = "Small" },
        ];
        if (slot.BookedEventId is not null)
            items.Add(new TextBlock("Booked. It's in your calendar and the invite is on its way.") { Color = "Good", Spacing = "Small" });
        else
        {
            if (slot.BookingError is { } error) items.Add(new TextBlock(error) { Color = "Attention", Spacing = "Small" });
            List<CardAction> actions = [Button(slot.BookingError is null ? "Book" : "Try again", Book, content.Day, index, alternative)];
            if (alternative is null) actions.Add(Button("Other times", OtherTimes, content.Day, index));
            items.Add(new ActionSet(actions) { Spacing = "Small" });
        }
        return new Container(items) { Spacing = "Medium" };
    }

    public static string When(NudgeSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var part = slot.Length == FieldDayLength.FullDay ? "full day" : slot.Start.Hour < 12 ? "morning" : "afternoon";
        return string.Create(Invariant, $"{slot.Start:ddd d MMM}, {part} ({slot.Start:HH:mm}–{slot.End:HH:mm})");
    }

    private static string CoachingTimeText(NudgeContent content) => content.CoachingTime is { } t
        ? string.Create(Invariant, $"Coaching time, last 7 days: {t.SharePercent:0}% (target {t.TargetPercent:0}%).")
        : "Coaching time: not available today.";

    private static string ListLine(ThreeSixNoList list) => list.IsEmpty
        ? "No 3-6-No list yet: add your 3 goals and 6 daily tasks."
        : $"3-6-No: {string.Join(" · ", list.Goals)}" + (list.Tasks.Count > 0 ? $" | today: {string.Join(" · ", list.Tasks)}" : "");

    private static string FallbackText(NudgeContent content) => content.IsQuiet
        ? "Nothing new from your team today."
        : string.Create(Invariant, $"Your coaching day: {content.Slots.Count} field-day suggestions, {content.Requests.Count} requests from reps.");

    private static TextBlock Title(string text) => new(text) { Size = "Medium", Weight = "Bolder", Style = "heading" };

    private static TextBlock Section(string text) => new(text) { Weight = "Bolder", Spacing = "Medium" };

    private static ActionExecute Button(string title, string verb, DateOnly day, int? slot = null, int? alternative = null, bool sendInputs = true)
    {
        var values = new Dictionary<string, string> { ["verb"] = verb, ["day"] = day.ToString("yyyy-MM-dd", Invariant) };
        if (slot is { } s) values["slot"] = s.ToString(Invariant);
        if (alternative is { } a) values["alt"] = a.ToString(Invariant);
        var data = JsonSerializer.SerializeToElement(values, NudgeCardJson.Default.DictionaryStringString);
        return new ActionExecute(title, verb, data)
        {
            AssociatedInputs = sendInputs ? null : "none",
            Fallback = new ActionSubmit(title, data) { AssociatedInputs = sendInputs ? null : "none" },
        };
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class NudgeCardJson : System.Text.Json.Serialization.JsonSerializerContext;
