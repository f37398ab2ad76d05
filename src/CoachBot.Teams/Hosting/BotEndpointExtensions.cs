using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Hosting;

/// <summary>Registering a bot and mapping its messaging endpoint, the way the Teams SDK's hosting extensions do.</summary>
public static class BotEndpointExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TBot"/> as the one handler of turns: the endpoint's, and the sweep's that reruns
    /// acknowledged turns left unfinished (both must reach the same instance).
    /// </summary>
    public static IServiceCollection AddBot<TBot>(this IServiceCollection services) where TBot : class, IActivityHandler
    {
        services.AddSingleton<TBot>();
        services.AddSingleton<IActivityHandler>(sp => sp.GetRequiredService<TBot>());
        return services;
    }

    /// <summary>Maps the endpoint the Bot Connector posts activities to (the manifest's messaging endpoint).</summary>
    public static RouteHandlerBuilder MapBotEndpoint(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpContext http, BotAdapter adapter, IActivityHandler bot) => adapter.ProcessAsync(http, bot));
}
