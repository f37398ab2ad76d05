using System.Net;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Teams.Tests;

/// <summary>The bot's own Connector token goes only to allow-listed hosts, whatever the activity says.</summary>
public sealed class ConnectorEgressTests
{
    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://127.0.0.1:1/")] // loopback is not listed in production
    [InlineData("https://smba.trafficmanager.net.attacker.example/amer/")]
    public async Task No_request_and_no_token_for_a_host_off_the_list(string serviceUrl)
    {
        var tokens = new CountingTokenProvider();
        using var handler = new RecordingHandler();
        var connector = new ConnectorClient(new HttpClient(handler), tokens, new ServiceUrlPolicy(loopbackOnly: false), new RetryPolicy(),
            new ConnectorRateLimiter(), NullLogger<ConnectorClient>.Instance);
        var reply = new Activity { Type = ActivityTypes.Message, ServiceUrl = serviceUrl, Conversation = new ConversationAccount { Id = "a:1" }, ReplyToId = "1", Text = "hi" };

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => connector.ReplyToActivityAsync(reply, default));
        Assert.Equal(HttpStatusCode.Forbidden, ex.Status);
        Assert.Equal(0, handler.Requests);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task An_allowed_host_gets_the_request_with_the_token()
    {
        var tokens = new CountingTokenProvider();
        using var handler = new RecordingHandler();
        var connector = new ConnectorClient(new HttpClient(handler), tokens, new ServiceUrlPolicy(loopbackOnly: false), new RetryPolicy(),
            new ConnectorRateLimiter(), NullLogger<ConnectorClient>.Instance);
        var reply = new Activity { Type = ActivityTypes.Message, ServiceUrl = "https://smba.trafficmanager.net/amer/", Conversation = new ConversationAccount { Id = "a:1" }, ReplyToId = "1", Text = "hi" };

        await connector.ReplyToActivityAsync(reply, default);
        Assert.Equal(1, handler.Requests);
        Assert.Equal("smba.trafficmanager.net", handler.LastUri!.Host);
        Assert.Equal("Bearer bot-token", handler.LastAuthorization);
    }

    private sealed class CountingTokenProvider : IBotTokenProvider
    {
        public int Calls { get; private set; }

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult<string?>("bot-token");
        }
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }
        public Uri? LastUri { get; private set; }
        public string? LastAuthorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            LastUri = request.RequestUri;
            LastAuthorization = request.Headers.Authorization?.ToString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"r1"}""") });
        }
    }
}
