using CoachBot.Graph;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

/// <summary>The tenant of the configured managers: Nudges:TenantId, else Graph:TenantId, else Bot:TenantId.</summary>
internal sealed class NudgeTenant(IOptions<NudgeOptions> nudges, IOptions<GraphOptions> graph, IOptions<BotOptions> bot)
{
    public string Id =>
        nudges.Value.TenantId is { Length: > 0 } t ? t
        : graph.Value.TenantId is { Length: > 0 } g ? g
        : bot.Value.TenantId is { Length: > 0 } b ? b
        : throw new InvalidOperationException("Set Nudges:TenantId (or Graph:TenantId) to send nudges.");
}
