using CoachBot.Teams.Auth;
using CoachBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoachBot.Teams.Hosting;

public static class TeamsBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: adapter, Connector client, inbound authenticator and outbound tokens.
    /// No app id means local mode (loopback only); an app id means every request must carry a valid token.
    /// </summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section));
        var options = configuration.GetSection(BotOptions.Section).Get<BotOptions>() ?? new BotOptions();

        ConfigList.AddScalar(services, configuration.GetSection(BotOptions.Section), options, nameof(BotOptions.ConnectorHosts), o => o.ConnectorHosts);
        services.AddSingleton(new ServiceUrlPolicy(loopbackOnly: options.IsLocalMode, options.ConnectorHosts));
        services.AddSingleton(new RetryPolicy());
        // The host updates the budget's instance count from the fleet table; alone, an instance has the whole budget.
        services.AddSingleton(new ConnectorBudget(options.ConnectorRequestsPerSecondPerTenant));
        services.AddSingleton(sp => new ConnectorRateLimiter(sp.GetRequiredService<ConnectorBudget>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        if (options.IsLocalMode)
        {
            services.AddSingleton<IBotAuthenticator, LocalModeAuthenticator>();
            services.AddSingleton<IBotTokenProvider, NoTokenProvider>();
        }
        else
        {
            AddBotAuth(services, options, configuration.GetSection(BotOptions.Section));
        }
        // One long-lived client; pooled connections are recycled so DNS changes of the Connector are picked up.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            // No redirects: a Connector answering 3xx must not move the bot's token to another host.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AllowAutoRedirect = false })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient.HttpClientName)));
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<InboundUserRateLimiter>();
        // Turns need an IAcknowledgedTurnStore (CoachBot.Storage) and an IActivityHandler (the app) registered too.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurns>());
        services.AddHostedService<AcknowledgedTurnSweeper>();
        // SIGTERM starts a drain; turns are cancelled only when this runs out (see BackgroundTurns).
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        return services;
    }

    /// <summary>Token validation and outbound tokens; throws at startup when the auth configuration is incomplete.</summary>
    private static void AddBotAuth(IServiceCollection services, BotOptions options, IConfigurationSection section)
    {
        ConfigList.AddScalar(services, section, options, nameof(BotOptions.AllowedTenants), o => o.AllowedTenants);
        ConfigList.AddScalar(services, section, options, nameof(BotOptions.TrustedCallers), o => o.TrustedCallers);
        var settings = BotAuthSettings.Create(options);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(OpenIdKeyRetriever.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<IBotAuthenticator>(sp => new JwtBotAuthenticator(
            settings,
            new OpenIdKeyRetriever(sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdKeyRetriever.HttpClientName)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<JwtBotAuthenticator>>(),
            sp.GetRequiredService<ServiceUrlPolicy>()));
        services.AddSingleton<IBotTokenProvider>(sp => new AzureIdentityTokenProvider(
            AzureIdentityTokenProvider.CreateCredential(settings, options.AppPassword),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AzureIdentityTokenProvider>>()));
    }
}
