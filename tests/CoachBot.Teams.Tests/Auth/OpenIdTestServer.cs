using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>
/// A real Kestrel server on 127.0.0.1 serving Bot Framework and Entra OpenID metadata and key sets (with
/// endorsements), counting every hit, with keys that can be rotated and an outage switch.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<(TestSigningKey Key, string[]? Endorsements)> _bfKeys = [];
    private readonly List<(TestSigningKey Key, string? Issuer)> _entraKeys = [];
    private int _metadataHits;
    private int _keysHits;
    private int _msiHits;

    /// <summary>The bot token the managed-identity endpoint hands out.</summary>
    public const string MsiToken = "msi-bot-token";

    private OpenIdTestServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public string BotFrameworkMetadataUrl => $"{BaseUrl}/bf/v1/.well-known/openidconfiguration";
    public string EntraMetadataUrlTemplate => $"{BaseUrl}/{{tenant}}/v2.0/.well-known/openid-configuration";
    public int MetadataHits => Volatile.Read(ref _metadataHits);
    public int KeysHits => Volatile.Read(ref _keysHits);
    public int MsiHits => Volatile.Read(ref _msiHits);
    public string MsiEndpoint => $"{BaseUrl}/msi/token";

    /// <summary>When true every request gets 503.</summary>
    public bool Down { get; set; }

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new OpenIdTestServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.Single().TrimEnd('/');
        return server;
    }

    public void AddBotFrameworkKey(TestSigningKey key, params string[]? endorsements)
    {
        lock (_lock) _bfKeys.Add((key, endorsements));
    }

    /// <summary><paramref name="issuer"/> is the per-key issuer Entra publishes (may hold <c>{tenantid}</c>).</summary>
    public void AddEntraKey(TestSigningKey key, string? issuer = null)
    {
        lock (_lock) _entraKeys.Add((key, issuer));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (Down)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        object? body = null;
        if (path == "/bf/v1/.well-known/openidconfiguration")
        {
            Interlocked.Increment(ref _metadataHits);
            body = new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["jwks_uri"] = $"{BaseUrl}/bf/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            };
        }
        else if (path == "/plain-http-jwks")
        {
            body = new Dictionary<string, object> { ["issuer"] = "https://api.botframework.com", ["jwks_uri"] = "http://keys.example.com/keys" };
        }
        else if (path == "/bf/v1/.well-known/keys")
        {
            Interlocked.Increment(ref _keysHits);
            lock (_lock) body = new { keys = _bfKeys.Select(k => Jwk(k.Key, k.Endorsements, null)).ToArray() };
        }
        else if (path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _metadataHits);
            var tenant = path.Split('/')[1];
            body = new Dictionary<string, object>
            {
                ["issuer"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
                ["jwks_uri"] = $"{BaseUrl}/{tenant}/discovery/v2.0/keys",
            };
        }
        else if (path == "/msi/token")
        {
            // App Service's managed-identity endpoint (IDENTITY_ENDPOINT), as Azure.Identity calls it.
            Interlocked.Increment(ref _msiHits);
            body = new Dictionary<string, object>
            {
                ["access_token"] = MsiToken,
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = context.Request.Query["resource"].ToString(),
                ["token_type"] = "Bearer",
            };
        }
        else if (path.EndsWith("/discovery/v2.0/keys", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _keysHits);
            lock (_lock) body = new { keys = _entraKeys.Select(k => Jwk(k.Key, null, k.Issuer)).ToArray() };
        }

        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static Dictionary<string, object> Jwk(TestSigningKey key, string[]? endorsements, string? issuer)
    {
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.Kid,
            ["n"] = Base64UrlEncoder.Encode(key.Parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(key.Parameters.Exponent),
        };
        if (endorsements is not null) jwk["endorsements"] = endorsements;
        if (issuer is not null) jwk["issuer"] = issuer;
        return jwk;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
