using CoachBot.Storage.Delivery;
using CoachBot.Storage.FieldDays;

namespace CoachBot.FieldDays;

/// <summary>
/// The field-day messages, as jobs on the nudge queue: the job's day is the field day's UTC day and its subject
/// (<see cref="DeliveryJob.PlanId"/>) the field-day id, so each message has its own once-only record (kind|day|id).
/// </summary>
internal static class FieldDayJobs
{
    /// <summary>Manager: the prep card.</summary>
    public const string Prep = "fieldDayPrep";
    /// <summary>Rep: the question before the day.</summary>
    public const string Ask = "fieldDayAsk";
    /// <summary>Manager: what the rep chose to share.</summary>
    public const string Shared = "fieldDayShared";
    /// <summary>Manager: the debrief card after the day.</summary>
    public const string Debrief = "fieldDayDebrief";
    /// <summary>Rep: the manager's feedback and the first coaching question on the improvement.</summary>
    public const string Feedback = "fieldDayFeedback";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Prep, Ask, Shared, Debrief, Feedback };

    /// <summary>Separates the field-day id from the share number in a <see cref="Shared"/> job's subject.</summary>
    private const char ShareSeparator = '~';

    /// <summary>
    /// The job for one message of the field day. A share after the first is its own message (the rep's new wording), so
    /// its subject carries the share number: <c>{id}~2</c>; every other subject is the field-day id.
    /// </summary>
    public static DeliveryJob For(string kind, FieldDayRecord fd) =>
        new(kind, fd.TenantId, kind is Ask or Feedback ? fd.RepId : fd.ManagerId, fd.Day,
            kind == Shared && fd.RepShares > 1 ? fd.FieldDayId + ShareSeparator + fd.RepShares.ToString(System.Globalization.CultureInfo.InvariantCulture) : fd.FieldDayId);

    /// <summary>The field-day id a job's subject names.</summary>
    public static string FieldDayIdOf(DeliveryJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var subject = job.PlanId ?? "";
        var at = subject.IndexOf(ShareSeparator, StringComparison.Ordinal);
        return at < 0 ? subject : subject[..at];
    }
}
