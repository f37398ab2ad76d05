namespace CoachBot.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The pipeline that carries every scheduled proactive message (managers' nudges, reps' follow-ups, and the kinds
    /// other features add as <see cref="IDueJobSource"/> and <see cref="IQueuedMessageSender"/>): the proactive messenger,
    /// the follow-up starter, the scheduler, the worker and the processor. Its queue and send ledger are registered with
    /// the nudge storage (<c>AddNudgeStorage</c>), its settings are the <c>Nudges:*</c> keys.
    /// </summary>
    internal static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<IFollowUpStarter, FollowUpStarter>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddSingleton<DeliveryScheduler>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }
}
