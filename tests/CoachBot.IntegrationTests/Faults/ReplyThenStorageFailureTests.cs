using System.Collections.Concurrent;
using System.Net;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Storage fails in the one window between "reply delivered to the Connector" and "RepliedAt recorded": the first
/// delivery ends in 500, the channel redelivers, and the reply must not be sent a second time.
/// </summary>
public sealed class ReplyThenStorageFailureTests : IAsyncLifetime
{
    private readonly RestartableAzurite _azurite = new();
    private readonly ConcurrentQueue<string> _replies = new();
    private WebApplication _connector = null!;
    private string _serviceUrl = "";
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private int _stopOnNextReply;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _connector = builder.Build();
        _connector.MapPost("/connector/v3/conversations/{conversation}/activities/{replyTo}", async (HttpContext ctx, string replyTo) =>
        {
            using var body = new StreamReader(ctx.Request.Body);
            if ((await body.ReadToEndAsync()).Contains("\"typing\"", StringComparison.Ordinal)) return Results.Ok();
            _replies.Enqueue(replyTo);
            // The reply is delivered; storage goes down before the bot can record that.
            if (Interlocked.Exchange(ref _stopOnNextReply, 0) == 1) await _azurite.StopAsync();
            return Results.Json(new { id = "reply-" + _replies.Count }, statusCode: 201);
        });
        await _connector.StartAsync();
        _serviceUrl = _connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/connector";
        _app = new BotApp(_azurite.ConnectionString, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.StopAsync();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_delivered_before_storage_failed_is_not_sent_again_on_redelivery()
    {
        var conversation = "a:window-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(TeamsActivities.Message(_serviceUrl, conversation, "hello", userAad: "aad-window"))).StatusCode);
        var activity = TeamsActivities.Message(_serviceUrl, conversation, "Client ghosted me after the demo", userAad: "aad-window");
        var id = activity["id"]!.GetValue<string>();
        _stopOnNextReply = 1;

        var first = await _client.PostAsync(activity);
        await _azurite.StartAsync();
        var redelivered = await _client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.True(_replies.Count(r => r == id) == 1, $"first delivery got {(int)first.StatusCode}; the reply was sent {_replies.Count(r => r == id)} times");
    }
}
