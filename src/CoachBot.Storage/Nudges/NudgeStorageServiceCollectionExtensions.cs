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
        // An account key: requests carry a SAS derived from it rather than each being signed with the key (AccountKeySas).
        services.AddKeyedSingleton(AccountKeySas.QueuesKey, (sp, _) =>
            AccountKeySas.ForQueues(new QueueServiceClient(options.ConnectionString, clientOptions), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp =>
        {
            if (!string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                var keyed = new QueueServiceClient(options.ConnectionString, clientOptions);
                if (!keyed.CanGenerateAccountSasUri) return keyed;
                var sas = sp.GetRequiredKeyedService<AccountKeySas>(AccountKeySas.QueuesKey);
                return new QueueServiceClient(sas.Endpoint, sas.Credential, clientOptions);
            }
            if (options.QueueServiceUri is not null) return new QueueServiceClient(options.QueueServiceUri, new DefaultAzureCredential(), clientOptions);
            throw new InvalidOperationException("Queues are not configured: set Storage__ConnectionString (or Storage__QueueServiceUri for managed identity).");
        });
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
