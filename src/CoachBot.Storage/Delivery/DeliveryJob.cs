using System.Text.Json.Serialization;

namespace CoachBot.Storage.Delivery;

/// <summary>
/// One unit of delivery on the <c>nudges</c> queue: a manager's nudge for a local day, or a rep's follow-up of a plan.
/// <see cref="Force"/> (admin rerun) sends again even when the day's record says it was sent.
/// </summary>
public sealed record DeliveryJob(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("tenantId")] string TenantId,
    [property: JsonPropertyName("userKey")] string UserKey,
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("planId")] string? PlanId = null,
    [property: JsonPropertyName("force")] bool Force = false)
{
    public const string NudgeKind = "nudge";
    public const string FollowUpKind = "followUp";

    /// <summary>A manager's day shown on demand ("my day"): stored apart from the once-a-day nudge so it never blocks it.</summary>
    public const string ViewKind = "view";

    /// <summary>The once-only key: one nudge per manager per day, one follow-up per plan per day.</summary>
    public string SendKey => PlanId is null ? TableKeys.Join(Kind, Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        : TableKeys.Join(Kind, Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), PlanId);
}
