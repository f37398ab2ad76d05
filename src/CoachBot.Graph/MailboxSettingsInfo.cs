using CoachBot.Coaching.Calendar;

namespace CoachBot.Graph;

/// <summary>
/// A mailbox's time zone and working hours. <see cref="TimeZone"/> is already resolved on this OS;
/// <see cref="IsFallback"/> says the configured default was used because settings were missing or unreadable.
/// </summary>
public sealed record MailboxSettingsInfo(string UserId, TimeZoneInfo TimeZone, WorkingHours WorkingHours, bool IsFallback);
