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
