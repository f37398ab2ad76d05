using System.Reflection;
using System.Text.RegularExpressions;
using CoachBot.Configuration;

namespace CoachBot.IntegrationTests.Configuration;

/// <summary>docs/configuration.md is the one list of settings: every key the options classes bind is in it, and every key in it is bound.</summary>
public sealed partial class ConfigurationDocsTests
{
    // Read by the platform or a library, not by a CoachBot options class.
    private static readonly HashSet<string> PlatformKeys =
    [
        "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "WEBSITES_PORT", "OTEL_EXPORTER_OTLP_ENDPOINT", "Logging__LogLevel__Default",
    ];

    private static HashSet<string> BoundKeys() =>
    [
        .. ConfigurationSurface.Sections.SelectMany(s => s.Value.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // Settable properties, and the string lists the binder fills in place (Bot:AllowedTenants, Nudges:ManagerIds, …).
            .Where(p => p.SetMethod is { IsPublic: true } || p.PropertyType == typeof(IList<string>))
            .Select(p => $"{s.Key}__{p.Name}")),
    ];

    private static HashSet<string> DocumentedKeys()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "configuration.md")).Where(l => l.StartsWith('|'));
        // The first cell of each table row holds the key(s); array elements are written Key__0.
        return [.. lines.SelectMany(l => KeyPattern().Matches(l.Split('|')[1]).Select(m => Regex.Replace(m.Groups[1].Value, "__[0-9]+$", "")))];
    }

    [Fact]
    public void Every_bound_key_is_documented()
    {
        var missing = BoundKeys().Except(DocumentedKeys()).Order().ToList();
        Assert.True(missing.Count == 0, "Not in docs/configuration.md: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_documented_key_is_bound()
    {
        var documented = DocumentedKeys();
        Assert.Contains("Bot__MaxActivityBytes", documented); // the parser finds keys at all
        var unknown = documented.Except(BoundKeys()).Except(PlatformKeys).Order().ToList();
        Assert.True(unknown.Count == 0, "Documented but bound by no options class: " + string.Join(", ", unknown));
    }

    [GeneratedRegex("`([A-Za-z_]+(?:__[A-Za-z0-9]+)*)`")]
    private static partial Regex KeyPattern();
}
