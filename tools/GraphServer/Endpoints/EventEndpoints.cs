using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Endpoints;

/// <summary>GET/POST /users/{id}/events, GET/PATCH/DELETE /users/{id}/events/{eventId} (404 ErrorItemNotFound once deleted, as Graph).</summary>
public static partial class EventEndpoints
{
    /// <summary>Graph's default page size for event collections.</summary>
    private const int DefaultTop = 10;

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{id}/events", (string id, HttpRequest request, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            Func<StoredEvent, bool> filter = _ => true;
            if (request.Query["$filter"].ToString() is { Length: > 0 } text)
            {
                var match = ExtendedPropertyFilter().Match(text);
                if (!match.Success) return GraphJson.Error(400, "ErrorInvalidUrlQueryFilter", "Only singleValueExtendedProperties/Any(...) filters are supported here.");
                var (propId, value) = (Unquote(match.Groups[2].Value), Unquote(match.Groups[3].Value));
                filter = e => e.ExtendedProperties.TryGetValue(propId, out var v) && v == value;
            }

            return PagedEvents(request, store, user, store.EventsOrganizedOrAttended(user.Id, filter));
        });

        graph.MapPost("/users/{id}/events", async (string id, HttpRequest request, GraphStore store, ServerStats stats) =>
        {
            if (store.FindUser(id) is not { } organizer) return GraphJson.UserNotFound(id);
            var body = await GraphJson.ReadBodyAsync(request).ConfigureAwait(false);
            var start = GraphJson.ParseDateTimeTimeZone(body?["start"]);
            var end = GraphJson.ParseDateTimeTimeZone(body?["end"]);
            if (body is null || start is null || end is null || end < start)
            {
                return GraphJson.Error(400, "ErrorInvalidRequest", "start and end are required and end must not precede start.");
            }

            var evt = new StoredEvent
            {
                OrganizerId = organizer.Id,
                StartUtc = start.Value,
                EndUtc = end.Value,
                TransactionId = body["transactionId"]?.GetValue<string>(),
            };
            Apply(evt, body, store);
            if (!store.AddEvent(evt).Created)
            {
                return GraphJson.Error(400, TransactionLedger.DuplicateCode, "Your request can't be completed. The transaction ID has already been used.");
            }

            stats.EventCreated();
            return GraphJson.Json(GraphJson.Event(evt, organizer.Id, organizer, GraphJson.OutputZone(request), expandExtendedProperties: false), 201);
        });

        // One event by id from the organizer's or an attendee's calendar, in the Prefer outlook.timezone zone.
        graph.MapGet("/users/{id}/events/{eventId}", (string id, string eventId, HttpRequest request, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            if (store.FindEvent(user.Id, eventId) is not { } evt) return EventNotFound();
            var expand = request.Query["$expand"].ToString().Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase);
            return GraphJson.Json(GraphJson.Event(evt, user.Id, store.FindUser(evt.OrganizerId) ?? user, GraphJson.OutputZone(request), expand));
        });

        graph.MapPatch("/users/{id}/events/{eventId}", async (string id, string eventId, HttpRequest request, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            if (store.FindEvent(user.Id, eventId) is not { } evt) return EventNotFound();
            var body = await GraphJson.ReadBodyAsync(request).ConfigureAwait(false);
            var start = body?["start"] is { } s ? GraphJson.ParseDateTimeTimeZone(s) : evt.StartUtc;
            var end = body?["end"] is { } e ? GraphJson.ParseDateTimeTimeZone(e) : evt.EndUtc;
            if (body is null || start is null || end is null || end < start) return GraphJson.Error(400, "ErrorInvalidRequest", "Invalid start or end.");

            store.Update(() =>
            {
                evt.StartUtc = start.Value;
                evt.EndUtc = end.Value;
                Apply(evt, body, store);
                evt.ChangeCount++;
            });
            var organizer = store.FindUser(evt.OrganizerId) ?? user;
            return GraphJson.Json(GraphJson.Event(evt, user.Id, organizer, GraphJson.OutputZone(request), expandExtendedProperties: false));
        });

        graph.MapDelete("/users/{id}/events/{eventId}", (string id, string eventId, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            return store.DeleteEvent(user.Id, eventId) ? Results.NoContent() : EventNotFound();
        });

        return graph;
    }

    public static IResult PagedEvents(HttpRequest request, GraphStore store, OrgUser viewer, List<StoredEvent> events)
    {
        var top = int.TryParse(request.Query["$top"], CultureInfo.InvariantCulture, out var t) && t > 0 ? t : DefaultTop;
        var skip = int.TryParse(request.Query["$skip"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var expand = request.Query["$expand"].ToString().Contains("singleValueExtendedProperties", StringComparison.OrdinalIgnoreCase);
        var output = GraphJson.OutputZone(request);
        var page = events.Skip(skip).Take(top).Select(e =>
            (JsonNode)GraphJson.Event(e, viewer.Id, store.FindUser(e.OrganizerId) ?? viewer, output, expand));
        string? next = null;
        if (skip + top < events.Count)
        {
            var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            query["$top"] = top.ToString(CultureInfo.InvariantCulture);
            query["$skip"] = (skip + top).ToString(CultureInfo.InvariantCulture);
            next = GraphJson.NextLink(request, query);
        }

        return GraphJson.Json(GraphJson.Page(page, next));
    }

    private static void Apply(StoredEvent evt, JsonNode body, GraphStore store)
    {
        if (body["subject"] is { } subject) evt.Subject = subject.GetValue<string>();
        if (body["body"] is { } content)
        {
            evt.BodyContentType = content["contentType"]?.GetValue<string>() ?? "html";
            evt.BodyContent = content["content"]?.GetValue<string>() ?? "";
        }

        if (body["isAllDay"] is { } allDay) evt.IsAllDay = allDay.GetValue<bool>();
        if (body["showAs"] is { } showAs) evt.ShowAs = showAs.GetValue<string>();
        if (body["categories"] is JsonArray categories) evt.Categories = [.. categories.Select(c => c?.GetValue<string>() ?? "")];
        if (body["attendees"] is JsonArray attendees)
        {
            evt.Attendees = [.. attendees.Select(a =>
            {
                var address = a?["emailAddress"]?["address"]?.GetValue<string>() ?? "";
                var user = store.FindUser(address);
                return new StoredAttendee
                {
                    Address = address,
                    Name = a?["emailAddress"]?["name"]?.GetValue<string>() ?? user?.DisplayName ?? address,
                    UserId = user?.Id,
                    Type = a?["type"]?.GetValue<string>() ?? "required",
                };
            })];
        }

        if (body["singleValueExtendedProperties"] is JsonArray properties)
        {
            foreach (var p in properties)
            {
                if (p?["id"]?.GetValue<string>() is { } key) evt.ExtendedProperties[key] = p["value"]?.GetValue<string>() ?? "";
            }
        }
    }

    private static IResult EventNotFound() =>
        GraphJson.Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static string Unquote(string odataLiteral) => odataLiteral.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"singleValueExtendedProperties/any\(\s*(\w+)\s*:\s*\1/id\s+eq\s+'((?:[^']|'')*)'\s+and\s+\1/value\s+eq\s+'((?:[^']|'')*)'\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex ExtendedPropertyFilter();
}
