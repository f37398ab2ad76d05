using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Endpoints;

/// <summary>Graph-shaped JSON for users, events and errors.</summary>
public static partial class GraphJson
{
    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Content(node.ToJsonString(), "application/json; odata.metadata=minimal", statusCode: status);

    // The SDK writes some action parameters PascalCase (getSchedule's "Schedules", "StartTime"), as the Graph
    // metadata declares them; Graph matches property names case-insensitively, so this server does too.
    private static readonly JsonNodeOptions BodyOptions = new() { PropertyNameCaseInsensitive = true };

    public static async Task<JsonNode?> ReadBodyAsync(HttpRequest request) =>
        await JsonNode.ParseAsync(request.Body, BodyOptions).ConfigureAwait(false);

    public static IResult Error(int status, string code, string message) => Json(new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["innerError"] = new JsonObject
            {
                ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                ["request-id"] = Guid.NewGuid().ToString(),
            },
        },
    }, status);

    public static IResult UserNotFound(string id) =>
        Error(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static JsonObject User(OrgUser user, bool typed = false)
    {
        var json = new JsonObject();
        if (typed) json["@odata.type"] = "#microsoft.graph.user";
        json["id"] = user.Id;
        json["displayName"] = user.DisplayName;
        json["mail"] = user.SmtpAddress;
        json["userPrincipalName"] = user.UserPrincipalName;
        json["jobTitle"] = user.JobTitle;
        return json;
    }

    /// <summary>A collection page; nextLink is absolute, like Graph's.</summary>
    public static JsonObject Page(IEnumerable<JsonNode> items, string? nextLink)
    {
        var json = new JsonObject { ["value"] = new JsonArray([.. items]) };
        if (nextLink is not null) json["@odata.nextLink"] = nextLink;
        return json;
    }

    public static string NextLink(HttpRequest request, IDictionary<string, string?> query)
    {
        var pairs = query.Where(kv => kv.Value is not null).Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value!)}");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', pairs)}";
    }

    /// <summary>The zone asked for by <c>Prefer: outlook.timezone="…"</c>; Graph answers in UTC otherwise.</summary>
    public static (TimeZoneInfo Zone, string Label) OutputZone(HttpRequest request)
    {
        foreach (var prefer in request.Headers["Prefer"])
        {
            var match = PreferZone().Match(prefer ?? "");
            if (match.Success && TimeZoneInfo.TryFindSystemTimeZoneById(match.Groups[1].Value, out var zone))
            {
                return (zone, match.Groups[1].Value);
            }
        }

        return (TimeZoneInfo.Utc, "UTC");
    }

    public static JsonObject DateTimeTimeZone(DateTime utc, (TimeZoneInfo Zone, string Label) output) => new()
    {
        ["dateTime"] = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), output.Zone)
            .ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        ["timeZone"] = output.Label,
    };

    /// <summary>Parses a dateTimeTimeZone body value to UTC; null when malformed.</summary>
    public static DateTime? ParseDateTimeTimeZone(JsonNode? node)
    {
        var text = node?["dateTime"]?.GetValue<string>();
        if (text is null || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)) return null;
        if (value.Kind == DateTimeKind.Utc) return value;
        var zoneName = node?["timeZone"]?.GetValue<string>() ?? "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var zone)) return null;
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), zone);
    }

    public static JsonObject Event(StoredEvent evt, string viewerId, OrgUser organizer, (TimeZoneInfo, string) output, bool expandExtendedProperties)
    {
        var json = new JsonObject
        {
            ["@odata.etag"] = $"W/\"{evt.ChangeCount}\"",
            ["id"] = evt.Id,
            ["createdDateTime"] = evt.CreatedUtc.ToString("o", CultureInfo.InvariantCulture),
            ["iCalUId"] = evt.ICalUId,
            ["transactionId"] = evt.TransactionId,
            ["subject"] = evt.Subject,
            ["body"] = new JsonObject { ["contentType"] = evt.BodyContentType, ["content"] = evt.BodyContent },
            ["start"] = DateTimeTimeZone(evt.StartUtc, output),
            ["end"] = DateTimeTimeZone(evt.EndUtc, output),
            ["isAllDay"] = evt.IsAllDay,
            // An organizer's cancelled meeting is deleted here (404 after); attendees' copies are removed with it.
            ["isCancelled"] = false,
            ["isOrganizer"] = evt.OrganizerId.Equals(viewerId, StringComparison.OrdinalIgnoreCase),
            ["showAs"] = evt.ShowAsFor(viewerId),
            ["categories"] = new JsonArray([.. evt.Categories.Select(c => (JsonNode)JsonValue.Create(c))]),
            ["organizer"] = new JsonObject { ["emailAddress"] = Address(organizer.SmtpAddress, organizer.DisplayName) },
            ["attendees"] = new JsonArray([.. evt.Attendees.Select(a => (JsonNode)new JsonObject
            {
                ["type"] = a.Type,
                ["status"] = new JsonObject { ["response"] = a.Response, ["time"] = "0001-01-01T00:00:00Z" },
                ["emailAddress"] = Address(a.Address, a.Name),
            })]),
        };
        if (expandExtendedProperties)
        {
            json["singleValueExtendedProperties"] = new JsonArray([.. evt.ExtendedProperties.Select(p =>
                (JsonNode)new JsonObject { ["id"] = p.Key, ["value"] = p.Value })]);
        }

        return json;
    }

    private static JsonObject Address(string address, string name) => new() { ["name"] = name, ["address"] = address };

    [GeneratedRegex("outlook\\.timezone\\s*=\\s*\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex PreferZone();
}
