using System.ComponentModel.DataAnnotations;
namespace CoachBot.Graph;

/// <summary>The <c>Graph</c> configuration section.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Graph root including the version segment. Point it at tools/GraphServer for local runs.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public string? TenantId { get; set; }

    /// <summary>The app registration's client id. Empty (and no managed identity) means local mode: no token is sent.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX/PEM file holding the app's certificate and private key; preferred over a client secret.</summary>
    public string? CertificatePath { get; set; }

    public bool UseManagedIdentity { get; set; }

    /// <summary>Outlook allows 4 concurrent requests per app per mailbox; more only earns 429s.</summary>
    [Range(1, 100)]
    public int MaxConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>Used when a mailbox has no time zone or its settings cannot be read (403).</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Retries of 429/503/504 by the SDK's retry middleware; Graph's Retry-After is honoured for each.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Backoff base when a throttled response carries no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Overall budget for one call including retries, so a Graph outage cannot stall the nudge run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Optional manager,rep CSV used when Entra has no manager data (see docs/graph.md).</summary>
    public string? TeamMappingPath { get; set; }

    /// <summary>Local mode: no credentials at all, so the client talks to the loopback Graph-shaped server without a token.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(ClientId) && !UseManagedIdentity;
}
