using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CoachBot.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// SIGTERM (a deploy, a scale-in) while slow turns are still sending their replies: the process drains them within
/// Bot:ShutdownTimeout before it exits, whether they were acknowledged early or are still holding their request.
/// Every turn answered, none twice, no acknowledgement left behind.
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Activities = 40;
    private readonly RestartableAzurite _azurite = new();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _connector = await ConnectorStub.StartAsync();
        // Every reply takes 3 s to be accepted, so every turn is still sending when SIGTERM arrives.
        _connector.MessageDelay = TimeSpan.FromSeconds(3);
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private List<JsonObject> NewActivities(string kind) => [.. Enumerable.Range(0, Activities)
        .Select(i => TeamsActivities.Message(_connector.ServiceUrl, $"a:term-{kind}-{_run}-{i}", "The champion left the account", userAad: $"aad-term-{kind}-{_run}-{i}"))];

    private static Task<HttpStatusCode[]> PostAllAsync(HttpClient client, IEnumerable<JsonObject> activities) => Task.WhenAll(activities.Select(async a =>
    {
        using var response = await client.PostAsync(a);
        return response.StatusCode;
    }));

    [Fact] // ~15 s
    public async Task SIGTERM_with_acknowledged_turns_in_flight_answers_every_turn_once_before_exiting()
    {
        await using var bot = await BotProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Bot:AcknowledgeAfter"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var activities = NewActivities("ack");

        // Each is acknowledged (200) after 200 ms, once recorded; its reply is still on its way.
        Assert.All(await PostAllAsync(bot.CreateHttpClient(), activities), s => Assert.Equal(HttpStatusCode.OK, s));

        await StopAndAssertAllAnsweredOnceAsync(bot, activities);
    }

    [Fact] // ~15 s
    public async Task SIGTERM_with_turns_still_holding_their_requests_finishes_them_and_their_requests()
    {
        await using var bot = await BotProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Bot:AcknowledgeAfter"] = "00:00:10",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var activities = NewActivities("sync");
        var posts = PostAllAsync(bot.CreateHttpClient(), activities);
        // Every turn is stored (it is now sending its reply) and no request has been answered yet.
        var audit = new DeliveryAudit(_azurite.ConnectionString, _connector);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await audit.TurnsAsync(activities)).NotStored.Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.False(posts.IsCompleted, "the requests must still be open when SIGTERM arrives");

        await StopAndAssertAllAnsweredOnceAsync(bot, activities);

        // The server kept serving the open requests through the drain: each got its 200 after its reply.
        Assert.All(await posts, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    private async Task StopAndAssertAllAnsweredOnceAsync(BotProcess bot, List<JsonObject> activities)
    {
        var audit = new DeliveryAudit(_azurite.ConnectionString, _connector);
        var answeredAtSigterm = audit.Replies(activities).Values.Count(n => n > 0);
        Assert.True(answeredAtSigterm < activities.Count, "the turns must still be running when SIGTERM arrives");

        var clock = Stopwatch.StartNew();
        await bot.StopAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"SIGTERM with {activities.Count - answeredAtSigterm} of {activities.Count} turns unanswered; exited after {clock.Elapsed.TotalSeconds:F1} s, code {bot.ExitCode}");

        Assert.True(bot.ExitCode == 0, bot.Output);
        var replies = audit.Replies(activities);
        Assert.True(replies.Values.All(n => n == 1), $"replies per activity: {string.Join(",", replies.Values.GroupBy(n => n).Select(g => $"{g.Key}x{g.Count()}"))}\n{bot.Output}");
        var (unanswered, notStored) = await audit.TurnsAsync(activities);
        Assert.Empty(unanswered);
        Assert.Empty(notStored);
        Assert.Equal(0, await audit.AcknowledgedEntriesAsync());
    }
}
