namespace CoachBot.Storage.Plans;

/// <summary>A plan whose follow-up is due on <see cref="Due"/> (the rep's local day, in <see cref="TimeZoneId"/>).</summary>
public sealed record FollowUpDue(string TenantId, string UserKey, string PlanId, DateOnly Due, string? TimeZoneId, bool Sent);
