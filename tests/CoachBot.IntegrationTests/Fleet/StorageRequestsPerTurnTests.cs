using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Fleet;

/// <summary>
/// Counts the storage requests one turn makes against Azurite: the app's TableServiceClient gets a pipeline policy that
/// records every request with its ambient trace id. The turn's trace is the one of the inbound POST /api/messages (the
/// test sends one at a time); every request of that trace is the turn's, so background work (fleet heartbeats, sweeps)
/// is not counted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageRequestsPerTurnTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<(ActivityTraceId Trace, string Request)> _requests = new();
    private readonly ConcurrentQueue<ActivityTraceId> _inbound = new();
    /// <summary>Each request's sending and answer, in order: shows which requests were in flight together.</summary>
    private readonly ConcurrentQueue<string> _events = new();
    private readonly ActivityListener _aspNetCore;
    private ConnectorStub _connector = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public StorageRequestsPerTurnTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
        _aspNetCore = new()
        {
            // ASP.NET Core starts a request's activity (the turn's ambient trace) only when someone listens.
            ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = a => _inbound.Enqueue(a.TraceId),
        };
    }

    public async Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(_aspNetCore);
        _connector = await ConnectorStub.StartAsync();
        var options = new TableClientOptions();
        options.AddPolicy(new CountingPolicy(_requests, _events), HttpPipelinePosition.PerRetry);
        _app = new BotApp(_azurite.ConnectionString, null, services => services.AddSingleton(new TableServiceClient(_azurite.ConnectionString, options)));
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        _aspNetCore.Dispose();
    }

    [Fact]
    public async Task A_plain_coaching_turn_makes_one_storage_request_when_this_instance_stored_the_state()
    {
        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        // The first message of a conversation also looks up the erase job (no state row yet), and creates tables.
        var first = await TurnAsync(conversation, user, "The client says our price is too high");
        _output.WriteLine($"first turn of a conversation: {first.Count} requests: {string.Join(", ", first)}");
        Assert.Contains(first, r => r.Contains("/erasures", StringComparison.Ordinal));

        foreach (var text in new[] { "I sent them the discount table last week", "Keep the margin and close this quarter" })
        {
            var plain = await TurnAsync(conversation, user, text);
            _output.WriteLine($"plain turn: {plain.Count} requests: {string.Join(", ", plain)}");
            // The state this instance stored last stands in for the read: the one transaction, nothing after the reply.
            var only = Assert.Single(plain);
            Assert.Contains("$batch", only, StringComparison.Ordinal);
        }
        Assert.Equal(3, _connector.Replies(conversation).Count);
    }

    [Fact]
    public async Task A_state_changed_by_another_writer_costs_one_failed_transaction_and_a_read_and_the_turn_uses_the_new_state()
    {
        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        await TurnAsync(conversation, user, "The client says our price is too high");
        await TurnAsync(conversation, user, "I sent them the discount table last week");

        // Another instance (or a follow-up opening) rewrites the state row: this instance's cached copy is now stale.
        var store = _app.Services.GetRequiredService<CoachingStore>();
        var tenant = TeamsActivities.TenantId;
        var current = await store.GetStateAsync(tenant, user, conversation, default);
        var elsewhere = current.State with { CheckInsOff = true };
        Assert.True(await store.SaveStateAsync(tenant, user, conversation, elsewhere, current.ETag, default));

        var turn = await TurnAsync(conversation, user, "Keep the margin and close this quarter");
        _output.WriteLine($"turn after a foreign write: {turn.Count} requests: {string.Join(", ", turn)}");
        // The transaction against the stale ETag fails, the state is read, and the turn is decided and saved again.
        Assert.Equal(3, turn.Count);
        Assert.Contains("$batch", turn[0], StringComparison.Ordinal);
        Assert.StartsWith("GET ", turn[1], StringComparison.Ordinal);
        Assert.Contains("$batch", turn[2], StringComparison.Ordinal);
        // What the other writer stored survived: the turn built on it rather than overwriting it.
        Assert.True((await store.GetStateAsync(tenant, user, conversation, default)).State.CheckInsOff);
        Assert.Single(await store.GetTurnsAsync(tenant, user, default), t => t.RepText == "Keep the margin and close this quarter");
    }

    [Fact]
    public async Task An_unchanged_conversation_reference_is_left_out_of_the_turn_and_a_changed_one_is_written()
    {
        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        var store = _app.Services.GetRequiredService<CoachingStore>();
        var tenant = TeamsActivities.TenantId;
        await TurnAsync(conversation, user, "The client says our price is too high");
        var first = await store.GetReferenceAsync(tenant, user, conversation, default);
        Assert.NotNull(first);

        await TurnAsync(conversation, user, "I sent them the discount table last week");
        // Same reference as stored a moment ago: the row was not written again.
        Assert.Equal(first, await store.GetReferenceAsync(tenant, user, conversation, default));

        await TurnAsync(conversation, user, "Keep the margin and close this quarter", a => a["locale"] = "de-DE");
        // The reference changed (the rep's Teams language): this turn's transaction wrote it.
        var changed = await store.GetReferenceAsync(tenant, user, conversation, default);
        Assert.Equal("de-DE", changed!.Locale);
        Assert.True(changed.UpdatedAt > first.UpdatedAt);
    }

    [Fact]
    public async Task A_dated_plan_on_the_cached_state_schedules_its_follow_up_and_saves_without_a_read()
    {
        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var text in new[] { "What should I do about a prospect who says our price is too high?", "I offered 10% off already", "Keep the margin and close this quarter", "Reframe on ROI, or cut scope" })
            await TurnAsync(conversation, user, text);

        // The plan reply and its card are two Connector messages.
        // (The first plan in this process also creates the follow-up table, once.)
        var plan = (await TurnAsync(conversation, user, "I will send an ROI sheet by Friday", replies: 2)).Where(r => !r.EndsWith("/Tables", StringComparison.Ordinal)).ToList();
        _output.WriteLine($"dated plan: {plan.Count} requests: {string.Join(", ", plan)}");
        // The follow-up entry, then the transaction (turn, state, plan): no state read, no plan read for the card.
        Assert.Equal(2, plan.Count);
        Assert.Contains("/followups", plan[0], StringComparison.Ordinal);
        Assert.Contains("$batch", plan[1], StringComparison.Ordinal);
        var card = _connector.Replies(conversation)[^1].Body!.Value.GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.Contains("I will send an ROI sheet", card, StringComparison.Ordinal);
        var stored = Assert.Single(await _app.Services.GetRequiredService<CoachBot.Storage.Plans.PlanStore>().ListAsync(TeamsActivities.TenantId, user, default));
        Assert.Contains("ROI sheet", stored.Text, StringComparison.Ordinal);
    }

    /// <summary>A clear switch to a confident, different topic (the engine's rule: docs/coaching.md).</summary>
    private const string Switch = "actually forget Northwind, my bigger problem is my forecast";

    private async Task StuckInLegalAsync(string conversation, string user)
    {
        await TurnAsync(conversation, user, "The Northwind deal is stuck in legal");
        await TurnAsync(conversation, user, "I emailed their counsel twice");
    }

    [Fact]
    public async Task A_new_topic_on_the_cached_state_writes_its_signal_and_then_the_transaction_without_a_read()
    {
        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        await StuckInLegalAsync(conversation, user);
        var events = _events.Count;
        var (raised, id) = await TopicTurnAsync(conversation, user, Switch);
        var order = _events.Skip(events).ToList();
        _output.WriteLine($"new topic: {raised.Count} requests: {string.Join(", ", raised)}");
        // The signal (an insert, so a row another delivery wrote is never taken for this one's), then the transaction,
        // whose ETag check confirms the decision taken on the cached state: two requests, no read.
        Assert.Equal(2, raised.Count);
        Assert.StartsWith("POST ", raised[0], StringComparison.Ordinal);
        Assert.Contains("/signals", raised[0], StringComparison.Ordinal);
        Assert.Contains("$batch", raised[1], StringComparison.Ordinal);
        // Before the turn is stored: the signal was answered before the transaction was sent.
        Assert.True(order.FindIndex(e => e.StartsWith("answered POST", StringComparison.Ordinal) && e.Contains("/signals", StringComparison.Ordinal))
            < order.FindIndex(e => e.StartsWith("sent POST", StringComparison.Ordinal) && e.Contains("$batch", StringComparison.Ordinal)), string.Join(", ", order));
        var state = await _app.Services.GetRequiredService<CoachingStore>().GetStateAsync(TeamsActivities.TenantId, user, conversation, default);
        Assert.Single(await TopicSignals.OfMessageAsync(_app, user, id), s => s.Topic == state.State.Topic);
    }

    [Fact]
    public async Task A_signal_written_ahead_is_taken_back_when_the_row_read_decides_that_no_topic_was_raised()
    {
        // What topic the switch raises, learned on a conversation of its own.
        var probeUser = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        var probe = "a:count-" + Guid.NewGuid().ToString("N");
        await StuckInLegalAsync(probe, probeUser);
        var store = _app.Services.GetRequiredService<CoachingStore>();
        var tenant = TeamsActivities.TenantId;
        var legal = (await store.GetStateAsync(tenant, probeUser, probe, default)).State.Topic;
        await TurnAsync(probe, probeUser, Switch);
        var forecast = (await store.GetStateAsync(tenant, probeUser, probe, default)).State.Topic;
        Assert.NotNull(forecast);
        Assert.NotEqual(legal, forecast);

        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        await StuckInLegalAsync(conversation, user);
        // Another writer moved the conversation to that topic already: this instance's cached state still says legal.
        var current = await store.GetStateAsync(tenant, user, conversation, default);
        Assert.True(await store.SaveStateAsync(tenant, user, conversation, current.State with { Topic = forecast }, current.ETag, default));

        var (requests, id) = await TopicTurnAsync(conversation, user, Switch);
        _output.WriteLine($"stale topic: {requests.Count} requests: {string.Join(", ", requests)}");
        // Decided on the cache it raised a topic and signalled it; the transaction failed on the ETag and the row read
        // then says the topic was already raised: taken back.
        Assert.Contains(requests, r => r.StartsWith("DELETE ", StringComparison.Ordinal) && r.Contains("/signals", StringComparison.Ordinal));
        Assert.Empty(await TopicSignals.OfMessageAsync(_app, user, id));
        Assert.Single(await store.GetTurnsAsync(tenant, user, default), t => t.ActivityId == id);
    }

    private async Task<(List<string> Requests, string ActivityId)> TopicTurnAsync(string conversation, string user, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        return (await TurnAsync(conversation, user, text, a => a["id"] = id), id);
    }

    private async Task<List<string>> TurnAsync(string conversation, string user, string text, Action<System.Text.Json.Nodes.JsonObject>? change = null, int replies = 1)
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, conversation, text, userAad: user);
        change?.Invoke(activity);
        var requestsBefore = _requests.Count;
        var inbound = _inbound.Count;
        var before = _connector.Replies(conversation).Count;
        using var response = await _client.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + replies, _connector.Replies(conversation).Count);
        var made = _requests.Skip(requestsBefore).ToList();
        var turn = Assert.Single(_inbound.Skip(inbound).Distinct());
        return [.. made.Where(r => r.Trace == turn).Select(r => r.Request)];
    }

    private sealed class CountingPolicy(ConcurrentQueue<(ActivityTraceId, string)> requests, ConcurrentQueue<string> events) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            requests.Enqueue((Activity.Current?.TraceId ?? default, $"{message.Request.Method} {message.Request.Uri.Path}"));
            events.Enqueue($"sent {message.Request.Method} {message.Request.Uri.Path}");
        }

        public override void OnReceivedResponse(HttpMessage message) => events.Enqueue($"answered {message.Request.Method} {message.Request.Uri.Path}");
    }
}
