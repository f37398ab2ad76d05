using CoachBot.Teams.Hosting;

namespace CoachBot.Teams.Auth;

/// <summary>
/// The inbound-auth rules derived once from <see cref="BotOptions"/>: trusted issuers, audiences, allowed
/// tenants. <see cref="Create"/> throws on a configuration that cannot be authenticated, so the host fails at
/// startup instead of refusing (or worse, accepting) every request later.
/// </summary>
public sealed class BotAuthSettings
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>Entra tenants Azure Bot Service issues channel tokens from (public cloud; docs/protocol.md, "Entra-issued tokens").</summary>
    public static readonly IReadOnlyList<string> BotServiceTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, TrustedIssuer> _issuers;

    private BotAuthSettings(string appId, BotAppType appType, string? tenantId, TimeSpan clockSkew,
        Dictionary<string, TrustedIssuer> issuers, HashSet<string> allowedTenants, HashSet<string> trustedCallers)
    {
        TrustedCallers = trustedCallers;
        AppId = appId;
        AppType = appType;
        TenantId = tenantId;
        ClockSkew = clockSkew;
        _issuers = issuers;
        AllowedTenants = allowedTenants;
    }

    public string AppId { get; }
    public BotAppType AppType { get; }
    public string? TenantId { get; }
    public TimeSpan ClockSkew { get; }

    /// <summary>Empty means any tenant.</summary>
    public IReadOnlySet<string> AllowedTenants { get; }

    public IReadOnlyCollection<TrustedIssuer> Issuers => _issuers.Values;

    /// <summary>App ids (<c>azp</c>/<c>appid</c>) whose Entra-issued tokens are accepted.</summary>
    public IReadOnlySet<string> TrustedCallers { get; }

    /// <summary>True for the tenants Azure Bot Service issues tokens from: their <c>tid</c> says nothing about the activity's tenant.</summary>
    public static bool IsBotServiceTenant(string? tenantId) =>
        tenantId is not null && BotServiceTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The trusted issuer with exactly this <c>iss</c> value, or null.</summary>
    public TrustedIssuer? FindIssuer(string? iss) =>
        iss is not null && _issuers.TryGetValue(iss, out var issuer) ? issuer : null;

    /// <summary>Audiences accepted: the app id; Entra tokens may also use the app id URI form.</summary>
    public IReadOnlyList<string> AudiencesFor(TrustedIssuer issuer) =>
        issuer.IsBotFramework ? [AppId] : [AppId, $"api://{AppId}"];

    public bool IsTenantAllowed(string? tenantId) =>
        AllowedTenants.Count == 0 || (tenantId is not null && AllowedTenants.Contains(tenantId));

    public static BotAuthSettings Create(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsLocalMode) throw new InvalidOperationException("Bot:AppId is empty: token validation needs the bot's app id.");
        var appId = options.AppId!.Trim();
        var appType = ParseAppType(options.AppType);

        string? tenantId = null;
        if (!string.IsNullOrWhiteSpace(options.TenantId))
        {
            if (!Guid.TryParse(options.TenantId, out var tenantGuid))
                throw new InvalidOperationException("Bot:TenantId must be the directory (tenant) id, a GUID.");
            tenantId = tenantGuid.ToString("D");
        }
        if (appType != BotAppType.MultiTenant && tenantId is null)
            throw new InvalidOperationException($"Bot:TenantId is required when Bot:AppType is {appType}.");
        if (appType == BotAppType.UserAssignedMsi && !string.IsNullOrEmpty(options.AppPassword))
            throw new InvalidOperationException("Bot:AppPassword must be empty when Bot:AppType is UserAssignedMsi (the managed identity has no secret).");
        if (appType != BotAppType.UserAssignedMsi && string.IsNullOrEmpty(options.AppPassword))
            throw new InvalidOperationException($"Bot:AppPassword is required when Bot:AppType is {appType}.");
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
            throw new InvalidOperationException($"Bot:ClockSkew must be between 0 and {MaxClockSkew}.");

        RequireUrl(options.OpenIdMetadataUrl, "Bot:OpenIdMetadataUrl");
        if (!options.EntraOpenIdMetadataUrlTemplate.Contains("{tenant}", StringComparison.Ordinal))
            throw new InvalidOperationException("Bot:EntraOpenIdMetadataUrlTemplate must contain {tenant}.");
        RequireUrl(options.EntraOpenIdMetadataUrlTemplate.Replace("{tenant}", "t", StringComparison.Ordinal), "Bot:EntraOpenIdMetadataUrlTemplate");

        var issuers = new Dictionary<string, TrustedIssuer>(StringComparer.Ordinal)
        {
            [BotFrameworkIssuer] = new(BotFrameworkIssuer, true, null, options.OpenIdMetadataUrl),
        };
        var entraTenants = new List<string>();
        if (tenantId is not null) entraTenants.Add(tenantId);
        if (appType == BotAppType.MultiTenant) entraTenants.AddRange(BotServiceTenants);
        foreach (var tenant in entraTenants)
        {
            var metadata = options.EntraOpenIdMetadataUrlTemplate.Replace("{tenant}", tenant, StringComparison.Ordinal);
            foreach (var iss in EntraIssuers(tenant))
                issuers.TryAdd(iss, new TrustedIssuer(iss, false, tenant, metadata));
        }

        var allowed = SplitList(options.AllowedTenants);
        if (allowed.Count == 0 && appType != BotAppType.MultiTenant) allowed.Add(tenantId!);

        var callers = SplitList(options.TrustedCallers);
        // No Microsoft source names an app id the channel calls with, so by default only the bot itself is trusted (the
        // Bot Framework SDK's rule for Entra tokens on its Emulator path); other callers are named explicitly.
        if (callers.Count == 0) callers.Add(appId);
        if (callers.Contains("*")) throw new InvalidOperationException("Bot:TrustedCallers cannot be '*': name the app ids that may call the bot.");

        return new BotAuthSettings(appId, appType, tenantId, options.ClockSkew, issuers, allowed, callers);
    }

    /// <summary>The v2 and v1 issuer strings of an Entra tenant (public cloud).</summary>
    public static IEnumerable<string> EntraIssuers(string tenantId) =>
        [EntraV2Issuer(tenantId), $"https://sts.windows.net/{tenantId}/"];

    public static string EntraV2Issuer(string tenantId) => $"https://login.microsoftonline.com/{tenantId}/v2.0";

    private static HashSet<string> SplitList(IEnumerable<string> entries) =>
        new(entries.SelectMany(e => e.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            StringComparer.OrdinalIgnoreCase);

    private static BotAppType ParseAppType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return BotAppType.SingleTenant;
        if (Enum.TryParse<BotAppType>(value.Trim(), ignoreCase: true, out var type) && Enum.IsDefined(type)) return type;
        throw new InvalidOperationException($"Bot:AppType '{value}' is not one of MultiTenant, SingleTenant, UserAssignedMsi.");
    }

    private static void RequireUrl(string? value, string key)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new InvalidOperationException($"{key} must be an https URL (http only on loopback).");
    }
}
