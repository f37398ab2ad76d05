using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using CoachBot.Storage.Fleet;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>What storage and the Connector stub say about a set of activities: replies per activity, turns without a reply, leftover acknowledgements.</summary>
internal sealed class DeliveryAudit(string storageConnectionString, ConnectorStub connector)
{
    private readonly CoachingStore _store = new(new TableServiceClient(storageConnectionString));
    private readonly FleetTable _fleet = new(new TableServiceClient(storageConnectionString));
    private readonly TableClient _acknowledged = new(storageConnectionString, AcknowledgedTurnTable.TableName);

    public static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    /// <summary>Messages the Connector accepted in reply to each activity.</summary>
    public Dictionary<string, int> Replies(IEnumerable<JsonObject> activities)
    {
        var calls = connector.Calls.Where(c => c.Succeeded && c.Method == "POST" && c.Type == "message" && c.ReplyToId is not null)
            .GroupBy(c => c.ReplyToId!).ToDictionary(g => g.Key, g => g.Count());
        return activities.ToDictionary(Id, a => calls.GetValueOrDefault(Id(a)));
    }

    /// <summary>
    /// Whether storage says the turn was answered: marked (older rows), or settled by its holder's published reply
    /// watermark (the app's own rule, <see cref="TurnRecord.IsSettledBy"/>). Polled for a moment, as the watermark is published a few times a second.
    /// </summary>
    public static async Task<bool> IsAnsweredAsync(string storageConnectionString, TurnRecord turn, TimeSpan? wait = null)
    {
        var fleet = new FleetTable(new TableServiceClient(storageConnectionString));
        var deadline = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            if (turn.IsSettledBy(turn.SendingBy is { } by ? await fleet.GetAsync(by, default) : null)) return true;
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(100);
        }
    }

    /// <summary>Activities whose turn is stored but not answered as far as storage knows, and activities with no stored turn.</summary>
    public async Task<(HashSet<string> StoredUnanswered, HashSet<string> NotStored)> TurnsAsync(IEnumerable<JsonObject> activities)
    {
        HashSet<string> unanswered = [], missing = [];
        var holders = new Dictionary<string, FleetMember?>(StringComparer.Ordinal);
        foreach (var a in activities)
        {
            var turn = await _store.GetTurnAsync(TeamsActivities.TenantId, a["from"]!["aadObjectId"]!.GetValue<string>(), a["conversation"]!["id"]!.GetValue<string>(), Id(a), default);
            if (turn is null)
            {
                missing.Add(Id(a));
                continue;
            }
            if (turn.SendingBy is { } by && !holders.ContainsKey(by)) holders[by] = await _fleet.GetAsync(by, default);
            if (!turn.IsSettledBy(turn.SendingBy is { } holder ? holders[holder] : null)) unanswered.Add(Id(a));
        }
        return (unanswered, missing);
    }

    /// <summary>Entries left in the acknowledged-turn table (0 when it was never created).</summary>
    public async Task<int> AcknowledgedEntriesAsync()
    {
        try
        {
            var count = 0;
            await foreach (var _ in _acknowledged.QueryAsync<TableEntity>(select: ["PartitionKey"])) count++;
            return count;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>Polls until every activity's turn is stored and replied and no acknowledgement is left, or the timeout.</summary>
    public async Task<bool> SettledAsync(IReadOnlyCollection<JsonObject> activities, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Replies(activities).Values.All(n => n > 0) && await TurnsAsync(activities) is ({ Count: 0 }, { Count: 0 }) && await AcknowledgedEntriesAsync() == 0) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
