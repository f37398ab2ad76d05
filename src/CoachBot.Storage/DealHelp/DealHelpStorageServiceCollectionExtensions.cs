using CoachBot.Storage.Erasure;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage.DealHelp;

public static class DealHelpStorageServiceCollectionExtensions
{
    /// <summary>The <c>dealhelp</c> and <c>eventcorrections</c> tables (needs AddCoachBotStorage); both are "forget me" erasers.</summary>
    public static IServiceCollection AddDealHelpStorage(this IServiceCollection services)
    {
        services.AddSingleton<DealHelpStore>();
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<DealHelpStore>());
        services.AddSingleton<EventCorrectionStore>();
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<EventCorrectionStore>());
        return services;
    }
}
