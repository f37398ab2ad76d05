using CoachBot.Coaching.Calendar;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using DomainStatus = CoachBot.Coaching.Calendar.FreeBusyStatus;
using WorkingHours = CoachBot.Coaching.Calendar.WorkingHours;

namespace CoachBot.Graph;

/// <summary>Free/busy (getSchedule) and calendarView.</summary>
public sealed partial class GraphCalendarDirectory
{
    /// <summary>getSchedule accepts at most 20 schedules per request.</summary>
    internal const int MaxSchedulesPerCall = 20;

    /// <summary>getSchedule needs a window under 62 days; 60 leaves room for DST and clock differences.</summary>
    internal static readonly TimeSpan MaxScheduleWindow = TimeSpan.FromDays(60);

    private const string PreferUtc = "outlook.timezone=\"UTC\"";

    public async Task<IReadOnlyDictionary<string, PersonSchedule>> GetSchedulesAsync(
        string organizerId, IReadOnlyCollection<string> userIds, DateTimeOffset windowStart, DateTimeOffset windowEnd,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizerId);
        ArgumentNullException.ThrowIfNull(userIds);
        if (windowEnd <= windowStart) throw new ArgumentException("windowEnd must be after windowStart.", nameof(windowEnd));

        // getSchedule identifies people by SMTP address; callers hold object ids (Teams' aadObjectId).
        var smtpById = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in userIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            smtpById[id] = id.Contains('@', StringComparison.Ordinal) ? id : (await GetUserAsync(id, cancellationToken).ConfigureAwait(false))?.SmtpAddress;
            if (smtpById[id] is null) GraphLog.NoSmtpAddress(_logger, id);
        }

        var addresses = smtpById.Values.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var windows = SplitWindow(windowStart, windowEnd);
        GraphLog.ScheduleQuery(_logger, organizerId, addresses.Count, windows.Count);

        var calls = new List<Task<List<ScheduleInformation>>>();
        foreach (var batch in addresses.Chunk(MaxSchedulesPerCall))
        {
            foreach (var (start, end) in windows)
            {
                calls.Add(GetScheduleChunkAsync(organizerId, batch, start, end, cancellationToken));
            }
        }

        var results = await Task.WhenAll(calls).ConfigureAwait(false);
        var defaultZone = TimeZoneResolver.Resolve(null, _options.DefaultTimeZone);
        var merged = new Dictionary<string, ScheduleAccumulator>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < results.Length; i++)
        {
            var (start, end) = windows[i % windows.Count];
            foreach (var info in results[i])
            {
                if (info.ScheduleId is not { } scheduleId) continue;
                if (!merged.TryGetValue(scheduleId, out var acc)) merged[scheduleId] = acc = new ScheduleAccumulator();
                acc.Add(info, start, end, defaultZone, this);
            }
        }

        var schedules = new Dictionary<string, PersonSchedule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, smtp) in smtpById)
        {
            schedules[id] = smtp is not null && merged.TryGetValue(smtp, out var acc)
                ? new PersonSchedule(id, acc.WorkingHours ?? WorkingHours.Default(TimeZoneResolver.IanaIdOf(defaultZone)), acc.Busy())
                : Unknown(id, windowStart, windowEnd, defaultZone);
        }

        return schedules;
    }

    /// <summary>The event fields calendarView asks for (docs/admin.md lists them).</summary>
    public static readonly IReadOnlyList<string> CalendarViewFields = ["id", "start", "end", "isAllDay", "showAs", "categories", "attendees"];

    public Task<IReadOnlyList<CalendarEvent>> GetEventsAsync(string userId, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return RunAsync<IReadOnlyList<CalendarEvent>>("calendarView", async () =>
        {
            var events = new List<CalendarEvent>();
            var first = await _client.Users[userId].CalendarView.GetAsync(r =>
            {
                r.QueryParameters.StartDateTime = windowStart.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
                r.QueryParameters.EndDateTime = windowEnd.UtcDateTime.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
                // No subject or body: coaching time is classified by category and attendees only (CoachingTimeCalculator).
                r.QueryParameters.Select = [.. CalendarViewFields];
                r.QueryParameters.Top = 100;
                r.Headers.Add("Prefer", PreferUtc);
            }, cancellationToken).ConfigureAwait(false);
            if (first is null) return events;

            var pages = PageIterator<Event, EventCollectionResponse>.CreatePageIterator(_client, first, evt =>
            {
                events.Add(GraphMapping.ToDomain(evt));
                return true;
            }, request =>
            {
                // nextLink requests must keep asking for UTC, else times come back in the mailbox's zone.
                request.Headers.Add("Prefer", PreferUtc);
                return request;
            });
            await pages.IterateAsync(cancellationToken).ConfigureAwait(false);
            return events;
        }, cancellationToken);
    }

    internal static List<(DateTimeOffset Start, DateTimeOffset End)> SplitWindow(DateTimeOffset start, DateTimeOffset end)
    {
        var windows = new List<(DateTimeOffset, DateTimeOffset)>();
        for (var from = start; from < end; from += MaxScheduleWindow)
        {
            var to = from + MaxScheduleWindow;
            windows.Add((from, to < end ? to : end));
        }

        return windows;
    }

    private Task<List<ScheduleInformation>> GetScheduleChunkAsync(
        string organizerId, string[] addresses, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        RunAsync("getSchedule", async () =>
        {
            var body = new GetSchedulePostRequestBody
            {
                Schedules = [.. addresses],
                StartTime = GraphMapping.ToGraph(start),
                EndTime = GraphMapping.ToGraph(end),
                AvailabilityViewInterval = 30,
            };
            var response = await _client.Users[organizerId].Calendar.GetSchedule
                .PostAsGetSchedulePostResponseAsync(body, r => r.Headers.Add("Prefer", PreferUtc), cancellationToken).ConfigureAwait(false);
            return response?.Value ?? [];
        }, cancellationToken);

    private static PersonSchedule Unknown(string id, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        new(id, WorkingHours.Default(TimeZoneResolver.IanaIdOf(zone)), [new BusyInterval(start, end, DomainStatus.Unknown)]);

    /// <summary>Merges one schedule's answers across window chunks; items spanning a chunk edge arrive twice.</summary>
    private sealed class ScheduleAccumulator
    {
        private readonly HashSet<BusyInterval> _busy = [];

        public WorkingHours? WorkingHours { get; private set; }

        public void Add(ScheduleInformation info, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo defaultZone, GraphCalendarDirectory owner)
        {
            if (info.Error is { } error)
            {
                GraphLog.ScheduleError(owner._logger, info.ScheduleId ?? "?", error.ResponseCode);
                _busy.Add(new BusyInterval(start, end, DomainStatus.Unknown));
                return;
            }

            if (info.WorkingHours is not null) WorkingHours ??= GraphMapping.ToDomain(info.WorkingHours, defaultZone);
            foreach (var item in info.ScheduleItems ?? [])
            {
                var status = GraphMapping.ToDomain(item.Status);
                if (status == DomainStatus.Free) continue;
                if (GraphMapping.ToInstant(item.Start) is { } s && GraphMapping.ToInstant(item.End) is { } e && e > s)
                {
                    _busy.Add(new BusyInterval(s, e, status));
                }
            }
        }

        public IReadOnlyList<BusyInterval> Busy() => [.. _busy.OrderBy(b => b.Start).ThenBy(b => b.End)];
    }
}
