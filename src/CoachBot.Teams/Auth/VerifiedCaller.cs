using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoachBot.Teams.Auth;

/// <summary>
/// The caller as the verified token (not the activity body) establishes it: which issuer signed, which app called
/// (<c>azp</c>/<c>appid</c>; null for Bot Framework tokens, whose issuer is the channel itself) and the tenant the
/// activity belongs to (the token's <c>tid</c> when the token names the customer tenant, else the channel-vouched body).
/// Kept with a turn that is acknowledged early, so a rerun from the acknowledged-turn table (on any instance, after a
/// crash) carries what was verified when the request came in rather than trusting the stored body alone.
/// </summary>
public sealed record VerifiedCaller(string? Issuer, string? AppId, string? TenantId)
{
    /// <summary>Nothing verified (a turn not started from an authenticated request).</summary>
    public static VerifiedCaller None { get; } = new(null, null, null);

    public static VerifiedCaller LocalMode { get; } = new("local", null, null);

    public string ToJson() => JsonSerializer.Serialize(this, VerifiedCallerJson.Default.VerifiedCaller);

    public static VerifiedCaller FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? None : JsonSerializer.Deserialize(json, VerifiedCallerJson.Default.VerifiedCaller) ?? None;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VerifiedCaller))]
internal sealed partial class VerifiedCallerJson : JsonSerializerContext;
