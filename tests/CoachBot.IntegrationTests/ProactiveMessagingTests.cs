using System.Net;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Proactive;
using CoachBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests;

/// <summary>Messages the bot starts: to a rep whose reference was stored at install, over real HTTP to a local Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProactiveMessagingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;
    private readonly string _rep = "aad-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString);
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private ProactiveMessenger Messenger => _app.Services.GetRequiredService<ProactiveMessenger>();

    [Fact]
    public async Task A_rep_installed_earlier_gets_a_proactive_message_in_their_chat()
    {
        await _client.PostAsync(TeamsActivities.Installed(_connector.ServiceUrl, _conversation, _rep));

        var result = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "How did the call with the CFO go?", null, default);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        var sent = _connector.Replies(_conversation)[^1];
        Assert.Null(sent.ReplyToId);
        Assert.Equal("How did the call with the CFO go?", sent.Text);
        Assert.Equal("29:" + _rep, sent.Body!.Value.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_user_never_seen_is_reported_not_installed()
    {
        var result = await Messenger.SendAsync(TeamsActivities.TenantId, "aad-nobody", "hello?", null, default);

        Assert.Equal(ProactiveOutcome.NotInstalled, result.Outcome);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task A_bot_removed_by_the_user_retires_the_reference_and_is_not_retried()
    {
        await _client.PostAsync(TeamsActivities.Installed(_connector.ServiceUrl, _conversation, _rep));
        _connector.FailNext(HttpStatusCode.Forbidden, 1);

        var refused = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "How did it go?", null, default);
        var callsAfterRefusal = _connector.Calls.Count;
        var again = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "How did it go?", null, default);

        Assert.Equal(ProactiveOutcome.Refused, refused.Outcome);
        Assert.Equal(ProactiveOutcome.NotInstalled, again.Outcome);
        Assert.Equal(callsAfterRefusal, _connector.Calls.Count);
        var store = new CoachingStore(new TableServiceClient(azurite.ConnectionString));
        Assert.True((await store.GetReferenceAsync(TeamsActivities.TenantId, _rep, _conversation, default))!.IsStale);
    }

    [Fact]
    public async Task A_rep_known_only_from_a_group_chat_gets_a_new_one_to_one_chat()
    {
        var group = TeamsActivities.Message(_connector.ServiceUrl, "19:group@thread.v2", "<at>CoachBot</at> hi", userAad: _rep, conversationType: "groupChat");
        await _client.PostAsync(group);

        var result = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "A question for you?", null, default);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        Assert.Equal("a:personal-29:" + _rep, result.ConversationId);
        var create = Assert.Single(_connector.Calls, c => c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(TeamsActivities.TenantId, create.Body!.Value.GetProperty("tenantId").GetString());
        Assert.False(create.Body!.Value.GetProperty("isGroup").GetBoolean());
        Assert.Single(_connector.Replies(result.ConversationId!));
    }
}
