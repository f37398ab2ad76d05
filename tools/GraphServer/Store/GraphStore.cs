using CoachBot.Tools.GraphServer.Org;

namespace CoachBot.Tools.GraphServer.Store;

/// <summary>The server's in-memory directory and calendars. One lock: this is a test double, not a database.</summary>
public sealed class GraphStore
{
    private readonly Lock _gate = new();
    private readonly OrgData _org;
    private readonly TimeProvider _time;
    private List<StoredEvent> _events = [];

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
        lock (_gate) _events = events;
    }

    /// <summary>A user by object id, UPN or mail, case-insensitively.</summary>
    public OrgUser? FindUser(string key) => _org.Users.FirstOrDefault(u =>
        u.Id.Equals(key, StringComparison.OrdinalIgnoreCase)
        || u.UserPrincipalName.Equals(key, StringComparison.OrdinalIgnoreCase)
        || (u.Mail?.Equals(key, StringComparison.OrdinalIgnoreCase) ?? false));

    public List<OrgUser> DirectReports(string managerId) =>
        [.. _org.Users.Where(u => u.ManagerId?.Equals(managerId, StringComparison.OrdinalIgnoreCase) == true)];

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

    /// <summary>Adds the event unless the organizer already has one with the same transactionId, as Graph does.</summary>
    public (StoredEvent Event, bool Created) AddEvent(StoredEvent evt)
    {
        lock (_gate)
        {
            if (evt.TransactionId is { Length: > 0 } tx
                && _events.FirstOrDefault(e => e.OrganizerId == evt.OrganizerId && e.TransactionId == tx) is { } existing)
            {
                return (existing, false);
            }

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
}
