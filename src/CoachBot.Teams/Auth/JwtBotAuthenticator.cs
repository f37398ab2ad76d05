using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Validates the channel's bearer token as PROTOCOL.md 1.3a describes: trusted issuer read first, keys chosen by
/// issuer, RS256/384/512 signature, audience, lifetime; then, for Bot Framework tokens, the signing key's
/// endorsement of the channel and the <c>serviceurl</c> claim, and for Entra tokens, tenant consistency.
/// Finally the tenant allow-list. Every failure is a refusal; nothing here throws for a bad request.
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

    public JwtBotAuthenticator(BotAuthSettings settings, OpenIdKeyRetriever retriever, TimeProvider time, ILogger<JwtBotAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _logger = logger;
        foreach (var issuer in settings.Issuers)
            if (!_caches.ContainsKey(issuer.MetadataUrl))
                _caches[issuer.MetadataUrl] = new SigningKeyCache(issuer.MetadataUrl, retriever, time, logger);
    }

    /// <summary>The key cache for a metadata URL (tests tune its intervals).</summary>
    public SigningKeyCache CacheFor(string metadataUrl) => _caches[metadataUrl];

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
        if (keys is null) return AuthResult.Fail("Signing keys are unavailable.");
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
            : CheckEntraToken(jwt, keys, issuer);
        if (failure is not null) return AuthResult.Fail(failure);

        // Authorization, not authentication: checked only for an authentic caller, so the list is never probed.
        if (!_settings.IsTenantAllowed(activity.TenantId))
            return AuthResult.Forbidden("The activity's tenant is not allowed.");
        return AuthResult.Ok(result.ClaimsIdentity);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Token names unknown signing key {Kid} for issuer {Issuer}; refreshing keys if allowed")]
    private static partial void LogUnknownKey(ILogger logger, string kid, string issuer);
}
