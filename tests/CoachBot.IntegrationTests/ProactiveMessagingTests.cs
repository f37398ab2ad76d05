using System.Net;
using Azure.Data.Tables;
using CoachBot.Delivery;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests;

/// <summary>Messages the bot starts: to a rep whose reference was stored at install, over real HTTP to a local Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProactiveMessagingTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _rep = "aad-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");

    private ProactiveMessenger Messenger => App.Services.GetRequiredService<ProactiveMessenger>();

    [Fact]
    public async Task A_rep_installed_earlier_gets_a_proactive_message_in_their_chat()
    {
        await Client.PostAsync(TeamsActivities.Installed(Connector.ServiceUrl, _conversation, _rep));

        var result = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "How did the call with the CFO go?", null, default);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        var sent = Connector.Replies(_conversation)[^1];
        Assert.Null(sent.ReplyToId);
        Assert.Equal("How did the call with the CFO go?", sent.Text);
        Assert.Equal("29:" + _rep, sent.Body!.Value.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_user_never_seen_is_reported_not_installed()
    {
        var result = await Messenger.SendAsync(TeamsActivities.TenantId, "aad-nobody", "hello?", null, default);

        Assert.Equal(ProactiveOutcome.NotInstalled, result.Outcome);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task A_bot_removed_by_the_user_retires_the_reference_and_is_not_retried()
    {
        await Client.PostAsync(TeamsActivities.Installed(Connector.ServiceUrl, _conversation, _rep));
        Connector.FailNext(HttpStatusCode.Forbidden, 1);

        var refused = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "How did it go?", null, default);
        var callsAfterRefusal = Connector.Calls.Count;
        var again = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "How did it go?", null, default);

        Assert.Equal(ProactiveOutcome.Refused, refused.Outcome);
        Assert.Equal(ProactiveOutcome.NotInstalled, again.Outcome);
        Assert.Equal(callsAfterRefusal, Connector.Calls.Count);
        var store = new CoachingStore(Tables);
        Assert.True((await store.GetReferenceAsync(TeamsActivities.TenantId, _rep, _conversation, default))!.IsStale);
    }

    [Fact]
    public async Task A_rep_known_only_from_a_group_chat_gets_a_new_one_to_one_chat()
    {
        var group = TeamsActivities.Message(Connector.ServiceUrl, "19:group@thread.v2", "<at>CoachBot</at> hi", userAad: _rep, conversationType: "groupChat");
        await Client.PostAsync(group);

        var result = await Messenger.SendAsync(TeamsActivities.TenantId, _rep, "A question for you?", null, default);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        Assert.Equal("a:personal-29:" + _rep, result.ConversationId);
        var create = Assert.Single(Connector.Calls, c => c.Path.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Equal(TeamsActivities.TenantId, create.Body!.Value.GetProperty("tenantId").GetString());
        Assert.False(create.Body!.Value.GetProperty("isGroup").GetBoolean());
        Assert.Single(Connector.Replies(result.ConversationId!));
    }
}
