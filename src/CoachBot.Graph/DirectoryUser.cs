namespace CoachBot.Graph;

/// <summary>A person in the directory. <see cref="Id"/> is the Entra object id (Teams' aadObjectId).</summary>
public sealed record DirectoryUser(string Id, string DisplayName, string? Mail, string? UserPrincipalName)
{
    /// <summary>The address getSchedule and event attendees need; Graph identifies schedules by SMTP address.</summary>
    public string? SmtpAddress => string.IsNullOrWhiteSpace(Mail) ? UserPrincipalName : Mail;
}
