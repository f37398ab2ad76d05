namespace CoachBot.Tools.GraphServer.Store;

/// <summary>An event as the server keeps it: one copy shared by organizer and attendees, times in UTC.</summary>
public sealed class StoredEvent
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");
    public string ICalUId { get; set; } = Guid.NewGuid().ToString("N");
    public string OrganizerId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string BodyContentType { get; set; } = "html";
    public string BodyContent { get; set; } = "";
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public bool IsAllDay { get; set; }

    /// <summary>free, tentative, busy, oof, workingElsewhere — as the organizer sees it.</summary>
    public string ShowAs { get; set; } = "busy";
    public List<string> Categories { get; set; } = [];
    public List<StoredAttendee> Attendees { get; set; } = [];
    public string? TransactionId { get; set; }
    public Dictionary<string, string> ExtendedProperties { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public int ChangeCount { get; set; }

    public bool Involves(string userId) =>
        OrganizerId.Equals(userId, StringComparison.OrdinalIgnoreCase) || Attendees.Any(a => a.UserId?.Equals(userId, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>How the event shows on <paramref name="userId"/>'s calendar: an unanswered invite is tentative, as in Exchange.</summary>
    public string ShowAsFor(string userId)
    {
        if (OrganizerId.Equals(userId, StringComparison.OrdinalIgnoreCase)) return ShowAs;
        var attendee = Attendees.FirstOrDefault(a => a.UserId?.Equals(userId, StringComparison.OrdinalIgnoreCase) == true);
        return attendee?.Response == "none" && ShowAs == "busy" ? "tentative" : ShowAs;
    }
}

public sealed class StoredAttendee
{
    public string Address { get; set; } = "";
    public string Name { get; set; } = "";
    public string? UserId { get; set; }
    public string Type { get; set; } = "required";

    /// <summary>none, accepted, tentativelyAccepted, declined.</summary>
    public string Response { get; set; } = "none";
}
