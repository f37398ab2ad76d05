using System.Globalization;
using System.Text.Json.Nodes;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Endpoints;

/// <summary>/users, /users/{id}, directReports, manager, mailboxSettings.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users", (HttpRequest request, GraphStore store) => Paged(request, store.Org.Users, store.Org.PageSize));

        graph.MapGet("/users/{id}", (string id, GraphStore store) =>
            store.FindUser(id) is { } user ? GraphJson.Json(GraphJson.User(user)) : GraphJson.UserNotFound(id));

        graph.MapGet("/users/{id}/directReports", (string id, HttpRequest request, GraphStore store) =>
            store.FindUser(id) is { } user ? Paged(request, store.DirectReports(user.Id), store.Org.PageSize) : GraphJson.UserNotFound(id));

        graph.MapGet("/users/{id}/manager", (string id, GraphStore store) =>
        {
            var user = store.FindUser(id);
            var manager = user?.ManagerId is { } managerId ? store.FindUser(managerId) : null;
            // Graph answers 404 when the manager reference is not set.
            return manager is null ? GraphJson.UserNotFound(user is null ? id : "manager") : GraphJson.Json(GraphJson.User(manager, typed: true));
        });

        graph.MapGet("/users/{id}/mailboxSettings", (string id, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            if (user.MailboxAccess == MailboxAccess.Forbidden)
            {
                return GraphJson.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            }

            return GraphJson.Json(MailboxSettings(user));
        });

        return graph;
    }

    public static JsonObject WorkingHours(OrgUser user) => new()
    {
        ["daysOfWeek"] = new JsonArray([.. user.WorkingDays.Select(d => (JsonNode)JsonValue.Create(d.ToLowerInvariant()))]),
        ["startTime"] = $"{user.WorkStart}:00.0000000",
        ["endTime"] = $"{user.WorkEnd}:00.0000000",
        ["timeZone"] = new JsonObject { ["name"] = user.TimeZone ?? "UTC" },
    };

    private static JsonObject MailboxSettings(OrgUser user)
    {
        var json = new JsonObject
        {
            ["archiveFolder"] = "AAMkAGI2",
            ["timeZone"] = user.TimeZone,
            ["dateFormat"] = "yyyy-MM-dd",
            ["timeFormat"] = "HH:mm",
            ["userPurpose"] = "user",
            ["delegateMeetingMessageDeliveryOptions"] = "sendToDelegateOnly",
            ["automaticRepliesSetting"] = new JsonObject { ["status"] = "disabled", ["externalAudience"] = "none" },
            ["language"] = new JsonObject { ["locale"] = "en-US", ["displayName"] = "English (United States)" },
        };
        if (user.TimeZone is not null) json["workingHours"] = WorkingHours(user);
        return json;
    }

    /// <summary>A page of users ($top, $skiptoken) with an absolute nextLink, like Graph's.</summary>
    internal static IResult Paged(HttpRequest request, List<OrgUser> users, int pageSize)
    {
        var top = int.TryParse(request.Query["$top"], CultureInfo.InvariantCulture, out var t) && t > 0 ? t : pageSize;
        var skip = int.TryParse(request.Query["$skiptoken"], CultureInfo.InvariantCulture, out var s) ? s : 0;
        var page = users.Skip(skip).Take(top).Select(u => (JsonNode)GraphJson.User(u, typed: true));
        var next = skip + top < users.Count
            ? GraphJson.NextLink(request, new Dictionary<string, string?> { ["$top"] = top.ToString(CultureInfo.InvariantCulture), ["$skiptoken"] = (skip + top).ToString(CultureInfo.InvariantCulture), ["$select"] = request.Query["$select"] })
            : null;
        return GraphJson.Json(GraphJson.Page(page, next));
    }
}
