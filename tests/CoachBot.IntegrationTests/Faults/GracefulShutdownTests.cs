using System.Diagnostics;
using System.Net;
using CoachBot.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// SIGTERM (a deploy, a scale-in) while slow turns, acknowledged early, are still sending their replies: the process
/// drains them within Bot:ShutdownTimeout before it exits. Every turn answered, none twice, no acknowledgement left.
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class GracefulShutdownTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Activities = 40;
    private readonly RestartableAzurite _azurite = new();
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _connector = await ConnectorStub.StartAsync();
        // Every reply takes 3 s to be accepted, so every turn outlives Bot:AcknowledgeAfter and is acknowledged early.
        _connector.MessageDelay = TimeSpan.FromSeconds(3);
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact] // ~15 s
    public async Task SIGTERM_with_acknowledged_turns_in_flight_answers_every_turn_once_before_exiting()
    {
        await using var bot = await BotProcess.StartAsync(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Bot:AcknowledgeAfter"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var client = bot.CreateHttpClient();
        var run = Guid.NewGuid().ToString("N")[..8];
        var activities = Enumerable.Range(0, Activities)
            .Select(i => TeamsActivities.Message(_connector.ServiceUrl, $"a:term-{run}-{i}", "The champion left the account", userAad: $"aad-term-{run}-{i}"))
            .ToList();

        var statuses = await Task.WhenAll(activities.Select(async a =>
        {
            using var response = await client.PostAsync(a);
            return response.StatusCode;
        }));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var audit = new DeliveryAudit(_azurite.ConnectionString, _connector);
        var answeredAtSigterm = audit.Replies(activities).Values.Count(n => n > 0);
        Assert.True(answeredAtSigterm < Activities, "the turns must still be running when SIGTERM arrives");

        var clock = Stopwatch.StartNew();
        await bot.StopAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"SIGTERM with {Activities - answeredAtSigterm} of {Activities} acknowledged turns unanswered; exited after {clock.Elapsed.TotalSeconds:F1} s, code {bot.ExitCode}");

        Assert.True(bot.ExitCode == 0, bot.Output);
        var replies = audit.Replies(activities);
        Assert.True(replies.Values.All(n => n == 1), $"replies per activity: {string.Join(",", replies.Values.GroupBy(n => n).Select(g => $"{g.Key}x{g.Count()}"))}\n{bot.Output}");
        var (unanswered, notStored) = await audit.TurnsAsync(activities);
        Assert.Empty(unanswered);
        Assert.Empty(notStored);
        Assert.Equal(0, await audit.AcknowledgedEntriesAsync());
    }
}
