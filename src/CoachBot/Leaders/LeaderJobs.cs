using CoachBot.Storage.Delivery;

namespace CoachBot.Leaders;

/// <summary>
/// The leader's weekly card as a job on the nudge queue: user = the leader, day = the Monday of the week (leader-local),
/// subject fixed, so the send ledger holds one once-only record per leader per week.
/// </summary>
internal static class LeaderJobs
{
    public const string Weekly = "leaderWeekly";
    public const string Subject = "week";

    public static DeliveryJob For(string tenantId, string leaderId, DateOnly weekStart) => new(Weekly, tenantId, leaderId, weekStart, Subject);
}
