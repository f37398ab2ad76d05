using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using CoachBot.Storage.Erasure;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the Table clients: a connection string (Azurite, account key) or a service URI with managed identity.</summary>
    public static IServiceCollection AddCoachBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var clientOptions = new TableClientOptions();
        // Fail fast enough for a 15 s channel budget; the channel redelivers and the turn is deduplicated.
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);

        var keyed = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : new TableServiceClient(options.ConnectionString, clientOptions);
        if (keyed is not null && !AccountKeySas.CanSign(keyed))
            services.AddSingleton(keyed);
        else if (keyed is not null)
        {
            // An account key: requests carry a SAS derived from it rather than each being signed with the key (AccountKeySas).
            services.AddKeyedSingleton(AccountKeySas.TablesKey, (sp, _) => AccountKeySas.ForTables(keyed, sp.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton(sp =>
            {
                var sas = sp.GetRequiredKeyedService<AccountKeySas>(AccountKeySas.TablesKey);
                return new TableServiceClient(sas.Endpoint, sas.Credential, clientOptions);
            });
        }
        else if (options.TableServiceUri is not null)
            services.AddSingleton(new TableServiceClient(options.TableServiceUri, new DefaultAzureCredential(), clientOptions));
        else
            throw new InvalidOperationException("Storage is not configured: set Storage__ConnectionString (or Storage__TableServiceUri for managed identity).");

        services.AddSingleton<CoachingStore>();
        services.AddSingleton<PlanStore>();
        services.AddSingleton<TeamSignalStore>();
        services.AddSingleton<FollowUpIndex>();
        services.AddSingleton<ErasureStore>();
        services.AddSingleton<Fleet.FleetTable>();
        // Every store that holds personal data is also an eraser: "forget me" runs all of them (see IPersonalDataEraser).
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<CoachingStore>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<TeamSignalStore>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<FollowUpIndex>());
        services.AddSingleton<AcknowledgedTurnTable>();
        services.AddSingleton<IAcknowledgedTurnStore>(sp => sp.GetRequiredService<AcknowledgedTurnTable>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<AcknowledgedTurnTable>());
        return services;
    }
}
