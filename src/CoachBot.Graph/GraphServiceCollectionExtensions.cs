using CoachBot.Graph.Directory;
using CoachBot.Graph.Installs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachBot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICalendarDirectory"/>, <see cref="ITeamDirectory"/>, <see cref="IGroupDirectory"/> and <see cref="ITeamsAppInstaller"/> from the <c>Graph</c> section.
    /// <c>Graph:TeamMappingPath</c> optionally names the manager,rep CSV used when Entra has no manager data.
    /// </summary>
    public static IServiceCollection AddCoachBotGraph(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return GraphClientBuilder.Build(options, new MailboxConcurrencyHandler(options.MaxConcurrentRequestsPerMailbox));
        });
        services.AddSingleton<ICalendarDirectory>(sp => new GraphCalendarDirectory(
            sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>(),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            sp.GetService<ILogger<GraphCalendarDirectory>>()));
        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<GraphOptions>>().Value.TeamMappingPath;
            return string.IsNullOrWhiteSpace(path) ? TeamMapping.Empty : TeamMappingCsv.Load(path);
        });
        services.AddSingleton<IGroupDirectory>(sp => new GraphGroupDirectory(
            sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>(), sp.GetService<ILogger<GraphGroupDirectory>>()));
        services.AddSingleton<ITeamsAppInstaller>(sp => new GraphTeamsAppInstaller(
            sp.GetRequiredService<Microsoft.Graph.GraphServiceClient>(),
            sp.GetRequiredService<IOptions<GraphOptions>>().Value,
            sp.GetService<ILogger<GraphTeamsAppInstaller>>()));
        services.AddSingleton<ITeamDirectory>(sp => new TeamDirectory(
            sp.GetRequiredService<ICalendarDirectory>(), sp.GetRequiredService<TeamMapping>(), sp.GetService<ILogger<TeamDirectory>>()));
        return services;
    }
}
