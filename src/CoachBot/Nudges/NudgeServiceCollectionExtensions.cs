using CoachBot.Admin;
using CoachBot.Coaching;
using CoachBot.Delivery;
using CoachBot.Storage.Nudges;
using Microsoft.Extensions.Options;

namespace CoachBot.Nudges;

public static class NudgeServiceCollectionExtensions
{
    /// <summary>
    /// Daily manager nudges: queue, send ledger, settings, builder, card actions, and the delivery pipeline that carries
    /// them (<see cref="DeliveryServiceCollectionExtensions.AddDelivery"/>); section <c>Nudges</c>.
    /// </summary>
    public static IServiceCollection AddNudges(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(NudgeOptions.Section);
        // The org-wide Coaching:* keys are the defaults; Nudges:* keys win when both are set (Bind runs after Configure).
        services.AddOptions<NudgeOptions>().Configure<IOptions<CoachingOptions>>((o, coaching) =>
        {
            var c = coaching.Value;
            if (c.NudgeHour is { } hour) o.DefaultNudgeHour = hour;
            if (c.CoachingTargetPercent is { } target) o.CoachingTargetPercent = target;
            if (c.FieldDayLength is { } length) o.FieldDayLength = length;
            if (c.ThemeMinimumReps is { } minimum) o.ThemeMinimumReps = minimum;
        }).Bind(section);
        var queueName = section[nameof(NudgeOptions.QueueName)] is { Length: > 0 } q ? q : "nudges";
        services.AddNudgeStorage(configuration, queueName);
        services.AddSingleton<SignalCache>();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddSingleton<AdminKeyThrottle>();
        services.AddSingleton<IKnownManagers, RosterManagers>();
        services.AddSingleton<NudgeBuilder>();
        services.AddSingleton<ManagerRoster>();
        services.AddSingleton<NudgeTenant>();
        services.AddSingleton<ManagerInstaller>();
        services.AddSingleton<NotInstalledReport>();
        services.AddSingleton<ICardActionHandler, NudgeCardActions>();
        services.AddDelivery();
        return services;
    }
}
