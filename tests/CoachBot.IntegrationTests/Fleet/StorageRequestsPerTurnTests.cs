using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoachBot.IntegrationTests.Fleet;

/// <summary>
/// Counts the storage requests one turn makes against Azurite: the app's TableServiceClient gets a pipeline policy that
/// records every request with its ambient trace id. The turn's trace is the one whose requests name the rep's partition;
/// every request of that trace is the turn's, so background work (fleet heartbeats, sweeps) is not counted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageRequestsPerTurnTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ConcurrentQueue<(ActivityTraceId Trace, string Request)> _requests = new();
    private readonly ActivityListener _aspNetCore = new()
    {
        // ASP.NET Core starts a request's activity (the turn's ambient trace) only when someone listens.
        ShouldListenTo = s => s.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };
    private ConnectorStub _connector = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        ActivitySource.AddActivityListener(_aspNetCore);
        _connector = await ConnectorStub.StartAsync();
        var options = new TableClientOptions();
        options.AddPolicy(new CountingPolicy(_requests), HttpPipelinePosition.PerRetry);
        _app = new BotApp(azurite.ConnectionString, null, services => services.AddSingleton(new TableServiceClient(azurite.ConnectionString, options)));
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
    public async Task A_plain_coaching_turn_makes_at_most_two_storage_requests()
    {
        var conversation = "a:count-" + Guid.NewGuid().ToString("N");
        var user = "aad-count-" + Guid.NewGuid().ToString("N")[..8];
        // The first message of a conversation also looks up the erase job (no state row yet), and creates tables.
        var first = await TurnAsync(conversation, user, "The client says our price is too high");
        output.WriteLine($"first turn of a conversation: {first.Count} requests: {string.Join(", ", first)}");
        Assert.Contains(first, r => r.Contains("/erasures", StringComparison.Ordinal));

        foreach (var text in new[] { "I sent them the discount table last week", "I want them to sign by Friday" })
        {
            var plain = await TurnAsync(conversation, user, text);
            output.WriteLine($"plain turn: {plain.Count} requests: {string.Join(", ", plain)}");
            Assert.True(plain.Count <= 2, $"a plain turn made {plain.Count} storage requests: {string.Join(", ", plain)}");
            // Read the state (its row also carries the erasing mark), then the one transaction; nothing after the reply.
            Assert.StartsWith("GET ", plain[0], StringComparison.Ordinal);
            Assert.Contains("$batch", plain[^1], StringComparison.Ordinal);
        }
        Assert.Equal(3, _connector.Replies(conversation).Count);
    }

    private async Task<List<string>> TurnAsync(string conversation, string user, string text)
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, conversation, text, userAad: user);
        var before = _requests.Count;
        var replies = _connector.Replies(conversation).Count;
        using var response = await _client.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(replies + 1, _connector.Replies(conversation).Count);
        var made = _requests.Skip(before).ToList();
        var turn = Assert.Single(made.Where(r => r.Trace != default && r.Request.Contains(user, StringComparison.Ordinal)).Select(r => r.Trace).Distinct());
        return [.. made.Where(r => r.Trace == turn).Select(r => r.Request)];
    }

    private sealed class CountingPolicy(ConcurrentQueue<(ActivityTraceId, string)> requests) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            requests.Enqueue((Activity.Current?.TraceId ?? default, $"{message.Request.Method} {message.Request.Uri.Path}"));
        }
    }
}
