using CoachBot.Graph;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>The tenant of the configured managers: Nudges:TenantId, else Graph:TenantId, else Bot:TenantId.</summary>
internal static class NudgeTenant
{
    public static string Resolve(NudgeOptions options, IServiceProvider services) =>
        options.TenantId is { Length: > 0 } t ? t
        : services.GetService<IOptions<GraphOptions>>()?.Value.TenantId is { Length: > 0 } g ? g
        : services.GetService<IOptions<BotOptions>>()?.Value.TenantId is { Length: > 0 } b ? b
        : throw new InvalidOperationException("Set Nudges:TenantId (or Graph:TenantId) to send nudges.");
}
