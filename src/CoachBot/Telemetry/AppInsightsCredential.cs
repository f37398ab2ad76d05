using Azure.Core;
using Azure.Identity;

namespace CoachBot.Telemetry;

/// <summary>
/// The Entra credential Application Insights ingestion needs when its local (key) auth is off. Read from
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> in the format Microsoft's Application Insights SDKs use:
/// <c>Authorization=AAD</c> (system-assigned identity) or <c>Authorization=AAD;ClientId=&lt;client id&gt;</c>
/// (user-assigned, what the Bicep sets). The Azure Monitor exporter does not read that variable itself.
/// </summary>
public static class AppInsightsCredential
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The managed identity to send as, or null (no setting: the connection string's key is used).</summary>
    public static TokenCredential? From(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString)) return null;
        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var mode) || !mode.Equals("AAD", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"{SettingName} must be 'Authorization=AAD' or 'Authorization=AAD;ClientId=<managed identity client id>'.");
        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
