using CoachBot.Storage.Erasure;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage.FieldDays;

public static class FieldDayStorageServiceCollectionExtensions
{
    /// <summary>The <c>fielddays</c> table (needs <see cref="StorageServiceCollectionExtensions.AddCoachBotStorage"/>); also a "forget me" eraser.</summary>
    public static IServiceCollection AddFieldDayStorage(this IServiceCollection services)
    {
        services.AddSingleton<FieldDayStore>();
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<FieldDayStore>());
        return services;
    }
}
