using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.IntegrationTests.Security;

/// <summary>What the "forget me" tests share: a rep with a shared plan, the confirmation, and a scan of every table.</summary>
internal static class ForgetMeScenario
{
    public const string ConfirmText = "yes delete my data";

    /// <summary>A word that appears only in this rep's plan, to find their words anywhere in storage.</summary>
    public static string NewMarker() => "zq" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>
    /// Coaches the rep to a dated plan that holds <paramref name="marker"/>, shares it ("share": a signal with the plan's
    /// text for the manager's nudge) and asks for a field day, by message and by the plan card's buttons.
    /// </summary>
    public static async Task<string> ReachSharedPlanAsync(HttpClient client, string serviceUrl, string tenant, string user, string conversation, string marker)
    {
        string planId = "";
        string[] messages = [.. SecurityActivities.ToPlan[..^1], $"I'll call the CFO about {marker} by Thursday"];
        foreach (var text in messages)
        {
            var activity = SecurityActivities.Message(serviceUrl, tenant, user, conversation, text);
            planId = activity["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(activity)).StatusCode);
        }
        foreach (var command in new[] { "share", "field day" })
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SecurityActivities.Message(serviceUrl, tenant, user, conversation, command))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", SecurityActivities.CardAction(serviceUrl, tenant, user, conversation, "plan.share", planId))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", SecurityActivities.CardAction(serviceUrl, tenant, user, conversation, "plan.fieldDay", planId))).StatusCode);
        return planId;
    }

    /// <summary>Every row, in every table, whose keys or string values contain any of <paramref name="needles"/> (case-insensitive).</summary>
    public static Task<List<string>> RowsMentioningAsync(string connectionString, params string[] needles) =>
        ScanAsync(connectionString, null, needles);

    /// <summary>
    /// The same, limited to rows of one tenant (its id in a key or value): for reps of the shared sample organisation,
    /// whose ids other tests' tenants use too.
    /// </summary>
    public static Task<List<string>> RowsMentioningInTenantAsync(string connectionString, string tenant, params string[] needles) =>
        ScanAsync(connectionString, tenant, needles);

    private static async Task<List<string>> ScanAsync(string connectionString, string? tenant, string[] needles)
    {
        var service = new TableServiceClient(connectionString);
        var found = new List<string>();
        foreach (var table in await TablesAsync(connectionString))
        {
            await foreach (var row in service.GetTableClient(table).QueryAsync<TableEntity>())
            {
                bool Has(string? s, IEnumerable<string> any) => s is not null && any.Any(n => s.Contains(n, StringComparison.OrdinalIgnoreCase));
                bool Mentions(IEnumerable<string> any) => Has(row.PartitionKey, any) || Has(row.RowKey, any) || row.Any(kv => kv.Value is string s && Has(s, any));
                if (Mentions(needles) && (tenant is null || Mentions([tenant]))) found.Add($"{table}: {row.PartitionKey} / {row.RowKey}");
            }
        }
        return found;
    }

    public static async Task<List<string>> TablesAsync(string connectionString)
    {
        var names = new List<string>();
        await foreach (var table in new TableServiceClient(connectionString).QueryAsync()) names.Add(table.Name);
        return names;
    }

    /// <summary>How many "Done, I've forgotten you" messages reached the conversation.</summary>
    public static int DoneCount(ConnectorStub connector, string conversation) => connector.Replies(conversation).Count(r => r.Text == CoachingEngine.ForgottenText);

    /// <summary>Polls until a message with exactly <paramref name="text"/> reached the conversation; false on timeout.</summary>
    public static async Task<bool> WaitForTextAsync(ConnectorStub connector, string conversation, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (connector.Replies(conversation).Any(r => r.Text == text)) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(50);
        }
        return false;
    }
}
