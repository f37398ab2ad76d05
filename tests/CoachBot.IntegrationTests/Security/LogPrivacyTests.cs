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
public sealed class LogPrivacyTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private const string Secret = "Initech wants 40 percent off the Zorblax renewal";
    private readonly CapturingLoggerProvider _logs = new();

    protected override BotApp CreateApp()
    {
        var app = new BotApp(Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft"] = "Trace",
            ["Logging:LogLevel:System"] = "Trace",
        });
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        return app;
    }

    [Fact]
    public async Task Rep_text_is_not_logged_on_any_path()
    {
        var conversation = "a:logs-" + Guid.NewGuid().ToString("N");
        var rep = "aad-logs-" + Guid.NewGuid().ToString("N")[..8];

        // Happy path, then a plan (card), then a Connector retry storm and a refusal.
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, Secret, userAad: rep))).StatusCode);
        foreach (var text in SecurityActivities.ToPlan[1..]) await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, $"{text} ({Secret})", userAad: rep));
        Connector.FailNext(HttpStatusCode.TooManyRequests, 2);
        await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, Secret + " again", userAad: rep));
        Connector.FailNext(HttpStatusCode.Forbidden, 1);
        await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, Secret + " blocked", userAad: rep));
        // Refused requests: a missing id (400), an off-loopback serviceUrl (401), an over-long id (400).
        var noId = TeamsActivities.Message(Connector.ServiceUrl, conversation, Secret, userAad: rep);
        noId.Remove("id");
        await Client.PostAsync(noId);
        await Client.PostAsync(TeamsActivities.Message("https://smba.trafficmanager.net/amer/", conversation, Secret, userAad: rep));
        await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, Secret, id: new string('i', 2000), userAad: rep));

        Assert.True(Connector.Replies(conversation).Count >= 5);
        Assert.NotEmpty(_logs.Lines);
        var leaks = _logs.Lines.Where(l => l.Contains("Zorblax", StringComparison.Ordinal) || l.Contains("Initech", StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "rep text reached the logs:\n" + string.Join("\n", leaks.Take(5)));
    }
}
