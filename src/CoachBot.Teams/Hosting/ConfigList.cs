using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Teams.Hosting;

/// <summary>
/// List settings may be written as one comma-separated value (<c>Bot__AllowedTenants=id1,id2</c>), which the binder
/// does not put into a list: this adds such a scalar by hand, to the options read now and to the ones bound later.
/// </summary>
internal static class ConfigList
{
    public static void AddScalar(IServiceCollection services, IConfigurationSection section, BotOptions options, string key,
        Func<BotOptions, IList<string>> list)
    {
        if (section[key] is not { Length: > 0 } scalar) return;
        list(options).Add(scalar);
        services.PostConfigure<BotOptions>(o => list(o).Add(scalar));
    }
}
