using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.Coaching.Dialogue;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// The same activity delivered many times at the same moment, to one instance and to two instances on the same
/// storage: exactly one reply each. The Connector is slow (300 ms), so the first reply is still in flight when the
/// duplicates find the stored turn: they must wait on its sending lease, not send again.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DuplicateDeliveryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Deliveries = 20;
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly Dictionary<string, string?> _settings = new() { ["Logging:LogLevel:Default"] = "Warning" };
    private ConnectorStub _connector = null!;
    private BotApp _first = null!;
    private BotApp _second = null!;
    private HttpClient _one = null!;
    private HttpClient _two = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _connector.MessageDelay = TimeSpan.FromMilliseconds(300);
        _first = new BotApp(azurite.ConnectionString, _settings);
        _second = new BotApp(azurite.ConnectionString, _settings);
        _one = _first.CreateHttpClient();
        _two = _second.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private JsonObject Activity(int i, string kind) =>
        TeamsActivities.Message(_connector.ServiceUrl, $"a:dup-{kind}-{_run}-{i}", "The buyer went quiet after the pricing call", userAad: $"aad-dup-{kind}-{_run}-{i}");

    /// <summary>Posts every activity <see cref="Deliveries"/> times at once, spread over <paramref name="clients"/>; returns the statuses.</summary>
    private static async Task<HttpStatusCode[]> DeliverAsync(IReadOnlyList<JsonObject> activities, params HttpClient[] clients)
    {
        using var start = new SemaphoreSlim(0);
        var posts = activities.SelectMany(a => Enumerable.Range(0, Deliveries).Select(async d =>
        {
            await start.WaitAsync();
            using var response = await clients[d % clients.Length].PostAsync(a);
            return response.StatusCode;
        })).ToList();
        start.Release(posts.Count);
        return await Task.WhenAll(posts);
    }

    private void AssertOneReplyEach(IEnumerable<JsonObject> activities)
    {
        foreach (var a in activities)
        {
            var id = a["id"]!.GetValue<string>();
            var replies = _connector.Calls.Count(c => c.Succeeded && c.Method == "POST" && c.ReplyToId == id && c.Type == "message");
            Assert.True(replies == 1, $"activity {id} was answered {replies} times");
        }
    }

    [Fact]
    public async Task Twenty_concurrent_deliveries_of_an_activity_to_one_instance_get_exactly_one_reply()
    {
        var activities = Enumerable.Range(0, 3).Select(i => Activity(i, "one")).ToList();

        var statuses = await DeliverAsync(activities, _one);

        // Every delivery is answered 200 (the duplicates once the first delivery's reply is recorded).
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        AssertOneReplyEach(activities);
        var store = new CoachingStore(new TableServiceClient(azurite.ConnectionString));
        foreach (var a in activities)
        {
            var turns = await store.GetTurnsAsync(TeamsActivities.TenantId, a["from"]!["aadObjectId"]!.GetValue<string>(), default);
            Assert.True(await DeliveryAudit.IsAnsweredAsync(azurite.ConnectionString, Assert.Single(turns)));
        }
    }

    [Fact]
    public async Task Twenty_concurrent_deliveries_across_two_instances_get_exactly_one_reply()
    {
        var activities = Enumerable.Range(0, 3).Select(i => Activity(i, "two")).ToList();

        var statuses = await DeliverAsync(activities, _one, _two);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        AssertOneReplyEach(activities);
    }

    [Fact]
    public async Task A_stored_turn_whose_sender_died_is_answered_once_by_concurrent_redeliveries_on_two_instances()
    {
        // As a killed process leaves it: the turn stored with its sending lease, long run out, and never marked replied.
        var activities = Enumerable.Range(0, 3).Select(i => Activity(i, "dead")).ToList();
        var store = new CoachingStore(new TableServiceClient(azurite.ConnectionString));
        foreach (var a in activities)
        {
            var id = a["id"]!.GetValue<string>();
            var user = a["from"]!["aadObjectId"]!.GetValue<string>();
            var record = new TurnRecord(TeamsActivities.TenantId, user, a["conversation"]!["id"]!.GetValue<string>(), id, user, "29:" + user, nameof(ReplyKind.CoachingQuestion),
                null, "Reality", null, "Stored reply " + id, "The buyer went quiet after the pricing call", DateTimeOffset.UtcNow.AddMinutes(-1), null)
            { SendingUntil = DateTimeOffset.UtcNow.AddSeconds(-30) };
            var (saved, _, _) = await store.SaveTurnAsync(record, CoachingState.New, null, null, null, default);
            Assert.Equal(SaveTurnResult.Saved, saved);
        }

        var statuses = await DeliverAsync(activities, _one, _two);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        AssertOneReplyEach(activities);
        // The stored reply is what goes out (the lease was taken over), not a second computation.
        foreach (var a in activities)
        {
            var id = a["id"]!.GetValue<string>();
            Assert.Equal("Stored reply " + id, _connector.Calls.Single(c => c.Succeeded && c.ReplyToId == id && c.Type == "message").Text);
        }
    }
}
