using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Endpoints;

/// <summary>POST calendar/getSchedule and GET calendarView, computed from the stored events.</summary>
public static class ScheduleEndpoints
{
    private const int MaxSchedules = 20;
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(62);

    public static RouteGroupBuilder MapScheduleEndpoints(this RouteGroupBuilder graph)
    {
        graph.MapPost("/users/{id}/calendar/getSchedule", async (string id, HttpRequest request, GraphStore store, ServerStats stats) =>
        {
            if (store.FindUser(id) is null) return GraphJson.UserNotFound(id);
            var body = await GraphJson.ReadBodyAsync(request).ConfigureAwait(false);
            var schedules = body?["schedules"]?.AsArray().Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
            var start = GraphJson.ParseDateTimeTimeZone(body?["startTime"]);
            var end = GraphJson.ParseDateTimeTimeZone(body?["endTime"]);
            var interval = body?["availabilityViewInterval"]?.GetValue<int>() ?? 30;
            stats.RecordSchedule(schedules.Count);

            if (schedules.Count is 0 or > MaxSchedules)
            {
                return GraphJson.Error(400, "ErrorInvalidParameter", $"schedules must name 1 to {MaxSchedules} entries; got {schedules.Count}.");
            }

            if (start is null || end is null || end <= start) return GraphJson.Error(400, "ErrorInvalidParameter", "startTime and endTime are required.");
            if (end.Value - start.Value >= MaxWindow) return GraphJson.Error(400, "ErrorInvalidTimeInterval", "The requested time duration specified is too long.");
            if (interval is < 5 or > 1440) return GraphJson.Error(400, "ErrorInvalidParameter", "availabilityViewInterval must be 5..1440.");

            var output = GraphJson.OutputZone(request);
            var values = schedules.Select(s => (JsonNode)Schedule(store, s, start.Value, end.Value, interval, output));
            return GraphJson.Json(new JsonObject { ["value"] = new JsonArray([.. values]) });
        });

        graph.MapGet("/users/{id}/calendarView", (string id, HttpRequest request, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            if (!TryParseInstant(request.Query["startDateTime"], out var start) || !TryParseInstant(request.Query["endDateTime"], out var end))
            {
                return GraphJson.Error(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
            }

            var events = store.EventsFor(user.Id, start, end);
            return EventEndpoints.PagedEvents(request, store, user, events);
        });

        return graph;
    }

    private static JsonObject Schedule(GraphStore store, string scheduleId, DateTime start, DateTime end, int interval, (TimeZoneInfo, string) output)
    {
        if (store.FindUser(scheduleId) is not { } user)
        {
            return new JsonObject
            {
                ["scheduleId"] = scheduleId,
                ["error"] = new JsonObject { ["message"] = $"Failed to resolve '{scheduleId}'.", ["responseCode"] = "ErrorInvalidRecipients" },
            };
        }

        var events = store.EventsFor(user.Id, start, end).Where(e => e.ShowAsFor(user.Id) != "free").ToList();
        var view = new StringBuilder();
        for (var slot = start; slot < end; slot = slot.AddMinutes(interval))
        {
            var slotEnd = slot.AddMinutes(interval);
            var digit = events.Where(e => e.StartUtc < slotEnd && e.EndUtc > slot).Select(e => Digit(e.ShowAsFor(user.Id))).DefaultIfEmpty('0').MaxBy(Rank);
            view.Append(digit);
        }

        return new JsonObject
        {
            ["scheduleId"] = scheduleId,
            ["availabilityView"] = view.ToString(),
            ["scheduleItems"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
            {
                ["isPrivate"] = false,
                ["status"] = e.ShowAsFor(user.Id),
                ["subject"] = e.Subject,
                ["location"] = "",
                ["isMeeting"] = e.Attendees.Count > 0,
                ["isRecurring"] = false,
                ["isException"] = false,
                ["isReminderSet"] = true,
                ["start"] = GraphJson.DateTimeTimeZone(e.StartUtc, output),
                ["end"] = GraphJson.DateTimeTimeZone(e.EndUtc, output),
            })]),
            ["workingHours"] = UserEndpoints.WorkingHours(user),
        };
    }

    // availabilityView digits: 0 free, 1 tentative, 2 busy, 3 oof, 4 working elsewhere.
    private static char Digit(string showAs) => showAs switch
    {
        "tentative" => '1',
        "busy" => '2',
        "oof" => '3',
        "workingElsewhere" => '4',
        _ => '0',
    };

    // When several items overlap a slot, the strongest wins: oof > busy > tentative > elsewhere > free.
    private static int Rank(char digit) => digit switch { '3' => 4, '2' => 3, '1' => 2, '4' => 1, _ => 0 };

    private static bool TryParseInstant(string? text, out DateTime utc)
    {
        utc = default;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return false;
        utc = value.UtcDateTime;
        return true;
    }
}
