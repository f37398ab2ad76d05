using System.Globalization;
using CoachBot.Coaching;
using CoachBot.Storage.Plans;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;

namespace CoachBot.Plans;

/// <summary>
/// Clicks on a plan card: share with the manager, ask for a field day, change (editor) and save. Plans are looked up
/// in the clicking user's own partition, so nobody can act on someone else's plan by forging a plan id.
/// </summary>
internal sealed class PlanCardActions(PlanStore plans, PlanActions actions) : ICardActionHandler
{
    public const int MaxPlanLength = 500;

    public bool Handles(string verb) => verb.StartsWith("plan.", StringComparison.Ordinal);

    /// <summary>The card that replaces the clicked one, or an error response.</summary>
    public async Task<InvokeResponse> HandleAsync(CardActionInvoke action, RepIdentity user, CancellationToken ct)
    {
        var planId = action.GetString("planId");
        var plan = planId is null ? null : await plans.GetAsync(user.TenantId, user.UserKey, planId, ct).ConfigureAwait(false);
        if (plan is null) return InvokeResponses.Error(404, "PlanNotFound", "That plan no longer exists.");

        switch (action.Verb)
        {
            case PlanCard.Share:
                return InvokeResponses.Card(PlanCard.Build(await actions.ShareAsync(plan, ct).ConfigureAwait(false)));
            case PlanCard.FieldDay:
                return InvokeResponses.Card(PlanCard.Build(await actions.RequestFieldDayAsync(plan, ct).ConfigureAwait(false)));
            case PlanCard.Change:
                return InvokeResponses.Card(PlanCard.BuildEditor(plan));
            case PlanCard.View:
                return InvokeResponses.Card(PlanCard.Build(plan));
            case PlanCard.Save:
                var text = action.GetString(PlanCard.PlanTextInput)?.Trim();
                var dueText = action.GetString(PlanCard.PlanDueInput);
                if (string.IsNullOrEmpty(text) || text.Length > MaxPlanLength)
                    return InvokeResponses.Error(400, "BadPlan", $"Say what you'll do, in at most {MaxPlanLength} characters.");
                if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                    return InvokeResponses.Error(400, "BadDate", "Pick a due date.");
                return InvokeResponses.Card(PlanCard.Build(await actions.ChangeAsync(plan, text, due, ct).ConfigureAwait(false)));
            default:
                return InvokeResponses.Error(400, "UnknownAction", "That button is not supported.");
        }
    }
}
