using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Tools.GraphServer.Org;

/// <summary>The sample organisation (samples/org.json): people, their settings and the meeting patterns to generate.</summary>
public sealed class OrgData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string TenantId { get; set; } = "00000000-0000-0000-0000-000000000000";

    /// <summary>Seed for the generated calendars; the same seed and date give the same meetings.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Page size of directReports and user lists, small so paging is exercised.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Days of calendar generated before and after today.</summary>
    public int HistoryDays { get; set; } = 14;
    public int HorizonDays { get; set; } = 70;

    public List<OrgUser> Users { get; set; } = [];

    public List<RecurringMeeting> Recurring { get; set; } = [];

    /// <summary>Security groups; a member id may name a user or another group (nested, for transitiveMembers).</summary>
    public List<OrgGroup> Groups { get; set; } = [];

    /// <summary>The tenant's app catalog (apps published to the organisation), for Teams app installs.</summary>
    public List<CatalogApp> TeamsApps { get; set; } = [];

    /// <summary>Generate customer meetings, 1:1s, OOF days and so on; off for tests that want empty calendars.</summary>
    public bool GenerateMeetings { get; set; } = true;

    public static OrgData Load(string path) =>
        JsonSerializer.Deserialize<OrgData>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");

    /// <summary>The org.json copied beside the server's assembly (from samples/org.json).</summary>
    public static OrgData LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, "org.json"));
}

public enum UserRole
{
    Rep,
    Manager,
}

public enum MailboxAccess
{
    /// <summary>Settings are readable.</summary>
    Ok,

    /// <summary>The app is not in scope for this mailbox (Exchange RBAC): mailboxSettings answers 403.</summary>
    Forbidden,
}

public sealed class OrgUser
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string UserPrincipalName { get; set; } = "";
    public string? Mail { get; set; }
    public string? JobTitle { get; set; }
    public string? ManagerId { get; set; }
    public UserRole Role { get; set; }

    /// <summary>Windows time zone name, as Exchange reports it (e.g. "Eastern Standard Time").</summary>
    public string? TimeZone { get; set; }

    public List<string> WorkingDays { get; set; } = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    public string WorkStart { get; set; } = "08:00";
    public string WorkEnd { get; set; } = "17:00";
    public MailboxAccess MailboxAccess { get; set; }

    public string SmtpAddress => string.IsNullOrWhiteSpace(Mail) ? UserPrincipalName : Mail;
}

/// <summary>A weekly meeting pattern; times are in the organizer's time zone.</summary>
public sealed class RecurringMeeting
{
    public string Subject { get; set; } = "";
    public string Organizer { get; set; } = "";

    /// <summary>User ids; "team" means all of the organizer's direct reports.</summary>
    public List<string> Attendees { get; set; } = [];

    public List<string> Days { get; set; } = [];
    public string Start { get; set; } = "09:00";
    public int DurationMinutes { get; set; } = 30;

    /// <summary>1 = weekly, 2 = fortnightly, …</summary>
    public int EveryWeeks { get; set; } = 1;

    public string ShowAs { get; set; } = "busy";
}

public sealed class OrgGroup
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Members { get; set; } = [];
}

/// <summary>An app in the org catalog: <see cref="Id"/> is the catalog id, <see cref="ExternalId"/> the manifest id.</summary>
public sealed class CatalogApp
{
    public string Id { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string DisplayName { get; set; } = "";
}
