using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using WorkingHours = CoachBot.Coaching.Calendar.WorkingHours;

namespace CoachBot.Graph;

/// <summary><see cref="ICalendarDirectory"/> over the Graph SDK. Directory and mailbox-settings parts live here.</summary>
public sealed partial class GraphCalendarDirectory : ICalendarDirectory
{
    private static readonly string[] UserFields = ["id", "displayName", "mail", "userPrincipalName"];

    /// <summary>All CoachBot reads of a mailbox's settings: not its automatic replies, language or formats.</summary>
    internal static readonly string[] MailboxSettingsFields = ["timeZone", "workingHours"];

    private readonly GraphServiceClient _client;
    private readonly GraphOptions _options;
    private readonly ILogger _logger;

    // Object id -> user, for turning ids into the SMTP addresses getSchedule and attendees need.
    private readonly ConcurrentDictionary<string, DirectoryUser> _users = new(StringComparer.OrdinalIgnoreCase);

    public GraphCalendarDirectory(GraphServiceClient client, GraphOptions options, ILogger<GraphCalendarDirectory>? logger = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public async Task<DirectoryUser?> GetUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (_users.TryGetValue(userId, out var cached)) return cached;

        var user = await RunAsync("getUser", async () =>
        {
            try
            {
                return await _client.Users[userId].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                return null;
            }
        }, cancellationToken).ConfigureAwait(false);

        if (user is null) return null;
        var mapped = GraphMapping.ToDirectoryUser(user);
        _users[userId] = mapped;
        return mapped;
    }

    public Task<IReadOnlyList<DirectoryUser>> GetDirectReportsAsync(string managerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(managerId);
        return RunAsync<IReadOnlyList<DirectoryUser>>("directReports", async () =>
        {
            var reports = new List<DirectoryUser>();
            var first = await _client.Users[managerId].DirectReports
                .GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
            if (first is null) return reports;

            var pages = PageIterator<DirectoryObject, DirectoryObjectCollectionResponse>.CreatePageIterator(_client, first, item =>
            {
                // directReports may also hold org contacts; only users have calendars.
                if (item is User user)
                {
                    var mapped = GraphMapping.ToDirectoryUser(user);
                    _users[mapped.Id] = mapped;
                    reports.Add(mapped);
                }

                return true;
            });
            await pages.IterateAsync(cancellationToken).ConfigureAwait(false);
            return reports;
        }, cancellationToken);
    }

    public Task<DirectoryUser?> GetManagerAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return RunAsync("manager", async () =>
        {
            try
            {
                var manager = await _client.Users[userId].Manager.GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
                return manager is User user ? GraphMapping.ToDirectoryUser(user) : null;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 404)
            {
                // Graph answers 404 both for "no manager set" and "no such user"; either way there is no manager.
                return null;
            }
        }, cancellationToken);
    }

    public async Task<MailboxSettingsInfo> GetMailboxSettingsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        MailboxSettings? settings;
        try
        {
            settings = await RunAsync("mailboxSettings",
                () => _client.Users[userId].MailboxSettings.GetAsync(r => r.QueryParameters.Select = MailboxSettingsFields, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (GraphException e) when (e.Kind is GraphFailureKind.AccessDenied or GraphFailureKind.NotFound)
        {
            // 403: Exchange RBAC does not cover this mailbox; 404: no Exchange mailbox. Coach on a default clock.
            GraphLog.MailboxSettingsFallback(_logger, userId, (int?)e.Status, _options.DefaultTimeZone);
            return Fallback(userId);
        }

        var zone = TimeZoneResolver.TryResolve(settings?.TimeZone);
        if (zone is null)
        {
            if (!string.IsNullOrWhiteSpace(settings?.TimeZone)) GraphLog.UnknownTimeZone(_logger, userId, settings.TimeZone, _options.DefaultTimeZone);
            if (settings?.WorkingHours is null) return Fallback(userId);
        }

        var isFallback = zone is null;
        zone ??= TimeZoneResolver.Resolve(null, _options.DefaultTimeZone);
        return new MailboxSettingsInfo(userId, zone, GraphMapping.ToDomain(settings?.WorkingHours, zone), isFallback);
    }

    private MailboxSettingsInfo Fallback(string userId)
    {
        var zone = TimeZoneResolver.Resolve(null, _options.DefaultTimeZone);
        return new MailboxSettingsInfo(userId, zone, WorkingHours.Default(TimeZoneResolver.IanaIdOf(zone)), IsFallback: true);
    }

    private Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken) =>
        GraphCall.RunLoggedAsync(_logger, operation, call, cancellationToken);
}
