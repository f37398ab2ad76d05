using CoachBot.Storage.DealHelp;
using CoachBot.Storage.Delivery;

namespace CoachBot.DealHelp;

/// <summary>The manager's deal-help message as a job on the nudge queue: keyed dealHelp|{day of the first Send}|{request id}, so it goes out once.</summary>
internal static class DealHelpJobs
{
    public const string Kind = "dealHelp";

    public static DeliveryJob For(DealHelpRecord r) => new(Kind, r.TenantId, r.ManagerId, r.Day, r.RequestId);
}
