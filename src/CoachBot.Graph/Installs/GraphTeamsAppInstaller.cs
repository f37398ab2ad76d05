using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace CoachBot.Graph.Installs;

/// <summary>
/// <see cref="ITeamsAppInstaller"/> over Graph: <c>GET /appCatalogs/teamsApps?$filter=externalId eq '…'</c>,
/// <c>POST /users/{id}/teamwork/installedApps</c> (409 = already installed), then the installation by
/// <c>$filter=teamsApp/id eq '…'</c> and its <c>/chat</c>. POST answers 201 without a body, so the installation is always looked up.
/// </summary>
public sealed class GraphTeamsAppInstaller(GraphServiceClient client, GraphOptions options, ILogger<GraphTeamsAppInstaller>? logger = null) : ITeamsAppInstaller
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public Task<string?> FindCatalogAppIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        return GraphCall.RunLoggedAsync(_logger, "appCatalog", async () =>
        {
            var apps = await client.AppCatalogs.TeamsApps
                .GetAsync(r => r.QueryParameters.Filter = $"externalId eq '{Quote(externalId)}'", cancellationToken).ConfigureAwait(false);
            return apps?.Value?.FirstOrDefault()?.Id;
        }, cancellationToken);
    }

    public async Task<UserAppInstallation> InstallForUserAsync(string userId, string catalogAppId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(catalogAppId);
        var installations = client.Users[userId].Teamwork.InstalledApps;
        var alreadyInstalled = await GraphCall.RunLoggedAsync(_logger, "installApp", async () =>
        {
            try
            {
                var body = new UserScopeTeamsAppInstallation
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["teamsApp@odata.bind"] = $"{options.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{Uri.EscapeDataString(catalogAppId)}",
                    },
                };
                await installations.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                return false;
            }
            catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.Conflict)
            {
                return true;
            }
        }, cancellationToken).ConfigureAwait(false);

        var installationId = await GraphCall.RunLoggedAsync(_logger, "installedApps", async () =>
        {
            var found = await installations.GetAsync(r =>
            {
                r.QueryParameters.Expand = ["teamsApp"];
                r.QueryParameters.Filter = $"teamsApp/id eq '{Quote(catalogAppId)}'";
            }, cancellationToken).ConfigureAwait(false);
            return found?.Value?.FirstOrDefault()?.Id;
        }, cancellationToken).ConfigureAwait(false)
            ?? throw new GraphException(GraphFailureKind.Unavailable, "installedApps", null, "The installation is not listed yet.", null);

        var chat = await GraphCall.RunLoggedAsync(_logger, "installedAppChat",
            () => installations[installationId].Chat.GetAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        return chat?.Id is { Length: > 0 } chatId
            ? new UserAppInstallation(installationId, chatId, alreadyInstalled)
            : throw new GraphException(GraphFailureKind.Unavailable, "installedAppChat", null, "The installation has no chat yet.", null);
    }

    /// <summary>An OData string literal's content: single quotes doubled, so a value cannot end the literal.</summary>
    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
