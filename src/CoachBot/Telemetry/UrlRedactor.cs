using System.Text;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;

namespace CoachBot.Telemetry;

/// <summary>
/// Turns a URL into something safe to export: scheme, host and port stay; every path segment that is not a known
/// route word becomes <c>{id}</c>, entity keys in parentheses become <c>(...)</c>, query values become <c>*</c>, user
/// info and fragment go. Connector, Table, Queue and Graph URLs carry tenant, user, conversation and activity ids,
/// and exported telemetry cannot be erased later ("forget me"), so unknown segments are redacted, not kept.
/// </summary>
public static class UrlRedactor
{
    public const string Id = "{id}";

    // Route words of the APIs CoachBot calls and serves; anything else in a path may be an id.
    private static readonly HashSet<string> RouteWords = new(StringComparer.OrdinalIgnoreCase)
    {
        // Bot Connector
        "v3", "conversations", "activities", "members", "pagedmembers", "attachments",
        // Azure Tables / Queues (Azurite puts the account in the path)
        "Tables", "$batch", "messages", "devstoreaccount1", "nudges", "nudges-poison",
        CoachingStore.TableName, TeamSignalStore.TableName, FollowUpIndex.TableName, SendLedger.TableName, ManagerSettingsStore.TableName,
        // Microsoft Graph
        "v1.0", "beta", "users", "mailboxSettings", "calendar", "calendarView", "getSchedule", "events", "manager", "directReports",
        "teamwork", "installedApps", "chat",
        // CoachBot's own routes
        "api", "healthz", "live", "ready", "admin", "run", "not-installed",
    };

    /// <summary>An absolute URL, redacted; a value that is not one is replaced whole.</summary>
    public static string Full(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile) return Id;
        var sb = new StringBuilder(uri.Scheme).Append("://").Append(uri.Host);
        if (!uri.IsDefaultPort) sb.Append(':').Append(uri.Port);
        sb.Append(Path(uri.AbsolutePath));
        if (uri.Query.Length > 1) sb.Append('?').Append(Query(uri.Query[1..]));
        return sb.ToString();
    }

    /// <summary>A path (<c>/a/b(c)</c>), redacted segment by segment.</summary>
    public static string Path(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++) segments[i] = Segment(segments[i]);
        return string.Join('/', segments);
    }

    /// <summary>A query string (without '?'): names stay, values become <c>*</c>.</summary>
    public static string Query(string query) =>
        string.Join('&', query.TrimStart('?').Split('&').Select(p => p.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? p[..eq] + "=*" : "*"));

    /// <summary>A target (<c>/path?query</c>).</summary>
    public static string Target(string target) =>
        target.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? Path(target[..q]) + "?" + Query(target[(q + 1)..]) : Path(target);

    private static string Segment(string segment)
    {
        if (segment.Length == 0 || RouteWords.Contains(segment)) return segment;
        var paren = segment.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0 && RouteWords.Contains(segment[..paren]))
            return segment[..paren] + (segment.AsSpan(paren) is "()" ? "()" : "(...)");
        return Id;
    }
}
