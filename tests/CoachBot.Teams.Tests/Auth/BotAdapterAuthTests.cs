using System.Text;
using CoachBot.Teams.Connector;
using CoachBot.Teams.Hosting;
using CoachBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>The authenticator wired into <see cref="BotAdapter"/>: a refused token never reaches the handler.</summary>
public sealed class BotAdapterAuthTests : AuthTestContext
{
    private static readonly string Body = TeamsActivities.Message(TestTokens.ServiceUrl, "a:conversation", "hi", id: "1").ToJsonString();

    [Fact]
    public async Task Valid_token_reaches_the_handler()
    {
        var (status, handled) = await PostAsync(Bearer(TestTokens.BotFramework()));
        Assert.Equal(200, status);
        Assert.True(handled);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.e30.")]
    public async Task Missing_or_bad_token_is_401_and_skips_the_handler(string? header)
    {
        var (status, handled) = await PostAsync(header);
        Assert.Equal(401, status);
        Assert.False(handled);
    }

    [Fact]
    public async Task Token_for_another_serviceurl_is_refused()
    {
        var (status, handled) = await PostAsync(Bearer(TestTokens.BotFramework(serviceUrl: "https://smba.trafficmanager.net/emea/")));
        Assert.Equal(401, status);
        Assert.False(handled);
    }

    private async Task<(int Status, bool Handled)> PostAsync(string? authorization)
    {
        var options = Options();
        using var auth = Authenticator();
        using var http = new HttpClient();
        var connector = new ConnectorClient(http, new NoTokenProvider(), new ServiceUrlPolicy(loopbackOnly: false), new RetryPolicy(), new ConnectorRateLimiter(),
            NullLogger<ConnectorClient>.Instance);
        var adapter = new BotAdapter(auth, connector, Microsoft.Extensions.Options.Options.Create(options),
            new Hosting.InMemoryAcknowledgedTurns().Background(), new InboundUserRateLimiter(Microsoft.Extensions.Options.Options.Create(new BotOptions())), NullLogger<BotAdapter>.Instance);

        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Body));
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        context.Response.Body = new MemoryStream();

        var handler = new RecordingHandler();
        await adapter.ProcessAsync(context, handler);
        return (context.Response.StatusCode, handler.Called);
    }

    private sealed class RecordingHandler : IActivityHandler
    {
        public bool Called { get; private set; }

        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
        {
            Called = true;
            return Task.FromResult<InvokeResponse?>(null);
        }
    }
}
