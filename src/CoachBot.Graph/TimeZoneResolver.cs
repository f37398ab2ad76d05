namespace CoachBot.Graph;

/// <summary>
/// Graph reports Windows time zone names ("Pacific Standard Time") unless the user picked an IANA id. On .NET 6+
/// with ICU, TimeZoneInfo resolves both kinds on Linux too; we store the IANA id so the domain sees one form.
/// </summary>
public static class TimeZoneResolver
{
    /// <summary>The zone for a Graph time zone name, or null when this OS cannot resolve it.</summary>
    public static TimeZoneInfo? TryResolve(string? graphTimeZone)
    {
        if (string.IsNullOrWhiteSpace(graphTimeZone)) return null;
        var name = graphTimeZone.Trim();
        // Exchange's own spelling of UTC in some payloads.
        if (name.Equals("tzone://Microsoft/Utc", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : null;
    }

    public static TimeZoneInfo Resolve(string? graphTimeZone, string fallback) =>
        TryResolve(graphTimeZone) ?? TryResolve(fallback) ?? TimeZoneInfo.Utc;

    /// <summary>IANA id for a zone when one is known (Windows names are converted), else the zone's own id.</summary>
    public static string IanaIdOf(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone.HasIanaId) return zone.Id;
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
    }
}
