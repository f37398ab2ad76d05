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
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
