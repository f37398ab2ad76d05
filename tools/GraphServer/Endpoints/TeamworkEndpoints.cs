using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Tools.GraphServer.Control;
using CoachBot.Tools.GraphServer.Org;
using CoachBot.Tools.GraphServer.Store;

namespace CoachBot.Tools.GraphServer.Endpoints;

/// <summary>
/// The org app catalog and personal app installs: GET /appCatalogs/teamsApps?$filter=externalId eq '…',
/// POST/GET /users/{id}/teamwork/installedApps (409 when already installed), and the install's 1:1 chat.
/// </summary>
public static partial class TeamworkEndpoints
{
    public static RouteGroupBuilder MapTeamworkEndpoints(this RouteGroupBuilder graph)
    {
        graph.MapGet("/appCatalogs/teamsApps", (HttpRequest request, GraphStore store) =>
        {
            var apps = store.Org.TeamsApps.AsEnumerable();
            if (request.Query["$filter"].ToString() is { Length: > 0 } filter)
            {
                var match = CatalogFilter().Match(filter);
                if (!match.Success) return GraphJson.Error(400, "BadRequest", $"Unsupported filter: {filter}");
                var value = match.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal);
                apps = match.Groups[1].Value == "id"
                    ? apps.Where(a => a.Id.Equals(value, StringComparison.OrdinalIgnoreCase))
                    : apps.Where(a => a.ExternalId.Equals(value, StringComparison.OrdinalIgnoreCase));
            }

            return GraphJson.Json(GraphJson.Page(apps.Select(a => (JsonNode)App(a)), null));
        });

        graph.MapPost("/users/{id}/teamwork/installedApps", async (string id, HttpRequest request, GraphStore store, ServerStats stats) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            var body = await GraphJson.ReadBodyAsync(request).ConfigureAwait(false);
            var bind = body?["teamsApp@odata.bind"]?.GetValue<string>() ?? "";
            var match = AppBind().Match(bind);
            if (!match.Success) return GraphJson.Error(400, "BadRequest", "teamsApp@odata.bind must name /appCatalogs/teamsApps/{id}.");
            if (store.FindCatalogApp(match.Groups[1].Value) is not { } app)
                return GraphJson.Error(404, "NotFound", $"App '{match.Groups[1].Value}' is not in the tenant's app catalog.");
            var (_, created) = store.Install(user, app);
            if (!created) return GraphJson.Error(409, "Conflict", "App is already installed.");
            stats.AppInstalled();
            // Graph answers 201 with no body: the installation is found by listing installedApps.
            return Results.StatusCode(201);
        });

        graph.MapGet("/users/{id}/teamwork/installedApps", (string id, HttpRequest request, GraphStore store) =>
        {
            if (store.FindUser(id) is not { } user) return GraphJson.UserNotFound(id);
            var installations = store.Installations(user.Id).AsEnumerable();
            if (request.Query["$filter"].ToString() is { Length: > 0 } filter)
            {
                var match = InstalledFilter().Match(filter);
                if (!match.Success) return GraphJson.Error(400, "BadRequest", $"Unsupported filter: {filter}");
                var value = match.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal);
                installations = match.Groups[1].Value == "id"
                    ? installations.Where(i => i.App.Id.Equals(value, StringComparison.OrdinalIgnoreCase))
                    : installations.Where(i => i.App.ExternalId.Equals(value, StringComparison.OrdinalIgnoreCase));
            }

            var expand = request.Query["$expand"].ToString().Contains("teamsApp", StringComparison.Ordinal);
            return GraphJson.Json(GraphJson.Page(installations.Select(i => (JsonNode)Installation(i, expand)), null));
        });

        graph.MapGet("/users/{id}/teamwork/installedApps/{installationId}", (string id, string installationId, GraphStore store) =>
            Find(store, id, installationId) is { } installation ? GraphJson.Json(Installation(installation, expand: false)) : NotInstalled(installationId));

        graph.MapGet("/users/{id}/teamwork/installedApps/{installationId}/chat", (string id, string installationId, GraphStore store) =>
            Find(store, id, installationId) is { } installation
                ? GraphJson.Json(new JsonObject
                {
                    ["id"] = installation.ChatId,
                    ["topic"] = null,
                    ["chatType"] = "oneOnOne",
                    ["tenantId"] = store.Org.TenantId,
                })
                : NotInstalled(installationId));

        return graph;
    }

    private static AppInstallation? Find(GraphStore store, string userId, string installationId) =>
        store.FindUser(userId) is { } user ? store.Installations(user.Id).FirstOrDefault(i => i.Id == installationId) : null;

    private static IResult NotInstalled(string installationId) => GraphJson.Error(404, "NotFound", $"Installation '{installationId}' not found.");

    private static JsonObject App(CatalogApp app) => new()
    {
        ["id"] = app.Id,
        ["externalId"] = app.ExternalId,
        ["displayName"] = app.DisplayName,
        ["distributionMethod"] = "organization",
    };

    private static JsonObject Installation(AppInstallation installation, bool expand)
    {
        var json = new JsonObject { ["@odata.type"] = "#microsoft.graph.userScopeTeamsAppInstallation", ["id"] = installation.Id };
        if (expand) json["teamsApp"] = App(installation.App);
        return json;
    }

    [GeneratedRegex(@"^\s*(externalId|id)\s+eq\s+'((?:[^']|'')*)'\s*$")]
    private static partial Regex CatalogFilter();

    [GeneratedRegex(@"^\s*teamsApp/(externalId|id)\s+eq\s+'((?:[^']|'')*)'\s*$")]
    private static partial Regex InstalledFilter();

    // https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id} or …/teamsApps('{id}')
    [GeneratedRegex(@"/appCatalogs/teamsApps(?:/|\(')([^/'()]+)'?\)?$")]
    private static partial Regex AppBind();
}
