using System.ComponentModel.DataAnnotations;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Nudges;

/// <summary>The <c>Nudges</c> configuration section (see docs/nudges.md for every key and its default).</summary>
public sealed class NudgeOptions
{
    public const string Section = "Nudges";

    /// <summary>Tenant of the managers in <see cref="ManagerIds"/>; defaults to Graph:TenantId, then Bot:TenantId.</summary>
    public string? TenantId { get; set; }

    /// <summary>Entra object ids of managers who get a daily nudge in addition to those found in the directory (see <see cref="ManagerRoster"/>).</summary>
    public IList<string> ManagerIds { get; } = new List<string>();

    /// <summary>Object id of an Entra group whose (transitive) user members get nudges; empty = none.</summary>
    public string? SalesManagersGroupId { get; set; }

    /// <summary>How long the found managers are reused before the directory is asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ManagerRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A rep counts as using CoachBot (so their manager is nudged) if they had a coaching turn within this many days.</summary>
    [Range(1, 3650)]
    public int ActiveRepDays { get; set; } = 90;

    /// <summary>Install the Teams app through Graph for a manager CoachBot cannot reach yet.</summary>
    public bool InstallForManagers { get; set; } = true;

    /// <summary>The app's id in the org catalog (Graph teamsApp id, not the manifest id); empty = look it up by <see cref="TeamsAppId"/>.</summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>The manifest id (externalId) of the CoachBot Teams app; empty = Bot:AppId (the packager's default).</summary>
    public string? TeamsAppId { get; set; }

    /// <summary>After a failed install (403, not in catalog, …) the next attempt for that manager waits at least this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan InstallRetryInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Connector endpoint for a tenant with no stored conversation yet (Teams' global one; sovereign clouds differ).</summary>
    [Required, Url]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    /// <summary>Run the scheduler on this instance. Null: on, except in the Development environment (tests, local runs).</summary>
    public bool? SchedulerEnabled { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Run queue workers on this instance (every instance, by default).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>Jobs processed at once per instance; Teams' per-tenant rate limit is the real ceiling (~30 sends/s).</summary>
    [Range(1, 256)]
    public int WorkerConcurrency { get; set; } = 8;

    /// <summary>Messages fetched per receive (1–32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a received job stays invisible to other workers; it reappears if this worker dies.</summary>
    // Azure Queues accept at most 7 days.
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait before a failed job is tried again (multiplied by its dequeue count).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many deliveries a job goes to the poison queue.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a "sending" claim is honoured; after it, another worker takes it over (a possible duplicate, flagged).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Poll interval of an idle worker.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(5);

    // Azure queue names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.
    [Required, RegularExpression("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    public string QueueName { get; set; } = "nudges";

    /// <summary>Org-wide nudge hour (manager-local) for managers who did not pick one; null = start of their working hours. Falls back to Coaching:NudgeHour.</summary>
    [Range(0, 23)]
    public int? DefaultNudgeHour { get; set; }

    /// <summary>Org-wide coaching-time target (percent of working time). Falls back to Coaching:CoachingTargetPercent.</summary>
    [Range(0, 100.0)]
    public double CoachingTargetPercent { get; set; } = 50;

    /// <summary>Org-wide field-day length for managers who did not pick one. Falls back to Coaching:FieldDayLength.</summary>
    [EnumDataType(typeof(CoachBot.Coaching.FieldDays.FieldDayLength))]
    public CoachBot.Coaching.FieldDays.FieldDayLength FieldDayLength { get; set; } = CoachBot.Coaching.FieldDays.FieldDayLength.HalfDay;

    /// <summary>Local hour at which due follow-ups go out (rep's time zone).</summary>
    [Range(0, 23)]
    public int FollowUpHour { get; set; } = 9;

    /// <summary>How many working days ahead field days are suggested.</summary>
    [Range(1, 60)]
    public int HorizonWorkingDays { get; set; } = 10;

    /// <summary>A topic is shown only when at least this many different reps raised it. Falls back to Coaching:ThemeMinimumReps.</summary>
    [Range(1, 1000)]
    public int ThemeMinimumReps { get; set; } = 3;

    [EnumDataType(typeof(EmptyNudge))]
    public EmptyNudge EmptyDay { get; set; } = EmptyNudge.OneLine;

    /// <summary>How long an instance reuses a tenant's day of team signals during a fan-out.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan SignalCacheTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a manager's mailbox time zone and working hours are cached by the scheduler.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan MailboxCacheTime { get; set; } = TimeSpan.FromHours(6);
}
