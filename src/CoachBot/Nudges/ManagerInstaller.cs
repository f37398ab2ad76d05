using CoachBot.Graph;
using CoachBot.Graph.Installs;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>
/// Reaches a manager who never installed CoachBot: installs the Teams app for them through Graph (org catalog app,
/// personal scope), then creates the 1:1 conversation through the Connector and stores it as their reference, so the
/// nudge goes out as to anyone else. Teams then also sends the bot an installationUpdate, which stores the reference
/// the usual way. A refusal (403, not in catalog, 404, Connector refusal) is recorded per manager and not tried again
/// for <see cref="NudgeOptions.InstallRetryInterval"/>; a manager who removed the app is never reinstalled.
/// Transient failures (Graph or Connector down) throw, so the nudge job is retried through the queue.
/// </summary>
internal sealed partial class ManagerInstaller(
    CoachingStore store,
    ManagerInstallStore installs,
    ITeamsAppInstaller graph,
    ConnectorClient connector,
    TimeProvider time,
    IOptions<NudgeOptions> options,
    IOptions<BotOptions> bot,
    ILogger<ManagerInstaller> logger) : IDisposable
{
    // Workers install for several managers at once on a first morning: one catalog lookup serves them all.
    private readonly SemaphoreSlim _lookup = new(1, 1);
    private string? _catalogId;

    /// <summary>
    /// Null when the manager is reachable without an install (a live reference) or installs are off; otherwise the
    /// <see cref="InstallStates"/> value this call (or, within the retry interval, the last attempt) ended in.
    /// </summary>
    public async Task<string?> EnsureReachableAsync(string tenantId, string managerId, CancellationToken ct)
    {
        var o = options.Value;
        var references = await store.GetReferencesAsync(tenantId, managerId, ct).ConfigureAwait(false);
        if (references.Any(r => !r.IsStale) || !o.InstallForManagers) return null;

        var now = time.GetUtcNow();
        var previous = await installs.GetAsync(tenantId, managerId, ct).ConfigureAwait(false);
        if (references.Count > 0)
        {
            // Every reference is retired: the manager removed or blocked the app. Installing it again would overrule them.
            if (previous?.State != InstallStates.RemovedByUser)
                await installs.RecordAsync(tenantId, managerId, InstallStates.RemovedByUser, null, now, ct).ConfigureAwait(false);
            return InstallStates.RemovedByUser;
        }
        if (previous is { State: not InstallStates.Installed } && previous.LastTried + o.InstallRetryInterval > now) return previous.State;

        var (state, detail) = await InstallAsync(tenantId, managerId, now, ct).ConfigureAwait(false);
        await installs.RecordAsync(tenantId, managerId, state, detail, now, ct).ConfigureAwait(false);
        LogOutcome(logger, state, detail);
        return state;
    }

    private async Task<(string State, string? Detail)> InstallAsync(string tenantId, string managerId, DateTimeOffset now, CancellationToken ct)
    {
        UserAppInstallation installation;
        try
        {
            if (await CatalogIdAsync(ct).ConfigureAwait(false) is not { } catalogId)
                return (InstallStates.NotInCatalog, $"No app with manifest id {ManifestId ?? "(none: set Nudges:TeamsAppId)"} in the org app catalog.");
            installation = await graph.InstallForUserAsync(managerId, catalogId, ct).ConfigureAwait(false);
        }
        catch (GraphException e) when (!e.IsTransient)
        {
            var status = e.Status is { } s ? $"HTTP {(int)s}" : "no status";
            return e.Kind switch
            {
                GraphFailureKind.AccessDenied => (InstallStates.Forbidden, $"Graph {e.Operation} {status}: consent or a Teams app policy is missing."),
                GraphFailureKind.NotFound => (InstallStates.NotFound, $"Graph {e.Operation} {status}: the user or the catalog app does not exist."),
                _ => (InstallStates.Failed, $"Graph {e.Operation} {status}."),
            };
        }

        // Any live reference of the tenant tells where its Connector is and what the bot's id is.
        var sample = await store.FindTenantReferenceAsync(tenantId, ct).ConfigureAwait(false);
        var serviceUrl = sample?.ServiceUrl ?? options.Value.DefaultServiceUrl;
        var botId = sample?.BotId ?? (bot.Value.AppId is { Length: > 0 } appId ? "28:" + appId : null);
        ConversationResourceResponse created;
        try
        {
            created = await connector.CreateConversationAsync(serviceUrl, ConversationParameters.PersonalChat(managerId, tenantId, botId), ct).ConfigureAwait(false);
        }
        catch (ConnectorException e) when (!RetryPolicy.IsTransient(e.Status))
        {
            return (InstallStates.ConnectorRefused, $"Connector HTTP {(int)e.Status} {e.Code}");
        }
        var reference = new ConversationReference(created.ServiceUrl ?? serviceUrl, Channels.MsTeams, created.Id!, "personal", tenantId,
            managerId, managerId, UserName: null, botId, BotName: null, Locale: null);
        await store.UpsertReferenceAsync(StoredConversationReference.Of(tenantId, managerId, reference, now), ct).ConfigureAwait(false);
        return (InstallStates.Installed, installation.AlreadyInstalled ? "Was already installed." : null);
    }

    private string? ManifestId => options.Value.TeamsAppId is { Length: > 0 } id ? id : bot.Value.AppId is { Length: > 0 } appId ? appId : null;

    /// <summary>The configured catalog id, else the one found by manifest id (remembered once found).</summary>
    private async Task<string?> CatalogIdAsync(CancellationToken ct)
    {
        if (options.Value.TeamsAppCatalogId is { Length: > 0 } configured) return configured;
        if (_catalogId is { } known) return known;
        if (ManifestId is not { } manifestId) return null;
        await _lookup.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return _catalogId ??= await graph.FindCatalogAppIdAsync(manifestId, ct).ConfigureAwait(false);
        }
        finally
        {
            _lookup.Release();
        }
    }

    public void Dispose() => _lookup.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive install for a manager: {State} {Detail}")]
    private static partial void LogOutcome(ILogger logger, string state, string? detail);
}
