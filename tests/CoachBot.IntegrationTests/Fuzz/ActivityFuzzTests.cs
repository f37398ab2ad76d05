using System.Collections.Concurrent;
using System.Net;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Teams.Hosting;

namespace CoachBot.IntegrationTests.Fuzz;

/// <summary>
/// Thousands of mutated activities and card actions POSTed to the real app over loopback: never a 500, the app still
/// answers /healthz and coaches a normal message afterwards, and memory stays bounded. Seeded: a failure names the
/// seed and case index, and <see cref="ActivityMutator"/> with that seed rebuilds the exact body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActivityFuzzTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private const int Seed = 20261123;
    private const int Cases = 3000;


    protected override BotApp CreateApp() => new(Azurite.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Error" });

    [Fact]
    public async Task Thousands_of_mutated_activities_get_no_500_and_leave_the_app_healthy()
    {
        var mutator = new ActivityMutator(Seed, Connector.ServiceUrl, new BotOptions().MaxActivityBytes);
        var bodies = Enumerable.Range(0, Cases).Select(mutator.Next).ToArray();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Cases), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var content = new ByteArrayContent(bodies[i]);
            content.Headers.ContentType = new("application/json");
            using var response = await Client.PostAsync("/api/messages", content, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            // 501 is the protocol's answer to an invoke the bot does not handle (the SDK's CloudAdapter does the same).
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                serverErrors.Add($"case {i} (seed {Seed}): {(int)response.StatusCode} {text[..Math.Min(1500, text.Length)]}");
            }
        });

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));
        Assert.True(serverErrors.IsEmpty, $"{serverErrors.Count} server errors ({summary}):\n" + string.Join("\n", serverErrors.Take(10)));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 2, $"the mutations should be refused in several ways: {summary}");

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz")).StatusCode);
        var conversation = "a:after-fuzz-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, "Client ghosted me after the demo"))).StatusCode);
        Assert.Single(await Connector.WaitForRepliesAsync(conversation, 1));

        bodies = [];
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < 256L * 1024 * 1024, $"managed memory grew by {(after - before) / 1024 / 1024} MiB over {Cases} requests");
    }
}
