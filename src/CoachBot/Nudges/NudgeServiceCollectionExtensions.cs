using CoachBot.Bot;
using CoachBot.Storage.Nudges;

namespace CoachBot.Nudges;

public static class NudgeServiceCollectionExtensions
{
    /// <summary>Daily manager nudges: queue, send ledger, settings, builder, card actions, scheduler and workers (section <c>Nudges</c>).</summary>
    public static IServiceCollection AddNudges(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(NudgeOptions.Section);
        services.AddOptions<NudgeOptions>().Bind(section);
        var queueName = section[nameof(NudgeOptions.QueueName)] is { Length: > 0 } q ? q : "nudges";
        services.AddNudgeStorage(configuration, queueName);
        services.AddSingleton<SignalCache>();
        services.AddSingleton<NudgeBuilder>();
        services.AddSingleton<NudgeDelivery>();
        services.AddSingleton<ICardActionHandler, NudgeCardActions>();
        services.AddSingleton<NudgeScheduler>();
        services.AddSingleton<NudgeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<NudgeWorker>());
        return services;
    }
}
