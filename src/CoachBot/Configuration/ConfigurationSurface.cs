using CoachBot.Admin;
using CoachBot.Coaching;
using CoachBot.Erasure;
using CoachBot.Fleet;
using CoachBot.Graph;
using CoachBot.Nudges;
using CoachBot.Storage;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Configuration;

/// <summary>
/// Every configuration section CoachBot binds, with its options class: the one list that validation here and the
/// documentation test (docs/configuration.md) read. Each library binds its own section where it is registered; this
/// adds validation to all of them.
/// </summary>
public static class ConfigurationSurface
{
    public static IReadOnlyDictionary<string, Type> Sections { get; } = new Dictionary<string, Type>
    {
        [BotOptions.Section] = typeof(BotOptions),
        [StorageOptions.Section] = typeof(StorageOptions),
        [GraphOptions.Section] = typeof(GraphOptions),
        [CoachingOptions.Section] = typeof(CoachingOptions),
        [NudgeOptions.Section] = typeof(NudgeOptions),
        [AdminOptions.Section] = typeof(AdminOptions),
        [ErasureOptions.Section] = typeof(ErasureOptions),
        [FleetOptions.Section] = typeof(FleetOptions),
    };

    /// <summary>
    /// Checks every section now, before any registration reads a value (throws <see cref="OptionsValidationException"/>
    /// naming the keys), and again when the host starts (<c>ValidateOnStart</c>), on the options as finally configured.
    /// </summary>
    public static IServiceCollection AddValidatedConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var add = typeof(ConfigurationSurface).GetMethod(nameof(Add), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        try
        {
            foreach (var (section, type) in Sections) add.MakeGenericMethod(type).Invoke(null, [services, configuration, section]);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
        }
        return services;
    }

    private static void Add<T>(IServiceCollection services, IConfiguration configuration, string section) where T : class, new()
    {
        var validator = new SectionValidator<T>(section);
        // Binding errors ("abc" for a number) throw here already, naming the key (Microsoft.Extensions.Configuration.Binder).
        var bound = configuration.GetSection(section).Get<T>() ?? new T();
        var result = validator.Validate(Options.DefaultName, bound);
        if (result.Failed) throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        services.AddSingleton<IValidateOptions<T>>(validator);
        services.AddOptions<T>().ValidateOnStart();
    }
}
