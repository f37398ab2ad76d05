using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Auth;

/// <summary>
/// Fetches OpenID metadata, then its <c>jwks_uri</c>, and builds a <see cref="SigningKeySet"/>. The JWKS is read
/// as raw JSON too, because endorsements are not part of the library's model (docs/protocol.md, "Bot Framework-issued tokens").
/// </summary>
public sealed class OpenIdKeyRetriever(HttpClient http)
{
    public const string HttpClientName = "BotAuthMetadata";

    /// <summary>Bot Framework and Entra key documents are a few KB; anything far larger is not one.</summary>
    public const int MaxDocumentBytes = 512 * 1024;

    /// <exception cref="InvalidDataException">The metadata or key set is unusable.</exception>
    /// <exception cref="HttpRequestException">A fetch failed.</exception>
    public async Task<SigningKeySet> GetAsync(string metadataUrl, DateTimeOffset now, CancellationToken ct)
    {
        var metadataJson = await GetDocumentAsync(new Uri(metadataUrl), ct).ConfigureAwait(false);
        string? jwksUri;
        try
        {
            using var metadata = JsonDocument.Parse(metadataJson);
            jwksUri = metadata.RootElement.ValueKind == JsonValueKind.Object
                && metadata.RootElement.TryGetProperty("jwks_uri", out var j) && j.ValueKind == JsonValueKind.String
                    ? j.GetString()
                    : null;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The OpenID metadata is not JSON.", ex);
        }
        if (!Uri.TryCreate(jwksUri, UriKind.Absolute, out var keysUri) || !IsSafe(keysUri))
            throw new InvalidDataException("The OpenID metadata has no https jwks_uri.");

        var jwksJson = await GetDocumentAsync(keysUri, ct).ConfigureAwait(false);
        return Parse(jwksJson, now);
    }

    public static SigningKeySet Parse(string jwksJson, DateTimeOffset now)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(jwksJson);
        }
        catch (Exception ex) when (ex is ArgumentException or JsonException)
        {
            throw new InvalidDataException("The JWKS is not a key set.", ex);
        }

        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.GetSigningKeys())
            if (!string.IsNullOrEmpty(key.KeyId)) keys.TryAdd(key.KeyId, key);

        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var keyIssuers = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(jwksJson))
        {
            if (doc.RootElement.TryGetProperty("keys", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var jwk in array.EnumerateArray())
                {
                    if (jwk.ValueKind != JsonValueKind.Object || !jwk.TryGetProperty("kid", out var kidElement)
                        || kidElement.ValueKind != JsonValueKind.String || kidElement.GetString() is not { Length: > 0 } kid)
                        continue;
                    if (jwk.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array)
                        endorsements.TryAdd(kid, e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String)
                            .Select(x => x.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase));
                    if (jwk.TryGetProperty("issuer", out var i) && i.ValueKind == JsonValueKind.String && i.GetString() is { Length: > 0 } issuer)
                        keyIssuers.TryAdd(kid, issuer);
                }
            }
        }
        if (keys.Count == 0) throw new InvalidDataException("The JWKS has no usable signing keys.");
        return new SigningKeySet(keys, endorsements, keyIssuers, now);
    }

    private async Task<string> GetDocumentAsync(Uri uri, CancellationToken ct)
    {
        using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"GET {uri.GetLeftPart(UriPartial.Path)} returned {(int)response.StatusCode}.", null, response.StatusCode);
        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
            throw new InvalidDataException($"GET {uri.GetLeftPart(UriPartial.Path)} returned more than {MaxDocumentBytes} bytes.");

        var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxDocumentBytes)
                    throw new InvalidDataException($"GET {uri.GetLeftPart(UriPartial.Path)} returned more than {MaxDocumentBytes} bytes.");
                buffer.Write(chunk, 0, read);
            }
            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }

    /// <summary>Keys must come over https; plain http is allowed only on loopback (tests, local tools).</summary>
    private static bool IsSafe(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}
