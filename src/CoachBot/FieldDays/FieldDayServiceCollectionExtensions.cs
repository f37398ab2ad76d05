using CoachBot.Coaching;
using CoachBot.Delivery;
using CoachBot.Storage.FieldDays;

namespace CoachBot.FieldDays;

public static class FieldDayServiceCollectionExtensions
{
    /// <summary>Field days that coach: booking records, prep and debrief through the nudge queue, their card actions (needs AddNudges).</summary>
    public static IServiceCollection AddFieldDays(this IServiceCollection services)
    {
        services.AddFieldDayStorage();
        services.AddSingleton<FieldDayBookings>();
        services.AddSingleton<FieldDayPrepReader>();
        services.AddSingleton<FieldDayEventCheck>();
        services.AddSingleton<FieldDayScheduler>();
        services.AddSingleton<IDueJobSource>(sp => sp.GetRequiredService<FieldDayScheduler>());
        services.AddSingleton<IQueuedMessageSender, FieldDayMessages>();
        services.AddSingleton<ICardActionHandler, FieldDayCardActions>();
        return services;
    }
}
