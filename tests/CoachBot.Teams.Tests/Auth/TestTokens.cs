using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>Mints the tokens the channel would send, and the malformed and forged ones an attacker would.</summary>
public static class TestTokens
{
    public const string AppId = "0f0e0d0c-1111-2222-3333-444455556666";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string EntraIssuer(string tenant = TenantId) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    public static string BotFramework(
        TestSigningKey? key = null,
        string issuer = BotFrameworkIssuer,
        string audience = AppId,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        return Create(key ?? TestSigningKey.A, issuer, audience, claims, notBefore, expires, algorithm);
    }

    public static string Entra(
        TestSigningKey? key = null,
        string? issuer = null,
        string audience = AppId,
        string? tid = TenantId,
        string? caller = AppId,
        string version = "2.0")
    {
        var claims = new Dictionary<string, object> { ["ver"] = version };
        // v2 tokens name the calling app in azp, v1 tokens in appid.
        if (caller is not null) claims[version == "1.0" ? "appid" : "azp"] = caller;
        if (tid is not null) claims["tid"] = tid;
        return Create(key ?? TestSigningKey.Entra, issuer ?? EntraIssuer(), audience, claims, null, null, SecurityAlgorithms.RsaSha256);
    }

    public static string Create(TestSigningKey key, string issuer, string audience, Dictionary<string, object> claims,
        DateTime? notBefore, DateTime? expires, string algorithm)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = key.Credentials(algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise perfect claims.</summary>
    public static string AlgNone(string kid)
    {
        var header = new { alg = "none", typ = "JWT", kid };
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>HS256 with a guessable shared secret, naming a real RSA kid (the classic algorithm-confusion attack).</summary>
    public static string HmacSigned(string kid, string secret = "secretsecretsecretsecretsecretsecret")
    {
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = kid };
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The token with one payload character changed, leaving the signature as it was.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var changed = payload.ToDictionary(p => p.Key, p => (object)p.Value);
        changed["serviceurl"] = "https://smba.trafficmanager.net/emea/";
        return $"{parts[0]}.{Encode(changed)}.{parts[2]}";
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
}
