using System.ComponentModel.DataAnnotations;
namespace CoachBot.Teams.Hosting;

/// <summary>The <c>Bot</c> configuration section.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's Microsoft App ID. Empty means local mode: no token checks, loopback serviceUrls only.</summary>
    public string? AppId { get; set; }

    /// <summary>MultiTenant, SingleTenant or UserAssignedMsi.</summary>
    public string AppType { get; set; } = "SingleTenant";

    public string? AppPassword { get; set; }
    public string? TenantId { get; set; }

    /// <summary>The largest activity body accepted. Teams messages are at most ~100 KB; cards and invokes are far smaller.</summary>
    [Range(1, int.MaxValue)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Bot Framework OpenID metadata (keys for tokens issued by https://api.botframework.com).</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Entra ID OpenID metadata for Entra-issued tokens; <c>{tenant}</c> is replaced by the issuing tenant.</summary>
    [Required]
    public string EntraOpenIdMetadataUrlTemplate { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// Tenants whose activities are accepted (ids; entries may be comma-separated). Empty: any tenant for
    /// MultiTenant bots, the bot's own tenant for SingleTenant and UserAssignedMsi bots.
    /// </summary>
    public IList<string> AllowedTenants { get; } = new List<string>();

    /// <summary>
    /// App ids (the <c>azp</c> claim of v2 tokens, <c>appid</c> of v1) allowed to call the bot with an Entra-issued token
    /// (entries may be comma-separated). Empty: only the bot's own app id. Any app registration in a trusted tenant can get
    /// a token for the bot's audience, so the audience alone proves nothing (docs/security.md, "Trusted callers").
    /// </summary>
    public IList<string> TrustedCallers { get; } = new List<string>();

    /// <summary>
    /// Hosts the bot may call (and send its token to): exact names or <c>*.suffix</c> (entries may be comma-separated).
    /// Empty: Teams' and the Bot Framework's public-cloud Connector hosts (<see cref="Connector.ServiceUrlPolicy.DefaultConnectorHosts"/>).
    /// Sovereign clouds add theirs here. A loopback host listed here may be called over http (tests only).
    /// </summary>
    public IList<string> ConnectorHosts { get; } = new List<string>();

    /// <summary>Tolerated clock difference when checking token lifetimes; at most 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a non-invoke turn may hold the request before it is acknowledged and finished in the background.</summary>
    // The channel gives up at about 15 s.
    [Range(typeof(TimeSpan), "00:00:00", "00:00:14", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AcknowledgeAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The sending lease on a stored turn: how long the delivery that saved (or took over) a turn may take to send its
    /// reply before a duplicate delivery may take over. The send is cut off a little before it runs out.
    /// </summary>
    public TimeSpan ReplyLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an instance holds an acknowledged turn's entry before a sweep (any instance) may rerun it: longer than a
    /// turn with its in-process reruns, so a healthy instance is not second-guessed.
    /// </summary>
    public TimeSpan AcknowledgedTurnLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often every instance sweeps the acknowledged-turn table for entries left behind (also once at start).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a graceful shutdown (SIGTERM) waits for running turns before cancelling them (the host's
    /// ShutdownTimeout). Below the 30 s that Kubernetes and Azure Container Apps allow between SIGTERM and SIGKILL.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Connector calls per second per tenant (Teams' published per-app-per-tenant limit, 30 in the stricter copy of the
    /// page). 0 removes this limit; the per-conversation limits always apply.
    /// </summary>
    [Range(0, 10_000.0)]
    public double ConnectorRequestsPerSecondPerTenant { get; set; } = 30;

    /// <summary>Activities one user may make the bot process per minute (burst up to this); 0 = no limit. Excess gets 429.</summary>
    [Range(0, int.MaxValue)]
    public int MaxActivitiesPerUserPerMinute { get; set; } = 60;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
