using System.Net;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// A rep's raw text never reaches the app's logs, at any level (Trace included), on the happy path, on refused
/// requests, on Connector retries and on a Connector refusal.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogPrivacyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "Initech wants 40 percent off the Zorblax renewal";
    private readonly CapturingLoggerProvider _logs = new();
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
        });
        _app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Rep_text_is_not_logged_on_any_path()
    {
        var conversation = "a:logs-" + Guid.NewGuid().ToString("N");
        var rep = "aad-logs-" + Guid.NewGuid().ToString("N")[..8];

        // Happy path, then a plan (card), then a Connector retry storm and a refusal.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, Secret, userAad: rep))).StatusCode);
        foreach (var text in SecurityActivities.ToPlan[1..]) await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, $"{text} ({Secret})", userAad: rep));
        _connector.FailNext(HttpStatusCode.TooManyRequests, 2);
        await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, Secret + " again", userAad: rep));
        _connector.FailNext(HttpStatusCode.Forbidden, 1);
        await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, Secret + " blocked", userAad: rep));
        // Refused requests: a missing id (400), an off-loopback serviceUrl (401), an over-long id (400).
        var noId = TeamsActivities.Message(_connector.ServiceUrl, conversation, Secret, userAad: rep);
        noId.Remove("id");
        await _client.PostAsync(noId);
        await _client.PostAsync(TeamsActivities.Message("https://smba.trafficmanager.net/amer/", conversation, Secret, userAad: rep));
        await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, Secret, id: new string('i', 2000), userAad: rep));

        Assert.True(_connector.Replies(conversation).Count >= 5);
        Assert.NotEmpty(_logs.Lines);
        var leaks = _logs.Lines.Where(l => l.Contains("Zorblax", StringComparison.Ordinal) || l.Contains("Initech", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "rep text reached the logs:\n" + string.Join("\n", leaks.Take(5)));
    }
}
