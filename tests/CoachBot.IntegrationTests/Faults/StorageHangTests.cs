using System.Net;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Storage that hangs (not refused: frozen) while a slow turn is due to be acknowledged early. An acknowledgement must
/// be durable, so with storage frozen the activity cannot be recorded and the request is not acknowledged (503): the
/// channel redelivers it, and between the turn still running in-process and the redelivery it is answered exactly once.
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

    [Fact] // ~10 s: the acknowledgement waits up to BackgroundTurns.PersistTimeout (5 s) for the frozen storage.
    public async Task A_slow_turn_that_cannot_be_recorded_while_storage_hangs_is_not_acknowledged_and_is_answered_once()
    {
        var conversation = "a:hang-" + Guid.NewGuid().ToString("N");
        const string user = "aad-hang";
        // Warm the tables (create-if-not-exists) so the hang hits the turn itself.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, "hello", userAad: user))).StatusCode);
        await _azurite.SignalAsync("STOP");
        var activity = TeamsActivities.Message(_connector.ServiceUrl, conversation, "Client ghosted me after the demo", userAad: user);
        var id = activity["id"]!.GetValue<string>();

        var first = await _client.PostAsync(activity);
        await _azurite.SignalAsync("CONT");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        // The channel got no 200, so it redelivers; the turn that kept running here may finish first or second.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(activity)).StatusCode);
        // Wait for whatever still runs in the background (the first turn, or the redelivery if it was acknowledged early).
        await _app.Services.GetRequiredService<BackgroundTurns>().StopAsync(default);
        var store = new CoachingStore(new TableServiceClient(_azurite.ConnectionString));
        Assert.True(await DeliveryAudit.IsAnsweredAsync(_azurite.ConnectionString, (await store.GetTurnAsync(TeamsActivities.TenantId, user, conversation, id, default))!));
        Assert.Single(_connector.Calls, c => c.Succeeded && c.ReplyToId == id && c.Type == "message");
    }
}
