using CoachBot.Coaching;

namespace CoachBot.Fleet;

public static class FleetServiceCollectionExtensions
{
    /// <summary>This process's membership of the fleet: its reply watermark and its share of each tenant's Teams budget.</summary>
    public static IServiceCollection AddFleet(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FleetOptions>().Bind(configuration.GetSection(FleetOptions.Section));
        services.AddSingleton<ReplySends>();
        services.AddSingleton<SendingLeases>();
        services.AddHostedService<FleetMembership>();
        return services;
    }
}
