using System.Net;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Storage fails in the one window between "reply delivered to the Connector" and "RepliedAt recorded": a
/// redelivery of that activity must not send the reply a second time.
/// </summary>
public sealed class ReplyThenStorageFailureTests : IAsyncLifetime
{
    private readonly RestartableAzurite _azurite = new();
    private ConnectorStub _connector = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private int _stopOnNextReply;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _connector = await ConnectorStub.StartAsync();
        // The reply is delivered; storage goes down before the bot can record that.
        _connector.OnMessageAccepted = async _ =>
        {
            if (Interlocked.Exchange(ref _stopOnNextReply, 0) == 1) await _azurite.StopAsync();
        };
        _app = new BotApp(_azurite.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_delivered_before_storage_failed_is_not_sent_again_on_redelivery()
    {
        var conversation = "a:window-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, "hello", userAad: "aad-window"))).StatusCode);
        var activity = TeamsActivities.Message(_connector.ServiceUrl, conversation, "Client ghosted me after the demo", userAad: "aad-window");
        var id = activity["id"]!.GetValue<string>();
        _stopOnNextReply = 1;

        var first = await _client.PostAsync(activity);
        await _azurite.StartAsync();
        var redelivered = await _client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var sent = _connector.Replies(conversation).Count(r => r.ReplyToId == id);
        Assert.True(sent == 1, $"first delivery got {(int)first.StatusCode}; the reply was sent {sent} times");
    }
}
