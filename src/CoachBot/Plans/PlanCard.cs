using System.Globalization;
using System.Text.Json;
using CoachBot.Storage.Plans;
using CoachBot.Teams.Cards;

namespace CoachBot.Plans;

/// <summary>
/// The small card that confirms a rep's plan: what, by when, and one-click follow-ons. Buttons are Universal Actions
/// (refreshed in place) with an Action.Submit fallback for older clients; both carry the verb and plan id.
/// </summary>
public static class PlanCard
{
    public const string Share = "plan.share";
    public const string FieldDay = "plan.fieldDay";
    public const string Change = "plan.change";
    public const string Save = "plan.save";
    public const string View = "plan.view";

    public const string PlanTextInput = "planText";
    public const string PlanDueInput = "planDue";

    public static AdaptiveCard Build(PlanRecord plan)
    {
        var due = plan.Due.ToString("dddd d MMMM", CultureInfo.InvariantCulture);
        List<CardElement> body =
        [
            new TextBlock("Your plan") { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new TextBlock(plan.Text),
            new FactSet([new Fact("Due", due), new Fact("Visible to", plan.SharedWithManager ? "You and your manager" : "Only you")]),
        ];
        if (plan.FieldDayRequested) body.Add(new TextBlock("Field day requested: your manager will see it in their next nudge.") { IsSubtle = true });
        body.Add(new TextBlock("I'll check in on the due date.") { IsSubtle = true, Spacing = "Small" });

        List<CardAction> actions = [];
        if (!plan.SharedWithManager) actions.Add(Button("Share with my manager", Share, plan));
        if (!plan.FieldDayRequested) actions.Add(Button("Ask for a field day", FieldDay, plan));
        actions.Add(Button("Change", Change, plan));
        return new AdaptiveCard { FallbackText = $"Your plan: {plan.Text} (due {due})", Body = body, Actions = actions };
    }

    public static AdaptiveCard BuildEditor(PlanRecord plan) => new()
    {
        FallbackText = "Change your plan",
        Body =
        [
            new TextBlock("Change your plan") { Size = "Medium", Weight = "Bolder", Style = "heading" },
            new InputText { Id = PlanTextInput, Label = "What will you do?", Value = plan.Text, IsMultiline = true, MaxLength = 500, IsRequired = true, ErrorMessage = "Say what you'll do." },
            new InputDate { Id = PlanDueInput, Label = "By when?", Value = plan.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), IsRequired = true, ErrorMessage = "Pick a date." },
        ],
        Actions = [Button("Save", Save, plan), Button("Cancel", View, plan, sendInputs: false)],
    };

    private static ActionExecute Button(string title, string verb, PlanRecord plan, bool sendInputs = true)
    {
        var data = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["verb"] = verb, ["planId"] = plan.PlanId });
        return new ActionExecute(title, verb, data)
        {
            AssociatedInputs = sendInputs ? null : "none",
            Fallback = new ActionSubmit(title, data) { AssociatedInputs = sendInputs ? null : "none" },
        };
    }
}
