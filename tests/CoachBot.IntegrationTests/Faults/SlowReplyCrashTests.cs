using System.Net;
using CoachBot.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// One slow reply holds the reply watermark back; replies sent behind it are named in the fleet row. After kill -9 and
/// redelivery of everything, those replies are not sent again: only the slow one, whose answer never came back, may be.
/// </summary>
[Collection(ProcessFaultsCollection.Name)]
public sealed class SlowReplyCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Quick = 10;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Bot:AcknowledgeAfter"] = "00:00:00.400",
        ["Bot:ReplyLease"] = "00:00:08",
        ["Bot:AcknowledgedTurnLease"] = "00:00:03",
        ["Bot:SweepInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private readonly RestartableAzurite _azurite = new();
    private readonly TaskCompletionSource _releaseSlow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _connector = await ConnectorStub.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _releaseSlow.TrySetResult();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact] // ~20 s
    public async Task Replies_sent_behind_a_slow_one_are_not_sent_again_after_a_crash()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var slow = TeamsActivities.Message(_connector.ServiceUrl, $"a:slow-{run}", "My champion went quiet", userAad: $"aad-slow-{run}");
        var quick = Enumerable.Range(0, Quick)
            .Select(i => TeamsActivities.Message(_connector.ServiceUrl, $"a:quick-{run}-{i}", "The deal slipped again", userAad: $"aad-quick-{run}-{i}"))
            .ToList();
        var heldOnce = 0;
        // The slow conversation's first reply is accepted, then its answer is held: the sender waits, its send stays unsettled.
        _connector.OnMessageAccepted = call => call.ConversationId == $"a:slow-{run}" && Interlocked.Exchange(ref heldOnce, 1) == 0
            ? _releaseSlow.Task.WaitAsync(TimeSpan.FromSeconds(30))
            : Task.CompletedTask;

        await using (var crashing = await BotProcess.StartAsync(_azurite.ConnectionString, Settings))
        {
            var client = crashing.CreateHttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(slow)).StatusCode); // acknowledged early, still sending
            await _connector.WaitForRepliesAsync($"a:slow-{run}", 1);
            foreach (var a in quick)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(a)).StatusCode);
                await _connector.WaitForRepliesAsync(a["conversation"]!["id"]!.GetValue<string>(), 1);
            }
            // A few publish intervals (250 ms) for the fleet row to name them, well inside the slow send's lease.
            await Task.Delay(TimeSpan.FromSeconds(1));
            crashing.Kill();
        }

        await using var restarted = await BotProcess.StartAsync(_azurite.ConnectionString, Settings);
        var again = restarted.CreateHttpClient();
        foreach (var a in quick.Append(slow))
            Assert.Equal(HttpStatusCode.OK, (await again.PostAsync(a)).StatusCode);
        // The slow turn is answered again once its lease ran out (its first answer never came back); wait for that.
        await _connector.WaitForRepliesAsync($"a:slow-{run}", 2, TimeSpan.FromSeconds(30));

        var doubled = quick.Select(a => a["conversation"]!["id"]!.GetValue<string>()).Where(c => _connector.Replies(c).Count != 1).ToList();
        output.WriteLine($"quick conversations answered other than once after the crash: {doubled.Count} of {Quick}; slow: {_connector.Replies($"a:slow-{run}").Count} replies");
        Assert.Empty(doubled);
    }
}
