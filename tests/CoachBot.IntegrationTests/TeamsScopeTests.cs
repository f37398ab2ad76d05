using CoachBot.Coaching;
using CoachBot.Coaching.Dialogue;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests;

/// <summary>
/// Teams conventions per scope, over HTTP against the Connector stub: the welcome says what CoachBot does in the scope it
/// was added to, and a slow turn keeps "typing…" alive about every 3 s in chats but sends none in a channel.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TeamsScopeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ConnectorStub _connector = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

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

    [Theory]
    [InlineData("personal", CoachingEngine.WelcomeText)]
    [InlineData("groupChat", ScopeWelcome.GroupChatText)]
    [InlineData("channel", ScopeWelcome.ChannelText)]
    public async Task The_welcome_fits_the_scope_the_bot_was_added_to(string conversationType, string expected)
    {
        var conversation = $"19:{conversationType}-{Guid.NewGuid():N}";
        var added = TeamsActivities.BotAdded(_connector.ServiceUrl, conversation, userAad: "aad-" + Guid.NewGuid().ToString("N")[..8]);
        added["conversation"]!["conversationType"] = conversationType;

        using var response = await _client.PostAsync(added);

        response.EnsureSuccessStatusCode();
        var welcome = Assert.Single(await _connector.WaitForRepliesAsync(conversation, 1), c => c.Type == "message");
        Assert.Equal(expected, welcome.Text);
        if (conversationType != "personal")
        {
            // Where the coaching happens, and what works here (PublicChat answers help and practice when @mentioned).
            Assert.Contains("then **Chat**", welcome.Text, StringComparison.Ordinal);
            Assert.Contains("@mention me with **practice**", welcome.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_slow_turn_in_a_chat_repeats_typing_until_the_reply()
    {
        _connector.MessageDelay = TimeSpan.FromSeconds(8); // the reply takes ~8 s to be accepted
        var conversation = "a:typing-" + Guid.NewGuid().ToString("N");

        using var response = await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, "help"));
        await _connector.WaitForRepliesAsync(conversation, 1, TimeSpan.FromSeconds(30));

        // First after 1 s, then every 3 s while the reply is held: at about 1, 4 and 7 s.
        var typing = _connector.Calls.Count(c => c.ConversationId == conversation && c.Type == "typing");
        Assert.InRange(typing, 2, 4);
    }

    [Fact]
    public async Task A_slow_turn_in_a_channel_sends_no_typing()
    {
        _connector.MessageDelay = TimeSpan.FromSeconds(5);
        var conversation = "19:channel-" + Guid.NewGuid().ToString("N") + "@thread.tacv2";

        using var response = await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, "help", conversationType: "channel"));
        var reply = Assert.Single(await _connector.WaitForRepliesAsync(conversation, 1, TimeSpan.FromSeconds(30)));

        Assert.Equal("message", reply.Type);
        Assert.DoesNotContain(_connector.Calls, c => c.ConversationId == conversation && c.Type == "typing");
    }
}
