using CoachBot.Coaching.Calendar;
using CoachBot.Graph;
using CoachBot.Graph.Directory;
using CoachBot.Tools.GraphServer.Org;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// An in-memory Graph for the fan-out driver: any number of managers with 8 reps each, seeded free/busy (a few meetings a
/// day) and last week's 1:1s. Stands in for Graph so the driver measures CoachBot, the queue, the tables and the Connector.
/// </summary>
public sealed class SyntheticOrg(int repsPerManager = 8) : ICalendarDirectory, ITeamDirectory
{
    private const string Zone = "America/New_York";

    public static string ManagerId(int i) => $"m{i:D6}";

    /// <summary>
    /// The same managers and reps as an organisation for tools/GraphServer, for an app that reaches Graph over HTTP (a
    /// child process cannot be handed this in-memory directory). Calendars start empty: GraphServer's generator is meant
    /// for the small sample org and is quadratic in its size.
    /// </summary>
    public static OrgData ForGraphServer(int managers, int repsPerManager = 8)
    {
        var org = new OrgData { PageSize = 100, GenerateMeetings = false };
        for (var i = 0; i < managers; i++)
        {
            var id = ManagerId(i);
            org.Users.Add(GraphUser(id, "User " + id, null, UserRole.Manager));
            for (var r = 0; r < repsPerManager; r++) org.Users.Add(GraphUser($"{id}-r{r}", $"Rep {r} of {id}", id, UserRole.Rep));
        }
        return org;
    }

    private static OrgUser GraphUser(string id, string name, string? managerId, UserRole role) => new()
    {
        Id = id, DisplayName = name, UserPrincipalName = id + "@contoso.example", Mail = id + "@contoso.example", ManagerId = managerId, Role = role,
        TimeZone = "Eastern Standard Time", WorkStart = "08:00", WorkEnd = "17:00",
    };

    private static int Seed(string id) => StringComparer.Ordinal.GetHashCode(id);

    public Task<DirectoryUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<DirectoryUser?>(new DirectoryUser(userId, "User " + userId, userId + "@contoso.example", null));

    public Task<IReadOnlyList<DirectoryUser>> GetDirectReportsAsync(string managerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>([.. Enumerable.Range(0, repsPerManager).Select(r => new DirectoryUser($"{managerId}-r{r}", $"Rep {r} of {managerId}", $"{managerId}-r{r}@contoso.example", null))]);

    public Task<IReadOnlyList<DirectoryUser>> GetRepsAsync(string managerId, CancellationToken cancellationToken = default) => GetDirectReportsAsync(managerId, cancellationToken);

    public Task<DirectoryUser?> GetManagerAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<DirectoryUser?>(null);

    Task<DirectoryUser?> ITeamDirectory.GetManagerAsync(string repId, CancellationToken cancellationToken) => Task.FromResult<DirectoryUser?>(null);

    public Task<MailboxSettingsInfo> GetMailboxSettingsAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new MailboxSettingsInfo(userId, TimeZoneInfo.FindSystemTimeZoneById(Zone), WorkingHours.Default(Zone), false));

    public Task<IReadOnlyDictionary<string, PersonSchedule>> GetSchedulesAsync(
        string organizerId, IReadOnlyCollection<string> userIds, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var result = new Dictionary<string, PersonSchedule>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in userIds)
        {
            var random = new Random(Seed(id));
            var busy = new List<BusyInterval>();
            for (var day = DateOnly.FromDateTime(windowStart.UtcDateTime); day.ToDateTime(TimeOnly.MinValue) < windowEnd.UtcDateTime; day = day.AddDays(1))
            {
                for (var m = 0; m < 3; m++)
                {
                    var local = day.ToDateTime(new TimeOnly(8 + random.Next(0, 9), random.Next(0, 2) * 30));
                    var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                    busy.Add(new BusyInterval(start, start.AddMinutes(30 * random.Next(1, 4)), FreeBusyStatus.Busy));
                }
            }
            result[id] = new PersonSchedule(id, WorkingHours.Default(Zone), busy);
        }
        return Task.FromResult<IReadOnlyDictionary<string, PersonSchedule>>(result);
    }

    public Task<IReadOnlyList<CalendarEvent>> GetEventsAsync(string userId, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        var start = windowStart.AddDays(21);
        return Task.FromResult<IReadOnlyList<CalendarEvent>>([.. Enumerable.Range(0, repsPerManager).Select(r => new CalendarEvent(
            $"e{r}", start.AddDays(r % 5).AddHours(14), start.AddDays(r % 5).AddHours(14.5), false, FreeBusyStatus.Busy, [],
            [userId + "@contoso.example", $"{userId}-r{r}@contoso.example"]))]);
    }

    public Task<FieldDayBooking> BookFieldDayAsync(FieldDayBookingRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<FieldDayBooking?> GetFieldDayAsync(string managerId, string eventId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<FieldDayBooking?> FindFieldDayAsync(string managerId, string bookingKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<FieldDayBooking> RescheduleFieldDayAsync(string managerId, string eventId, DateTimeOffset newStart, DateTimeOffset newEnd, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> CancelFieldDayAsync(string managerId, string eventId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
