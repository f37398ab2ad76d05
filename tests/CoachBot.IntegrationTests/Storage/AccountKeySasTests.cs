using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.IntegrationTests.Storage;

/// <summary>
/// A connection string with an account key: the app's requests to Azurite carry a SAS derived from the key (no per-request
/// shared-key signature), work, and keep working across the SAS's renewal.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccountKeySasTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Requests_carry_a_sas_and_no_shared_key_signature_and_work_again_once_an_expired_sas_is_renewed()
    {
        // Started three hours ago: the SAS it derived first has run out by the service's (real) clock.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow - AccountKeySas.Lifetime - TimeSpan.FromHours(1));
        using var sas = AccountKeySas.ForTables(new TableServiceClient(azurite.ConnectionString), time);
        var seen = new ConcurrentQueue<(bool Authorization, string Query)>();
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new Recorder(seen), HttpPipelinePosition.BeforeTransport);
        var table = new TableServiceClient(sas.Endpoint, sas.Credential, options).GetTableClient("sas" + Guid.NewGuid().ToString("N")[..12]);

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateIfNotExistsAsync());
        Assert.Equal(403, refused.Status);

        // The renewal timer fires every RenewEvery; by now it has fired three times.
        var expired = sas.Credential.Signature;
        time.Advance(AccountKeySas.RenewEvery * 3);
        Assert.NotEqual(expired, sas.Credential.Signature);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["At"] = 1 });
        var read = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal(1, read.Value.GetInt32("At"));
        Assert.True(seen.Count >= 4);
        Assert.All(seen, r => Assert.False(r.Authorization));
        Assert.All(seen, r => Assert.Contains("sig=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_requests_carry_a_sas_and_no_shared_key_signature()
    {
        using var sas = AccountKeySas.ForQueues(new QueueServiceClient(azurite.ConnectionString), TimeProvider.System);
        var seen = new ConcurrentQueue<(bool Authorization, string Query)>();
        var options = new QueueClientOptions();
        options.AddPolicy(new Recorder(seen), HttpPipelinePosition.BeforeTransport);
        var queue = new QueueServiceClient(sas.Endpoint, sas.Credential, options).GetQueueClient("sas" + Guid.NewGuid().ToString("N")[..12]);

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");
        var received = await queue.ReceiveMessageAsync();

        Assert.Equal("hello", received.Value.MessageText);
        Assert.All(seen, r => Assert.False(r.Authorization));
        Assert.All(seen, r => Assert.Contains("sig=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public void The_app_derives_a_sas_from_an_account_key_and_uses_a_sas_connection_string_as_it_is()
    {
        var keyed = Build(azurite.ConnectionString);
        Assert.NotNull(keyed.GetRequiredService<TableServiceClient>());
        Assert.NotNull(keyed.GetKeyedService<AccountKeySas>(AccountKeySas.TablesKey));

        var sasOnly = "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;SharedAccessSignature=sv=2019-02-02&ss=t&srt=sco&sp=rwdlacu&se=2099-01-01T00:00:00Z&sig=abc";
        var services = Build(sasOnly);
        Assert.NotNull(services.GetRequiredService<TableServiceClient>());
        Assert.Null(services.GetKeyedService<AccountKeySas>(AccountKeySas.TablesKey));
    }

    private static ServiceProvider Build(string connectionString) => new ServiceCollection()
        .AddCoachBotStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = connectionString }).Build())
        .BuildServiceProvider();

    private sealed class Recorder(ConcurrentQueue<(bool, string)> seen) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            seen.Enqueue((message.Request.Headers.TryGetValue("Authorization", out _), message.Request.Uri.Query));
    }
}
