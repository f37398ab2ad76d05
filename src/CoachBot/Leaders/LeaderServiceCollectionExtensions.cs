using CoachBot.Delivery;

namespace CoachBot.Leaders;

public static class LeaderServiceCollectionExtensions
{
    /// <summary>The sales leader's weekly card through the nudge queue, and its CSV report (needs AddNudges and AddFieldDays).</summary>
    public static IServiceCollection AddLeaders(this IServiceCollection services)
    {
        services.AddSingleton<LeaderReport>();
        services.AddSingleton<LeaderSchedule>();
        services.AddSingleton<IDueJobSource>(sp => sp.GetRequiredService<LeaderSchedule>());
        services.AddSingleton<IQueuedMessageSender, LeaderMessages>();
        return services;
    }
}
