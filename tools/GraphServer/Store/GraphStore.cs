using CoachBot.Tools.GraphServer.Org;

namespace CoachBot.Tools.GraphServer.Store;

/// <summary>The server's in-memory directory and calendars. One lock: this is a test double, not a database.</summary>
public sealed class GraphStore
{
    private readonly Lock _gate = new();
    private readonly OrgData _org;
    private readonly TimeProvider _time;
    private List<StoredEvent> _events = [];
    private readonly Dictionary<string, List<AppInstallation>> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly TransactionLedger _transactions = new();

    public GraphStore(OrgData org, TimeProvider time)
    {
        _org = org;
        _time = time;
        Reset();
    }

    public OrgData Org => _org;

    public void Reset()
    {
        var events = _org.GenerateMeetings ? CalendarGenerator.Generate(_org, _time.GetUtcNow()) : [];
        lock (_gate)
        {
            _events = events;
            _installations.Clear();
            _transactions.Clear();
        }
    }

    /// <summary>A user by object id, UPN or mail, case-insensitively (the first in the org's order when several match).</summary>
    public OrgUser? FindUser(string key) => Index().ByKey.GetValueOrDefault(key);

    public List<OrgUser> DirectReports(string managerId) => Index().Reports.TryGetValue(managerId, out var reps) ? [.. reps] : [];

    /// <summary>
    /// Users by id, UPN and mail, and reports by manager: a generated org of tens of thousands of users (the fan-out load
    /// runs) would otherwise cost a scan of every user per lookup. Rebuilt when a test adds users to the org.
    /// </summary>
    private UserIndex Index()
    {
        var index = _index;
        if (index is not null && index.Count == _org.Users.Count) return index;
        var byKey = new Dictionary<string, OrgUser>(StringComparer.OrdinalIgnoreCase);
        var reports = new Dictionary<string, List<OrgUser>>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in _org.Users)
        {
            byKey.TryAdd(u.Id, u);
            byKey.TryAdd(u.UserPrincipalName, u);
            if (u.Mail is { } mail) byKey.TryAdd(mail, u);
        }
        foreach (var u in _org.Users)
        {
            if (u.ManagerId is null) continue;
            if (!reports.TryGetValue(u.ManagerId, out var list)) reports[u.ManagerId] = list = [];
            list.Add(u);
        }
        return _index = new UserIndex(_org.Users.Count, byKey, reports);
    }

    private sealed record UserIndex(int Count, Dictionary<string, OrgUser> ByKey, Dictionary<string, List<OrgUser>> Reports);

    private volatile UserIndex? _index;

    /// <summary>Events on the user's calendar overlapping [start, end), ordered by start.</summary>
    public List<StoredEvent> EventsFor(string userId, DateTime startUtc, DateTime endUtc)
    {
        lock (_gate)
        {
            return [.. _events.Where(e => e.Involves(userId) && e.StartUtc < endUtc && e.EndUtc > startUtc).OrderBy(e => e.StartUtc).ThenBy(e => e.Id)];
        }
    }

    public List<StoredEvent> EventsOrganizedOrAttended(string userId, Func<StoredEvent, bool> filter)
    {
        lock (_gate) return [.. _events.Where(e => e.Involves(userId) && filter(e)).OrderBy(e => e.StartUtc)];
    }

    public StoredEvent? FindEvent(string userId, string eventId)
    {
        lock (_gate) return _events.FirstOrDefault(e => e.Id == eventId && e.Involves(userId));
    }

    /// <summary>
    /// Adds the event. Created is false, and nothing is added, when its transactionId was used on the organizer's
    /// calendar before (Event is then the live event holding it, or the refused one when that event was deleted).
    /// </summary>
    public (StoredEvent Event, bool Created) AddEvent(StoredEvent evt)
    {
        lock (_gate)
        {
            if (!_transactions.TryClaim(evt.OrganizerId, evt.TransactionId))
                return (_events.FirstOrDefault(e => e.OrganizerId == evt.OrganizerId && e.TransactionId == evt.TransactionId) ?? evt, false);
            _events.Add(evt);
            return (evt, true);
        }
    }

    public void Update(Action mutate)
    {
        lock (_gate) mutate();
    }

    /// <summary>The organizer deleting removes the meeting; an attendee deleting only removes them from it.</summary>
    public bool DeleteEvent(string userId, string eventId)
    {
        lock (_gate)
        {
            var evt = _events.FirstOrDefault(e => e.Id == eventId && e.Involves(userId));
            if (evt is null) return false;
            if (evt.OrganizerId.Equals(userId, StringComparison.OrdinalIgnoreCase)) _events.Remove(evt);
            else evt.Attendees.RemoveAll(a => a.UserId?.Equals(userId, StringComparison.OrdinalIgnoreCase) == true);
            return true;
        }
    }

    public int EventCount(Func<StoredEvent, bool> filter)
    {
        lock (_gate) return _events.Count(filter);
    }

    /// <summary>The users in a group and, recursively, in its nested groups, each once; null when no such group.</summary>
    public List<OrgUser>? TransitiveUsers(string groupId)
    {
        if (FindGroup(groupId) is not { } root) return null;
        var users = new List<OrgUser>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<OrgGroup>([root]);
        while (pending.TryPop(out var group))
        {
            if (!seen.Add(group.Id)) continue;
            foreach (var member in group.Members)
            {
                if (FindGroup(member) is { } nested) pending.Push(nested);
                else if (FindUser(member) is { } user && seen.Add(user.Id)) users.Add(user);
            }
        }

        return users;
    }

    public OrgGroup? FindGroup(string id) => _org.Groups.FirstOrDefault(g => g.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    public CatalogApp? FindCatalogApp(string id) => _org.TeamsApps.FirstOrDefault(a => a.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Installs a catalog app for a user; Created is false when it already was installed (Graph answers 409).</summary>
    public (AppInstallation Installation, bool Created) Install(OrgUser user, CatalogApp app)
    {
        lock (_gate)
        {
            if (!_installations.TryGetValue(user.Id, out var list)) _installations[user.Id] = list = [];
            if (list.FirstOrDefault(i => i.App.Id == app.Id) is { } existing) return (existing, false);
            // Graph's installation ids are base64 of "{user}##{app}"; '/' and '+' are swapped so the id is one path segment.
            var id = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user.Id}##{app.Id}")).Replace('/', '_').Replace('+', '-');
            var installation = new AppInstallation(id, user.Id, app, $"19:{user.Id}_{app.Id}@unq.gbl.spaces");
            list.Add(installation);
            return (installation, true);
        }
    }

    public List<AppInstallation> Installations(string userId)
    {
        lock (_gate) return _installations.TryGetValue(userId, out var list) ? [.. list] : [];
    }
}
