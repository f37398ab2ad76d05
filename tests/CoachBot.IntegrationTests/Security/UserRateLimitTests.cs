using System.Net;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Security;

/// <summary>One user flooding the bot is slowed with 429s; other users are not affected.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UserRateLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_flooding_user_gets_429_while_another_user_is_still_answered()
    {
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Bot:MaxActivitiesPerUserPerMinute"] = "10" });
        using var client = app.CreateHttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
            statuses.Add((await client.PostAsync(TeamsActivities.Message(connector.ServiceUrl, "a:flood", "help", userAad: "aad-flood"))).StatusCode);
        var other = await client.PostAsync(TeamsActivities.Message(connector.ServiceUrl, "a:calm", "help", userAad: "aad-calm"));

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(10, connector.Replies("a:flood").Count);
        Assert.Single(connector.Replies("a:calm"));
    }
}
