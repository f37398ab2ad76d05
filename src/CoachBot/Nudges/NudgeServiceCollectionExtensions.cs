using CoachBot.Admin;
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
        // docs/admin.md's org-wide Coaching:* keys are the defaults; Nudges:* keys win when both are set.
        var coaching = configuration.GetSection("Coaching");
        services.AddOptions<NudgeOptions>().Configure(o =>
        {
            if (int.TryParse(coaching["NudgeHour"], System.Globalization.CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23) o.DefaultNudgeHour = hour;
            if (double.TryParse(coaching["CoachingTargetPercent"], System.Globalization.CultureInfo.InvariantCulture, out var target)) o.CoachingTargetPercent = target;
            if (Enum.TryParse<CoachBot.Coaching.FieldDays.FieldDayLength>(coaching["FieldDayLength"], out var length)) o.FieldDayLength = length;
            if (int.TryParse(coaching["ThemeMinimumReps"], System.Globalization.CultureInfo.InvariantCulture, out var minimum)) o.ThemeMinimumReps = minimum;
        }).Bind(section);
        var queueName = section[nameof(NudgeOptions.QueueName)] is { Length: > 0 } q ? q : "nudges";
        services.AddNudgeStorage(configuration, queueName);
        services.AddSingleton<SignalCache>();
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section));
        services.AddSingleton<AdminKeyThrottle>();
        services.AddSingleton<IKnownManagers, RosterManagers>();
        services.AddSingleton<NudgeBuilder>();
        services.AddSingleton<ManagerRoster>();
        services.AddSingleton<ManagerInstaller>();
        services.AddSingleton<NotInstalledReport>();
        services.AddSingleton<NudgeDelivery>();
        services.AddSingleton<ICardActionHandler, NudgeCardActions>();
        services.AddSingleton<NudgeScheduler>();
        services.AddSingleton<NudgeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<NudgeWorker>());
        return services;
    }
}
