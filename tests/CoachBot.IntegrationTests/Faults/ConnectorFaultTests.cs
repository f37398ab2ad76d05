using System.Net;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// The Connector answering 429 storms (retried with Retry-After, never doubled) and 403 "bot removed" (no retry, the
/// reference retired, other conversations unaffected) while several conversations are in flight; a blocked user known
/// by Teams' subCode, a 403/404 that is not about the user (reference kept) and a 500 (not resent: it may have posted).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConnectorFaultTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Conversations = 8;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private (string User, string Conversation) Rep(string kind, int i) => ($"aad-{kind}-{_run}-{i}", $"a:{kind}-{_run}-{i}");

    private async Task<List<(System.Text.Json.Nodes.JsonObject Activity, HttpStatusCode Status)>> SendAllAsync(string kind) =>
    [
        .. await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async i =>
        {
            var (user, conversation) = Rep(kind, i);
            var activity = TeamsActivities.Message(_connector.ServiceUrl, conversation, "Client ghosted me after the demo", userAad: user);
            using var response = await _client.PostAsync(activity);
            return (activity, response.StatusCode);
        })),
    ];

    [Fact]
    public async Task A_429_storm_is_ridden_out_and_every_message_is_answered_exactly_once()
    {
        _connector.FailNext(HttpStatusCode.TooManyRequests, 2 * Conversations);

        var results = await SendAllAsync("storm");
        // Whatever the storm made fail (a call that used up its attempts) is redelivered by the channel.
        foreach (var (activity, status) in results.Where(r => r.Status != HttpStatusCode.OK))
            Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(activity)).StatusCode);

        Assert.Contains(_connector.Calls, c => !c.Succeeded);
        for (var i = 0; i < Conversations; i++)
        {
            var (_, conversation) = Rep("storm", i);
            await _connector.WaitForRepliesAsync(conversation, 1);
            await Task.Delay(50);
            Assert.Single(_connector.Replies(conversation));
        }
        // Redelivering everything once more sends nothing new.
        var before = _connector.Calls.Count(c => c.Succeeded && c.Type != "typing");
        foreach (var (activity, _) in results) await _client.PostAsync(activity);
        Assert.Equal(before, _connector.Calls.Count(c => c.Succeeded && c.Type != "typing"));
    }

    [Fact]
    public async Task A_403_bot_removed_retires_that_reference_only_and_is_not_retried()
    {
        _connector.FailNext(HttpStatusCode.Forbidden, 1);

        var results = await SendAllAsync("removed");

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var forbidden = Assert.Single(_connector.Calls, c => !c.Succeeded);
        Assert.Equal(1, _connector.Calls.Count(c => c.ConversationId == forbidden.ConversationId && c.Type != "typing"));
        var store = new CoachingStore(new TableServiceClient(azurite.ConnectionString));
        for (var i = 0; i < Conversations; i++)
        {
            var (user, conversation) = Rep("removed", i);
            var reference = await store.GetReferenceAsync(TeamsActivities.TenantId, user, conversation, default);
            Assert.NotNull(reference);
            if (conversation == forbidden.ConversationId)
            {
                Assert.True(reference.IsStale);
                Assert.Empty(_connector.Replies(conversation));
            }
            else
            {
                Assert.False(reference.IsStale);
                Assert.Single(await _connector.WaitForRepliesAsync(conversation, 1));
            }
        }
    }

    private async Task<(string User, string Conversation)> SendOneAsync(string kind)
    {
        var (user, conversation) = Rep(kind, 0);
        await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, "Client ghosted me after the demo", userAad: user));
        return (user, conversation);
    }

    private async Task<bool> IsStaleAsync(string user, string conversation) =>
        (await new CoachingStore(new TableServiceClient(azurite.ConnectionString)).GetReferenceAsync(TeamsActivities.TenantId, user, conversation, default))!.IsStale;

    private int MessagePosts(string conversation) => _connector.Calls.Count(c => c.ConversationId == conversation && c.Method == "POST" && c.Type == "message");

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_known_by_the_subcode_in_teams_documented_body()
    {
        const string blocked = """{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""";
        _connector.FailNext(HttpStatusCode.Forbidden, 1, code: null, rawBody: blocked);

        var (user, conversation) = await SendOneAsync("blocked");

        Assert.True(await IsStaleAsync(user, conversation));
        Assert.Equal(1, MessagePosts(conversation));
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "InvalidBotApiHost")]
    [InlineData(HttpStatusCode.NotFound, "ActivityNotFoundInConversation")]
    public async Task A_403_or_404_that_is_not_about_the_user_keeps_the_reference(HttpStatusCode status, string code)
    {
        _connector.FailNext(status, 1, code);

        var (user, conversation) = await SendOneAsync("kept-" + code);

        Assert.False(await IsStaleAsync(user, conversation));
        Assert.Equal(1, MessagePosts(conversation));
    }

    [Fact]
    public async Task A_500_on_a_reply_is_not_sent_again()
    {
        _connector.FailNext(HttpStatusCode.InternalServerError, 1);

        var (_, conversation) = await SendOneAsync("error500");

        Assert.Equal(1, MessagePosts(conversation));
        Assert.Empty(_connector.Replies(conversation));
    }
}
