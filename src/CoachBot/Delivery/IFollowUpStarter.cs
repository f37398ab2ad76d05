namespace CoachBot.Delivery;

/// <summary>
/// Opens the follow-up conversation on a due plan ("How did the call with the CFO go?") in the rep's 1:1 chat and
/// marks the plan as followed up. Called by whatever delivers due work (the scheduled delivery machinery).
/// </summary>
internal interface IFollowUpStarter
{
    Task<ProactiveResult> StartAsync(string tenantId, string userKey, string planId, CancellationToken ct);
}
