using System.Net;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Fleet;

/// <summary>
/// A conversation whose messages land on alternating instances, as a load balancer may send them: each instance's cached
/// state (StateCache) is stale every other turn. The conversation must go exactly as it goes on one instance: the same
/// replies in the same order, one stored turn and one reply per message, and the same plan at the end.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConversationAcrossInstancesTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private static readonly string[] Script =
    [
        "What should I do about a prospect who says our price is too high?",
        "I offered 10% off already",
        "Keep the margin and close this quarter",
        "Reframe on ROI, or cut scope",
        "I will send an ROI sheet by Friday",
        "Also they want a reference customer",
    ];

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private BotApp _second = null!;
    private HttpClient _two = null!;

    /// <summary>The second instance, on the same storage as the base's <see cref="BotTestBase.App"/>.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _second = CreateApp();
        _two = _second.CreateHttpClient();
    }

    public override async Task DisposeAsync()
    {
        _two.Dispose();
        await _second.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override BotApp CreateApp() => new(Azurite.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });

    [Fact]
    public async Task Alternating_instances_give_the_conversation_one_instance_gives()
    {
        var alone = await TalkAsync("alone", _ => Client);
        var alternating = await TalkAsync("alternating", i => i % 2 == 0 ? Client : _two);

        Assert.Equal(alone.Replies, alternating.Replies);
        Assert.Equal(Script.Length, alternating.Turns);
        Assert.Equal(alone.Plans, alternating.Plans);
        Assert.Single(alternating.Plans);
    }

    [Fact]
    public async Task A_redelivery_to_an_instance_holding_an_older_state_keeps_the_topic_signal_of_the_delivery_that_stored_the_turn()
    {
        var user = $"aad-across-signal-{_run}";
        var conversation = $"a:across-signal-{_run}";
        // Instance one holds the conversation's state after these two turns.
        await SayAsync(Client, TeamsActivities.Message(Connector.ServiceUrl, conversation, "The Northwind deal is stuck in legal", userAad: user), conversation, 1);
        await SayAsync(Client, TeamsActivities.Message(Connector.ServiceUrl, conversation, "I emailed their counsel twice", userAad: user), conversation, 2);
        // The switch lands on instance two, which reads the row, raises the new topic, signals it and stores the turn.
        var id = Guid.NewGuid().ToString("N");
        var switchTopic = TeamsActivities.Message(Connector.ServiceUrl, conversation, "actually forget Northwind, my bigger problem is my forecast", userAad: user);
        switchTopic["id"] = id;
        await SayAsync(_two, switchTopic, conversation, 3);
        var raised = Assert.Single(await TopicSignals.OfMessageAsync(App, user, id)).Topic;

        // Teams delivers it again, to instance one, whose state predates the switch: decided on that state it raises the
        // topic too, but the signal row is the first delivery's, and the turn is stored already.
        using (var again = await Client.PostAsync(switchTopic)) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        Assert.Equal(raised, Assert.Single(await TopicSignals.OfMessageAsync(App, user, id)).Topic);
        Assert.Equal(3, Connector.Replies(conversation).Count);
    }

    private async Task SayAsync(HttpClient instance, System.Text.Json.Nodes.JsonObject message, string conversation, int replies)
    {
        using var response = await instance.PostAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Connector.WaitForRepliesAsync(conversation, replies);
    }

    private async Task<(IReadOnlyList<string?> Replies, int Turns, IReadOnlyList<string> Plans)> TalkAsync(string kind, Func<int, HttpClient> instance)
    {
        var user = $"aad-across-{kind}-{_run}";
        var conversation = $"a:across-{kind}-{_run}";
        for (var i = 0; i < Script.Length; i++)
        {
            using var response = await instance(i).PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, Script[i], userAad: user));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Connector.WaitForRepliesAsync(conversation, i + 1);
        }
        var replies = Connector.Replies(conversation);
        var store = App.Services.GetRequiredService<CoachingStore>();
        var turns = await store.GetTurnsAsync(TeamsActivities.TenantId, user, default);
        var plans = await App.Services.GetRequiredService<CoachBot.Storage.Plans.PlanStore>().ListAsync(TeamsActivities.TenantId, user, default);
        return ([.. replies.Select(r => r.Text)], turns.Count, [.. plans.Select(p => $"{p.Text} by {p.Due:yyyy-MM-dd}")]);
    }
}
