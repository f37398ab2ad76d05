using CoachBot.Coaching;

namespace CoachBot.Plans;

public static class PlanServiceCollectionExtensions
{
    /// <summary>A rep's plans: the actions both paths share, the typed commands' effects and the plan card's clicks (<c>plan.*</c>).</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddSingleton<PlanActions>();
        services.AddSingleton<PlanEffects>();
        services.AddSingleton<ICardActionHandler, PlanCardActions>();
        return services;
    }
}
