using Azure.Identity;
using Azure.Storage.Queues;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Erasure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Storage.Nudges;

public static class NudgeStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the nudge queue (<paramref name="queueName"/>, poison <c>{queueName}-poison</c>), the send ledger and
    /// the manager settings and install stores. Needs <see cref="StorageServiceCollectionExtensions.AddCoachBotStorage"/> first.
    /// </summary>
    public static IServiceCollection AddNudgeStorage(this IServiceCollection services, IConfiguration configuration, string queueName)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        var keyed = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : new QueueServiceClient(options.ConnectionString, clientOptions);
        if (keyed is { CanGenerateAccountSasUri: false })
            services.AddSingleton(keyed);
        else if (keyed is not null)
        {
            // An account key: requests carry a SAS derived from it rather than each being signed with the key (AccountKeySas).
            services.AddKeyedSingleton(AccountKeySas.QueuesKey, (sp, _) => AccountKeySas.ForQueues(keyed, sp.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton(sp =>
            {
                var sas = sp.GetRequiredKeyedService<AccountKeySas>(AccountKeySas.QueuesKey);
                return new QueueServiceClient(sas.Endpoint, sas.Credential, clientOptions);
            });
        }
        else if (options.QueueServiceUri is { } uri)
            services.AddSingleton(_ => new QueueServiceClient(uri, new DefaultAzureCredential(), clientOptions));
        else
            // Thrown when a queue is first needed, not at start: hosts that never send nudges need no queue.
            services.AddSingleton<QueueServiceClient>(_ => throw new InvalidOperationException("Queues are not configured: set Storage__ConnectionString (or Storage__QueueServiceUri for managed identity)."));
        services.AddSingleton(sp => new DeliveryQueue(sp.GetRequiredService<QueueServiceClient>(), queueName));
        services.AddSingleton<SendLedger>();
        services.AddSingleton<ManagerSettingsStore>();
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<SendLedger>());
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<ManagerSettingsStore>());
        services.AddSingleton<ManagerInstallStore>();
        services.AddSingleton<IPersonalDataEraser>(sp => sp.GetRequiredService<ManagerInstallStore>());
        return services;
    }
}
