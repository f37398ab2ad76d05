using CoachBot.Coaching;
using CoachBot.Delivery;
using CoachBot.Storage.DealHelp;

namespace CoachBot.DealHelp;

public static class DealHelpServiceCollectionExtensions
{
    /// <summary>Deal help (team selling) from reps to their manager, and coaching-time corrections from the card (needs AddNudges).</summary>
    public static IServiceCollection AddDealHelp(this IServiceCollection services)
    {
        services.AddDealHelpStorage();
        services.AddSingleton<CoachingTimeReader>();
        services.AddSingleton<IQueuedMessageSender, DealHelpMessages>();
        services.AddSingleton<ICardActionHandler, DealHelpCardActions>();
        services.AddSingleton<ICardActionHandler, CoachingTimeActions>();
        return services;
    }
}
