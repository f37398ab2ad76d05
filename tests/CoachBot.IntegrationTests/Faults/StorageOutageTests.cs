using System.Collections.Concurrent;
using System.Net;
using Azure.Data.Tables;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Azurite stopped and restarted under traffic: /healthz turns 503 and back to 200; every turn the bot accepted (200)
/// is stored; after the channel redelivers what failed (and, for good measure, what succeeded), every activity has
/// been answered — nothing lost, and nothing accepted answered twice (see ReplyThenStorageFailureTests for the one
/// doubling that remains).
/// </summary>
public sealed class StorageOutageTests : OwnAzuriteTestBase
{
    private const int Senders = 4;

    private sealed record Sent(string User, string Conversation, System.Text.Json.Nodes.JsonObject Activity, string Id)
    {
        public HttpStatusCode Status { get; set; }
    }

    private async Task<HttpStatusCode> HealthAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/healthz");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private async Task WaitForHealthAsync(HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode last;
        while ((last = await HealthAsync()) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/healthz stayed {(int)last}, expected {(int)expected}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Storage_stopped_and_restarted_under_traffic_loses_and_doubles_no_turn()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var sent = new ConcurrentBag<Sent>();
        using var stop = new CancellationTokenSource();
        var traffic = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            var user = $"aad-outage-{run}-{s}";
            var conversation = $"a:outage-{run}-{s}";
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var activity = TeamsActivities.Message(Connector.ServiceUrl, conversation, $"Client ghosted me, attempt {i}", userAad: user);
                var item = new Sent(user, conversation, activity, activity["id"]!.GetValue<string>());
                try
                {
                    using var response = await Client.PostAsync(activity);
                    item.Status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    item.Status = 0;
                }
                sent.Add(item);
                await Task.Delay(50);
            }
        })).ToArray();

        await Task.Delay(1500);
        Assert.Equal(HttpStatusCode.OK, await HealthAsync());
        await Azurite.StopAsync();
        await WaitForHealthAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
        await Task.Delay(2000);
        await Azurite.StartAsync();
        await WaitForHealthAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await Task.Delay(1500);
        await stop.CancelAsync();
        await Task.WhenAll(traffic);
        // Turns acknowledged before they finished complete in the background (bounded by the storage client's retries).
        await Task.Delay(3000);

        var all = sent.ToList();
        Assert.Contains(all, s => s.Status == HttpStatusCode.OK);
        Assert.Contains(all, s => s.Status != HttpStatusCode.OK);

        // Every accepted turn is stored.
        var store = new CoachingStore(new TableServiceClient(Azurite.ConnectionString));
        var lost = new List<string>();
        foreach (var s in all.Where(s => s.Status == HttpStatusCode.OK))
            if (await store.GetTurnAsync(TeamsActivities.TenantId, s.User, s.Conversation, s.Id, default) is null) lost.Add(s.Id);
        Assert.True(lost.Count == 0, $"{lost.Count} of {all.Count(s => s.Status == HttpStatusCode.OK)} accepted turns have no stored turn row");

        // The channel redelivers what failed; redelivering what succeeded must change nothing.
        foreach (var s in all)
        {
            using var again = await Client.PostAsync(s.Activity);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
        foreach (var s in all)
        {
            var replies = Connector.Calls.Count(c => c.Succeeded && c.Method == "POST" && c.ReplyToId == s.Id && c.Type != "typing");
            Assert.True(replies == 1, $"activity {s.Id} (first status {(int)s.Status}) was answered {replies} times");
            Assert.NotNull(await store.GetTurnAsync(TeamsActivities.TenantId, s.User, s.Conversation, s.Id, default));
        }
    }
}
