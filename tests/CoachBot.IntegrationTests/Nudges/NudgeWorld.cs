using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Delivery;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// One nudge scenario: a tenant and a queue of its own (so parallel tests and other suites sharing Azurite never see
/// its jobs), the in-process GraphServer with the sample organisation, a local Connector, and CoachBot instances.
/// </summary>
public sealed class NudgeWorld : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";
    public const string Maya = "f6afe125-4058-5178-b1ca-33dc3a8819fb";
    public const string Oliver = "652d85ba-7a73-501c-950d-6fa24a274bd4";
    public const string Lena = "541bc105-1277-536b-a592-0c12b6abf33a";
    public const string Diego = "8ded7029-39fa-5fe2-83e1-004c25a9d2d3";
    public static readonly string[] Managers = [Maya, Oliver, Lena];

    private readonly List<BotApp> _apps = [];
    private readonly string _storage;

    private NudgeWorld(string storage, InProcessGraphServer graph, ConnectorStub connector)
    {
        _storage = storage;
        Graph = graph;
        Connector = connector;
    }

    public string TenantId { get; } = "tenant-" + Guid.NewGuid().ToString("N")[..12];
    public string QueueName { get; } = "nudges-" + Guid.NewGuid().ToString("N")[..12];
    public InProcessGraphServer Graph { get; }
    public ConnectorStub Connector { get; }
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <param name="org">The organisation GraphServer serves; samples/org.json when null.</param>
    public static async Task<NudgeWorld> StartAsync(string storage, CoachBot.Tools.GraphServer.Org.OrgData? org = null) =>
        new(storage, await InProcessGraphServer.StartAsync(org), await ConnectorStub.StartAsync());

    /// <summary>Starts a CoachBot instance; <paramref name="configuredManagers"/> false leaves Nudges:ManagerIds empty (managers found in the directory only).</summary>
    public BotApp StartApp(IDictionary<string, string?>? overrides = null, bool configuredManagers = true, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var app = new BotApp(_storage, Settings(overrides, configuredManagers), configureServices);
        _apps.Add(app);
        app.CreateHttpClient().Dispose();
        return app;
    }

    /// <summary>Starts a CoachBot instance as a child process (to be killed or stopped as a platform does); the caller disposes it.</summary>
    public Task<BotProcess> StartProcessAsync(IDictionary<string, string?>? overrides = null, bool configuredManagers = true) =>
        BotProcess.StartAsync(_storage, Settings(overrides, configuredManagers));

    /// <summary>This world's settings for an instance: its Graph, queue and tenant, fast retries, the scheduler off.</summary>
    private Dictionary<string, string?> Settings(IDictionary<string, string?>? overrides, bool configuredManagers)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = Graph.BaseUrl,
            ["Graph:RetryDelay"] = "00:00:00",
            ["Graph:MaxRetries"] = "1",
            ["Graph:RequestTimeout"] = "00:00:15",
            ["Nudges:QueueName"] = QueueName,
            ["Nudges:TenantId"] = TenantId,
            ["Nudges:SchedulerEnabled"] = "false",
            ["Nudges:IdleDelay"] = "00:00:00.200",
            ["Nudges:VisibilityTimeout"] = "00:00:20",
            ["Nudges:RetryDelay"] = "00:00:00.300",
            ["Nudges:SendLease"] = "00:00:05",
            ["Admin:ApiKey"] = AdminKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (configuredManagers) for (var i = 0; i < Managers.Length; i++) settings[$"Nudges:ManagerIds:{i}"] = Managers[i];
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    public static string ConversationOf(string userId) => "a:chat-" + userId;

    /// <summary>Installs the app for a user (stores their conversation reference), as Teams does on install.</summary>
    public async Task InstallAsync(BotApp app, string userId)
    {
        var activity = TeamsActivities.Installed(Connector.ServiceUrl, ConversationOf(userId), userId);
        activity["conversation"]!["tenantId"] = TenantId;
        activity["channelData"]!["tenant"]!["id"] = TenantId;
        using var client = app.CreateHttpClient();
        (await client.PostAsync(activity)).EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> RunAsync(BotApp app, string? managerId = null, bool force = false, string? key = AdminKey, DateOnly? day = null)
    {
        using var client = app.CreateHttpClient();
        var url = $"/admin/nudges/run?day={(day ?? Today):yyyy-MM-dd}&force={(force ? "true" : "false")}" + (managerId is null ? "" : "&managerId=" + managerId);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (key is not null) request.Headers.Add("X-Admin-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>Nudge cards delivered to a user's chat (messages carrying an Adaptive Card).</summary>
    public IReadOnlyList<ConnectorCall> Cards(string userId) => CardsIn(ConversationOf(userId));

    /// <summary>Messages carrying an Adaptive Card delivered into one conversation.</summary>
    public IReadOnlyList<ConnectorCall> CardsIn(string conversationId) =>
        [.. Connector.Replies(conversationId).Where(c => c.Body is { } b && b.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0)];

    /// <summary>A personal-chat message from a user of this world's tenant, as Teams posts it.</summary>
    public JsonObject Message(string userId, string text)
    {
        var a = TeamsActivities.Message(Connector.ServiceUrl, ConversationOf(userId), text, userAad: userId);
        a["conversation"]!["tenantId"] = TenantId;
        a["channelData"]!["tenant"]!["id"] = TenantId;
        return a;
    }

    public static JsonElement CardOf(ConnectorCall call) => call.Body!.Value.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>Waits until every manager has at least <paramref name="perManager"/> cards and the queue is empty, then a little longer (to catch doubles).</summary>
    public async Task WaitForCardsAsync(IEnumerable<string> managers, int perManager = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var queue = Queue();
        while (DateTime.UtcNow < deadline)
        {
            if (managers.All(m => Cards(m).Count >= perManager) && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0) break;
            await Task.Delay(100);
        }
        await Task.Delay(1500);
    }

    public QueueClient Queue(bool poison = false) =>
        new QueueServiceClient(_storage, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient(poison ? QueueName + "-poison" : QueueName);

    public SendLedger Ledger() => new(new TableServiceClient(_storage));

    public static JsonObject Invoke(string tenantId, string userId, string verb, JsonElement data, string serviceUrl, JsonObject? inputs = null)
    {
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        foreach (var (k, v) in inputs ?? []) merged[k] = v?.DeepClone();
        var a = TeamsActivities.CardAction(serviceUrl, ConversationOf(userId), verb, merged, userAad: userId);
        a["conversation"]!["tenantId"] = tenantId;
        a["channelData"]!["tenant"]!["id"] = tenantId;
        return a;
    }

    /// <summary>Clicks a button (Universal Action) as the user and returns the card Teams would show instead.</summary>
    public async Task<JsonElement> ClickAsync(BotApp app, string userId, JsonElement action, JsonObject? inputs = null)
    {
        using var client = app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/messages", Invoke(TenantId, userId, action.GetProperty("verb").GetString()!, action.GetProperty("data"), Connector.ServiceUrl, inputs));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        return body.RootElement.GetProperty("value").Clone();
    }

    /// <summary>All Action.Execute actions in a card (body ActionSets and card actions), in order.</summary>
    public static List<JsonElement> Actions(JsonElement card)
    {
        var found = new List<JsonElement>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute") found.Add(e);
                foreach (var p in e.EnumerateObject()) if (p.Name != "fallback") Walk(p.Value);
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var i in e.EnumerateArray()) Walk(i);
        }
        Walk(card);
        return found;
    }

    /// <summary>Every "text" value in the card, one per line.</summary>
    public static string AllText(JsonElement card)
    {
        var texts = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "text" && p.Value.ValueKind == JsonValueKind.String) texts.Add(p.Value.GetString()!);
                    else Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array) foreach (var i in e.EnumerateArray()) Walk(i);
        }
        Walk(card);
        return string.Join('\n', texts);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
        await Graph.DisposeAsync();
        await Connector.DisposeAsync();
    }

    public async Task DisposeAppAsync(BotApp app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
    }
}
