using Azure.Core;
using Azure.Identity;
using CoachBot.Teams.Auth;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Connector;

/// <summary>
/// Bearer tokens for Bot Connector calls (scope <c>https://api.botframework.com/.default</c>) from an Azure.Identity
/// credential. The token is cached until <see cref="RefreshMargin"/> before it expires (or the credential's own
/// refresh hint), and only one caller fetches a new one while the others wait for it.
/// </summary>
public sealed partial class AzureIdentityTokenProvider(TokenCredential credential, TimeProvider time, ILogger<AzureIdentityTokenProvider> logger)
    : IBotTokenProvider, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";

    /// <summary>Multi-tenant bots get their token from the botframework.com tenant (docs/protocol.md, "Outbound tokens").</summary>
    public const string MultiTenantAuthority = "botframework.com";

    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly TokenRequestContext Request = new([Scope]);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached; // a reference, so readers outside the lock never see a torn value

    /// <summary>The credential for the configured app type: a client secret, or the user-assigned managed identity.</summary>
    public static TokenCredential CreateCredential(BotAuthSettings settings, string? appPassword)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.AppType switch
        {
            BotAppType.UserAssignedMsi => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.AppId)),
            BotAppType.SingleTenant => new ClientSecretCredential(settings.TenantId, settings.AppId, appPassword),
            _ => new ClientSecretCredential(MultiTenantAuthority, settings.AppId, appPassword),
        };
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } token) return token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (Fresh(_cached) is { } refreshed) return refreshed;
            try
            {
                var fetched = await credential.GetTokenAsync(Request, cancellationToken).ConfigureAwait(false);
                var refreshAt = fetched.ExpiresOn - RefreshMargin;
                if (fetched.RefreshOn is { } hint && hint < refreshAt) refreshAt = hint;
                _cached = new CachedToken(fetched.Token, refreshAt);
                LogFetched(logger, fetched.ExpiresOn);
                return fetched.Token;
            }
            catch (AuthenticationFailedException ex)
            {
                // The message names the tenant and app, never the secret; the token is never logged.
                LogFailed(logger, ex.GetType().Name, ex.Message);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh(CachedToken? cached) =>
        cached is not null && time.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt)
    {
        // Keep the token out of ToString (records print their members).
        public override string ToString() => $"CachedToken(refresh at {RefreshAt:o})";
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched a Bot Connector token valid until {ExpiresOn:o}")]
    private static partial void LogFetched(ILogger logger, DateTimeOffset expiresOn);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not get a Bot Connector token: {Error} {Detail}")]
    private static partial void LogFailed(ILogger logger, string error, string detail);
}
