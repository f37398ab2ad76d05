using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Validates the channel's bearer token: trusted issuer read first, keys chosen by issuer, RS256/384/512 signature,
/// audience, lifetime; then, for Bot Framework tokens, the signing key's endorsement of the channel and the
/// <c>serviceurl</c> claim, and for Entra tokens, tenant consistency and the calling app (<c>azp</c>/<c>appid</c>)
/// against the trusted callers. Finally the serviceUrl's host against the Connector allow-list and the tenant (taken
/// from the token where it names one) against the tenant allow-list. Every failure is a refusal (503 only when the
/// keys cannot be fetched); nothing here throws for a bad request.
/// </summary>
public sealed partial class JwtBotAuthenticator : IBotAuthenticator, IDisposable
{
    private const string BearerPrefix = "Bearer ";
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly BotAuthSettings _settings;
    private readonly Dictionary<string, SigningKeyCache> _caches = new(StringComparer.Ordinal);
    private readonly ILogger<JwtBotAuthenticator> _logger;
    private readonly ServiceUrlPolicy _serviceUrls;

    public JwtBotAuthenticator(BotAuthSettings settings, OpenIdKeyRetriever retriever, TimeProvider time, ILogger<JwtBotAuthenticator> logger,
        ServiceUrlPolicy? serviceUrls = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _serviceUrls = serviceUrls ?? new ServiceUrlPolicy(loopbackOnly: false);
        _logger = logger;
        foreach (var issuer in settings.Issuers)
            if (!_caches.ContainsKey(issuer.MetadataUrl))
                _caches[issuer.MetadataUrl] = new SigningKeyCache(issuer.MetadataUrl, retriever, time, logger);
    }

    public async ValueTask<AuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(authorizationHeader)) return AuthResult.Fail("Missing Authorization header.");
        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.Ordinal))
            return AuthResult.Fail("The Authorization scheme must be Bearer.");
        var token = authorizationHeader[BearerPrefix.Length..].Trim();
        if (token.Length == 0 || !Handler.CanReadToken(token)) return AuthResult.Fail("The bearer token is not a JWT.");

        JsonWebToken jwt;
        try
        {
            jwt = Handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return AuthResult.Fail("The bearer token is not a JWT.");
        }
        if (jwt.IsEncrypted || !AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
            return AuthResult.Fail("The token's algorithm is not allowed.");

        // Cheap reject of foreign issuers before any key lookup (the SDK does the same).
        if (_settings.FindIssuer(jwt.Issuer) is not { } issuer) return AuthResult.Fail("The token's issuer is not trusted.");
        if (string.IsNullOrEmpty(jwt.Kid)) return AuthResult.Fail("The token names no signing key.");

        var cache = _caches[issuer.MetadataUrl];
        var keys = await cache.GetAsync(ct).ConfigureAwait(false);
        // Not the caller's fault: 503 makes the channel retry, where 401 would make it drop the activity.
        if (keys is null) return AuthResult.Unavailable("Signing keys are unavailable; try again shortly.");
        if (!keys.Keys.ContainsKey(jwt.Kid))
        {
            LogUnknownKey(_logger, jwt.Kid.Length > 64 ? jwt.Kid[..64] : jwt.Kid, issuer.Issuer); // the kid is caller-chosen: bound it
            keys = await cache.RefreshForUnknownKeyAsync(keys, ct).ConfigureAwait(false);
        }
        if (keys is null || !keys.Keys.TryGetValue(jwt.Kid, out var signingKey))
            return AuthResult.Fail("The token's signing key is unknown.");

        var result = await Handler.ValidateTokenAsync(token, Parameters(issuer, signingKey)).ConfigureAwait(false);
        if (!result.IsValid) return AuthResult.Fail(Describe(result.Exception));

        var failure = issuer.IsBotFramework
            ? CheckBotFrameworkToken(jwt, keys, activity)
            : CheckEntraToken(jwt, keys, issuer) ?? CheckCaller(jwt);
        if (failure is not null) return AuthResult.Fail(failure);

        // Authorization, not authentication: checked only for an authentic caller, so the lists are never probed.
        if (!_serviceUrls.IsAllowed(activity.ServiceUrl))
            return AuthResult.Forbidden("The activity's serviceUrl is not an allowed Connector host.");
        if (TenantOf(jwt, issuer, activity) is not { } tenant)
            return AuthResult.Forbidden("The activity's tenant does not match the token's.");
        if (!_settings.IsTenantAllowed(tenant.Length == 0 ? null : tenant))
            return AuthResult.Forbidden("The activity's tenant is not allowed.");
        return AuthResult.Ok(result.ClaimsIdentity, new VerifiedCaller(issuer.Issuer, CallerAppId(jwt), tenant.Length == 0 ? null : tenant));
    }

    /// <summary>
    /// An Entra token proves only that some app got a token for the bot's audience; any app registration in a trusted
    /// tenant can. So the calling app must be one of the trusted callers (the Bot Service by default).
    /// </summary>
    private string? CheckCaller(JsonWebToken jwt)
    {
        var caller = CallerAppId(jwt);
        if (caller is not null && _settings.TrustedCallers.Contains(caller)) return null;
        // Signed by a trusted issuer, so these are Entra's values: logged so an operator can add a legitimate caller.
        jwt.TryGetPayloadValue<string>("ver", out var version);
        LogUntrustedCaller(_logger, Bound(caller ?? "none"), jwt.Issuer, Bound(version ?? "none"));
        return "The token's calling app is not a trusted caller.";
    }

    private static string Bound(string value) => value.Length > 64 ? value[..64] : value;

    /// <summary>The calling app: <c>azp</c> in v2 tokens, <c>appid</c> in v1 (Entra access token reference).</summary>
    private static string? CallerAppId(JsonWebToken jwt)
    {
        // Entra access tokens always carry ver; without it there is no telling which claim names the caller.
        jwt.TryGetPayloadValue<string>("ver", out var version);
        var claim = version switch { "1.0" => "appid", "2.0" => "azp", _ => null };
        return claim is not null && jwt.TryGetPayloadValue<string>(claim, out var app) && !string.IsNullOrWhiteSpace(app) ? app : null;
    }

    /// <summary>
    /// The tenant the activity is accepted for, "" when none is named, or null when the body contradicts the token or
    /// itself. An Entra token from the customer's tenant fixes the tenant; Bot Framework tokens and tokens from the Bot
    /// Service's own tenants carry none, and the channel that signed them vouches for the body.
    /// </summary>
    private static string? TenantOf(JsonWebToken jwt, TrustedIssuer issuer, Activity activity)
    {
        var body = activity.TenantId;
        var channelData = activity.ChannelDataTenantId();
        if (body is not null && channelData is not null && !string.Equals(body, channelData, StringComparison.OrdinalIgnoreCase)) return null;
        if (issuer.IsBotFramework || BotAuthSettings.IsBotServiceTenant(issuer.TenantId)) return body ?? "";
        jwt.TryGetPayloadValue<string>("tid", out var tid);
        return body is null || string.Equals(body, tid, StringComparison.OrdinalIgnoreCase) ? tid ?? "" : null;
    }

    private TokenValidationParameters Parameters(TrustedIssuer issuer, SecurityKey signingKey) => new()
    {
        ValidIssuer = issuer.Issuer,
        ValidAudiences = _settings.AudiencesFor(issuer),
        IssuerSigningKeys = [signingKey],
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        RequireAudience = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ClockSkew = _settings.ClockSkew,
        AuthenticationType = issuer.IsBotFramework ? "BotFramework" : "EntraId",
    };

    private static string? CheckBotFrameworkToken(JsonWebToken jwt, SigningKeySet keys, Activity activity)
    {
        // The key must be endorsed for the channel the activity claims to come from (e.g. msteams).
        if (string.IsNullOrEmpty(activity.ChannelId)
            || !keys.Endorsements.TryGetValue(jwt.Kid, out var endorsements)
            || !endorsements.Contains(activity.ChannelId))
            return "The token's signing key is not endorsed for the activity's channel.";
        // Binds the token to the serviceUrl the bot will call back; otherwise a stolen token could redirect replies.
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var serviceUrl)
            || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return "The token's serviceurl does not match the activity.";
        return null;
    }

    private static string? CheckEntraToken(JsonWebToken jwt, SigningKeySet keys, TrustedIssuer issuer)
    {
        if (!jwt.TryGetPayloadValue<string>("tid", out var tid) || !string.Equals(tid, issuer.TenantId, StringComparison.OrdinalIgnoreCase))
            return "The token's tenant does not match its issuer.";
        // Entra keys may carry the issuer they sign for; a key of one tenant must not vouch for another.
        if (keys.KeyIssuers.TryGetValue(jwt.Kid, out var keyIssuer))
        {
            var effective = keyIssuer.Replace("{tenantid}", tid, StringComparison.OrdinalIgnoreCase);
            if (!string.Equals(effective, jwt.Issuer, StringComparison.Ordinal)
                && !string.Equals(effective, BotAuthSettings.EntraV2Issuer(tid), StringComparison.Ordinal))
                return "The token's signing key belongs to another issuer.";
        }
        return null;
    }

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not yet valid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidAudienceException => "The token is not for this bot (audience).",
        SecurityTokenInvalidIssuerException => "The token's issuer is not trusted.",
        SecurityTokenInvalidAlgorithmException => "The token's algorithm is not allowed.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        _ => $"The token is invalid ({ex?.GetType().Name ?? "unknown"}).",
    };

    public void Dispose()
    {
        foreach (var cache in _caches.Values) cache.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an Entra token from calling app {Caller} (issuer {Issuer}, version {Version}): not in Bot:TrustedCallers")]
    private static partial void LogUntrustedCaller(ILogger logger, string caller, string issuer, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Token names unknown signing key {Kid} for issuer {Issuer}; refreshing keys if allowed")]
    private static partial void LogUnknownKey(ILogger logger, string kid, string issuer);
}
