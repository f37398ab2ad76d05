using Azure.Data.Tables;
using Azure.Storage.Queues;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// What every nudge fan-out run does around the app (the in-process driver, the fleet budget run, the crash run): store
/// each synthetic manager's 1:1 reference, feed their jobs into the world's queue, and count what the Connector got.
/// </summary>
public static class FanOutJobs
{
    /// <summary>Jobs kept queued ahead of the cards delivered by the fleet runs: 15 s of a 30/s tenant budget.</summary>
    public const int Backlog = 450;

    /// <summary>A stored personal-chat reference per manager, as Teams' install would leave it.</summary>
    public static async Task SeedReferencesAsync(NudgeWorld world, string storage, int managers)
    {
        var store = new CoachingStore(new TableServiceClient(storage));
        await Parallel.ForEachAsync(Enumerable.Range(0, managers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var id = SyntheticOrg.ManagerId(i);
            await store.UpsertReferenceAsync(new StoredConversationReference(world.TenantId, id, world.Connector.ServiceUrl, "msteams", NudgeWorld.ConversationOf(id),
                "personal", "29:" + id, id, null, TeamsActivities.BotId, "en-US", DateTimeOffset.UtcNow, false), ct);
        });
    }

    public static DeliveryQueue Queue(NudgeWorld world, string storage) =>
        new(new QueueServiceClient(storage, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }), world.QueueName);

    /// <summary>
    /// Enqueues one nudge job per manager for today, keeping at most <paramref name="backlog"/> jobs ahead of the cards
    /// delivered, as the scheduler's spread of local mornings does. Azurite's in-memory queue slows down sharply with
    /// thousands of waiting messages (it scans them on every receive); Azure Storage does not, and a run must not measure
    /// the emulator. Returns when every job is queued.
    /// </summary>
    public static async Task FeedAsync(NudgeWorld world, DeliveryQueue queue, int managers, int backlog, CancellationToken ct)
    {
        var fed = 0;
        while (fed < managers)
        {
            var target = Math.Min(managers, Cards(world.Connector) + backlog);
            var batch = Enumerable.Range(fed, Math.Max(0, target - fed)).ToList();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, c) =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await queue.EnqueueAsync(new DeliveryJob(DeliveryJob.NudgeKind, world.TenantId, SyntheticOrg.ManagerId(i), world.Today), c);
                        return;
                    }
                    catch (Azure.RequestFailedException) when (attempt < 10)
                    {
                        await Task.Delay(500, c);
                    }
                }
            });
            fed += batch.Count;
            if (fed < managers) await Task.Delay(200, ct);
        }
    }

    /// <summary>Cards the Connector accepted (messages with an attachment), duplicates included.</summary>
    public static int Cards(ConnectorStub connector) => CardCalls(connector).Count();

    /// <summary>Accepted cards per conversation.</summary>
    public static Dictionary<string, int> CardsPerChat(ConnectorStub connector) =>
        CardCalls(connector).GroupBy(c => c.ConversationId!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static IEnumerable<ConnectorCall> CardCalls(ConnectorStub connector) =>
        connector.Calls.Where(c => c.Succeeded && c.Method == "POST" && c.ConversationId is not null && c.Body is { } b && b.TryGetProperty("attachments", out _));
}
