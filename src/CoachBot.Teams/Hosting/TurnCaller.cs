using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Teams.Auth;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// What the auth step verified about the caller of a turn (token issuer, calling app, tenant; all null in local mode).
/// Kept with a turn that is acknowledged early, so a rerun from the acknowledged-turn table (on any instance, after a
/// crash) carries what was verified when the request came in rather than trusting the stored body alone. This is the
/// one place that reads <see cref="AuthResult"/> for it: as auth grows a richer verified-caller result, map it here.
/// </summary>
public sealed record TurnCaller(string? Issuer, string? AppId, string? TenantId)
{
    public static TurnCaller None { get; } = new(null, null, null);

    public static TurnCaller From(AuthResult auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return auth.Caller is { } verified ? new(verified.Issuer, verified.AppId, verified.TenantId) : None;
    }

    public string ToJson() => JsonSerializer.Serialize(this, TurnCallerJson.Default.TurnCaller);

    public static TurnCaller FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? None : JsonSerializer.Deserialize(json, TurnCallerJson.Default.TurnCaller) ?? None;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TurnCaller))]
internal sealed partial class TurnCallerJson : JsonSerializerContext;
