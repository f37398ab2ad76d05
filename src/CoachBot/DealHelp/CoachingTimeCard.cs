using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.Nudges;
using CoachBot.Nudges;
using CoachBot.Teams.Cards;

namespace CoachBot.DealHelp;

/// <summary>
/// How the nudge's coaching time was counted: the share, events per class, and each listed event with one button to
/// correct it ("This was coaching" / "This was a deal call"), an Action.Execute carrying the nudge's day and the event's
/// place in the stored snapshot (never a Graph id), so a click reaches only the clicking manager's own events.
/// </summary>
public static class CoachingTimeCard
{
    public const string Events = "coachingtime.events";
    public const string Classify = "coachingtime.classify";
    public const string AsCoaching = "coaching";
    public const string AsDealCall = "dealCall";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"field days 1 · debriefs 0 · 1:1s 2 · deal calls 1 (team selling, not counted)", or null without counts.</summary>
    public static string? CountsText(CoachingTimeLine? line)
    {
        if (line?.Counts is not { } c) return null;
        var marked = c.MarkedCoaching > 0 ? string.Create(Invariant, $" · marked by you {c.MarkedCoaching}") : "";
        return string.Create(Invariant,
            $"Field days {c.FieldDays} · debriefs {c.Debriefs} · 1:1s {c.OneOnOnes}{marked} · deal calls {c.DealCalls} ({c.DealCalls switch { 0 => "", _ => $"{line.DealCallMinutes / 60:0.#} h, " }}team selling, not counted)");
    }

    public static AdaptiveCard Build(NudgeContent content, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var line = content.CoachingTime;
        List<CardElement> body = [new TextBlock("Coaching time, last 7 days") { Size = "Medium", Weight = "Bolder", Style = "heading" }];
        if (line is null)
        {
            body.Add(new TextBlock("Coaching time is not available today: I couldn't read your calendar."));
            return new AdaptiveCard { FallbackText = "Coaching time", Body = body, Actions = [Back(content)] };
        }
        body.Add(new TextBlock(string.Create(Invariant, $"{line.SharePercent:0.#}% of your working time (target {line.TargetPercent:0}%).")));
        if (CountsText(line) is { } counts) body.Add(new TextBlock(counts) { IsSubtle = true, Spacing = "None" });
        body.Add(new TextBlock("Field days, debriefs and 1:1s with your reps count as coaching. A call with a rep and a customer is a deal call (team selling) and doesn't. Wrong? Correct it below: it counts that way from now on, on this card and in your leader's weekly figures.") { IsSubtle = true, Size = "Small" });
        if (notice is not null) body.Add(new TextBlock(notice) { Color = "Attention" });
        if (line.Events.Count == 0) body.Add(new TextBlock("No events with your reps in the last 7 days."));
        for (var i = 0; i < line.Events.Count; i++) body.Add(EventBlock(content.Day, line.Events[i], i));
        return new AdaptiveCard { FallbackText = "Coaching time, last 7 days", Body = body, Actions = [Back(content)] };
    }

    public static string ClassName(CoachingEventClass c) => c switch
    {
        CoachingEventClass.FieldDay => "Field day",
        CoachingEventClass.Debrief => "Debrief",
        CoachingEventClass.OneOnOne => "1:1",
        CoachingEventClass.MarkedCoaching => "Coaching (marked by you)",
        CoachingEventClass.DealCall => "Deal call (team selling)",
        _ => "Not counted",
    };

    private static Container EventBlock(DateOnly day, CoachingTimeEvent e, int index)
    {
        var coaching = e.Class is CoachingEventClass.FieldDay or CoachingEventClass.Debrief or CoachingEventClass.OneOnOne or CoachingEventClass.MarkedCoaching;
        var corrected = e.Corrected ? " · you corrected this" : "";
        return new Container(
        [
            new TextBlock(string.Create(Invariant, $"**{ClassName(e.Class)}** · {e.Start:ddd d MMM, HH:mm}–{e.End:HH:mm} · {e.Who}{corrected}")),
            new ActionSet([coaching ? Button("This was a deal call", day, index, AsDealCall) : Button("This was coaching", day, index, AsCoaching)]) { Spacing = "Small" },
        ]) { Spacing = "Medium" };
    }

    private static ActionExecute Back(NudgeContent content)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["verb"] = NudgeCard.View, ["day"] = Day(content.Day) }, DealHelpJson.Default.DictionaryStringString);
        return new ActionExecute("Back", NudgeCard.View, data) { Fallback = new ActionSubmit("Back", data) };
    }

    /// <summary>The button that opens this card from the nudge.</summary>
    public static ActionExecute OpenButton(DateOnly day)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["verb"] = Events, ["day"] = Day(day) }, DealHelpJson.Default.DictionaryStringString);
        return new ActionExecute("How it's counted", Events, data) { AssociatedInputs = "none", Fallback = new ActionSubmit("How it's counted", data) { AssociatedInputs = "none" } };
    }

    private static ActionExecute Button(string title, DateOnly day, int index, string asClass)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["verb"] = Classify, ["day"] = Day(day), ["ev"] = index.ToString(Invariant), ["as"] = asClass,
        }, DealHelpJson.Default.DictionaryStringString);
        return new ActionExecute(title, Classify, data) { Fallback = new ActionSubmit(title, data) };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);
}
