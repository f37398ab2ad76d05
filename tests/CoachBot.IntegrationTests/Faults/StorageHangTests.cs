using System.Net;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Storage that hangs (not refused: frozen) for longer than the storage client's retries while a turn is acknowledged
/// in the background: the channel got 200 and will not redeliver, so the turn must still be stored and answered.
/// </summary>
public sealed class StorageHangTests : IAsyncLifetime
{
    private readonly RestartableAzurite _azurite = new();
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Bot:AcknowledgeAfter"] = "00:00:01",
        });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact] // ~30 s: the hang must outlast the Tables client's retries (4 x 5 s network timeout).
    public async Task A_turn_acknowledged_while_storage_hangs_is_not_lost()
    {
        var conversation = "a:hang-" + Guid.NewGuid().ToString("N");
        const string user = "aad-hang";
        // Warm the table (create-if-not-exists) so the hang hits the turn itself.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, "hello", userAad: user))).StatusCode);
        await _azurite.SignalAsync("STOP");
        var activity = TeamsActivities.Message(_connector.ServiceUrl, conversation, "Client ghosted me after the demo", userAad: user);
        var id = activity["id"]!.GetValue<string>();

        var accepted = await _client.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode); // acknowledged after 1 s, the turn continues in the background
        await Task.Delay(TimeSpan.FromSeconds(24)); // longer than 4 attempts x 5 s network timeout
        await _azurite.SignalAsync("CONT");
        await Task.Delay(TimeSpan.FromSeconds(3));

        var store = new CoachingStore(new TableServiceClient(_azurite.ConnectionString));
        Assert.NotNull(await store.GetTurnAsync(TeamsActivities.TenantId, user, conversation, id, default));
        Assert.Single(_connector.Calls, c => c.Succeeded && c.ReplyToId == id && c.Type != "typing");
    }
}
