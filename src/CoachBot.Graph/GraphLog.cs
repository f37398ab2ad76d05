using Microsoft.Extensions.Logging;

namespace CoachBot.Graph;

/// <summary>Log messages. Ids and counts only: no tokens, secrets, event bodies or subjects.</summary>
internal static partial class GraphLog
{
    [LoggerMessage(1, LogLevel.Information, "Mailbox settings for {UserId} unavailable (HTTP {Status}); using default time zone {TimeZone}")]
    public static partial void MailboxSettingsFallback(ILogger logger, string userId, int? status, string timeZone);

    [LoggerMessage(2, LogLevel.Warning, "Mailbox {UserId} reports time zone {TimeZone}, which this OS cannot resolve; using {Fallback}")]
    public static partial void UnknownTimeZone(ILogger logger, string userId, string timeZone, string fallback);

    [LoggerMessage(3, LogLevel.Warning, "getSchedule could not read schedule {ScheduleId}: {ResponseCode}")]
    public static partial void ScheduleError(ILogger logger, string scheduleId, string? responseCode);

    [LoggerMessage(4, LogLevel.Debug, "getSchedule via {OrganizerId}: {Count} schedules, {Chunks} window chunk(s)")]
    public static partial void ScheduleQuery(ILogger logger, string organizerId, int count, int chunks);

    [LoggerMessage(5, LogLevel.Information, "Field day {BookingKey} already booked as event {EventId}")]
    public static partial void FieldDayExists(ILogger logger, string bookingKey, string eventId);

    [LoggerMessage(6, LogLevel.Information, "Booked field day {BookingKey} as event {EventId} on {ManagerId}'s calendar")]
    public static partial void FieldDayBooked(ILogger logger, string bookingKey, string eventId, string managerId);

    [LoggerMessage(7, LogLevel.Warning, "Graph {Operation} failed ({Kind}, HTTP {Status})")]
    public static partial void CallFailed(ILogger logger, Exception exception, string operation, GraphFailureKind kind, int? status);

    [LoggerMessage(8, LogLevel.Warning, "Team mapping names {UserId}, who is not in the directory; skipped")]
    public static partial void MappedUserMissing(ILogger logger, string userId);

    [LoggerMessage(9, LogLevel.Information, "Graph has no {Relation} for {UserId}; using the team mapping")]
    public static partial void UsingTeamMapping(ILogger logger, string relation, string userId);

    [LoggerMessage(10, LogLevel.Warning, "Could not resolve {UserId} to an SMTP address for getSchedule")]
    public static partial void NoSmtpAddress(ILogger logger, string userId);

    [LoggerMessage(11, LogLevel.Information, "Field day transaction id of attempt {Attempt} was used by a deleted booking; trying the next")]
    public static partial void FieldDayTransactionIdUsed(ILogger logger, int attempt);
}
