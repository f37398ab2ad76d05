using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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

    [Fact]
    public async Task A_flooding_card_clicker_is_refused_inside_a_200_universal_action_answer()
    {
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Bot:MaxActivitiesPerUserPerMinute"] = "2" });
        using var client = app.CreateHttpClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
            answers.Add(await client.PostAsJsonAsync("/api/messages",
                SecurityActivities.CardAction(connector.ServiceUrl, TeamsActivities.TenantId, "aad-clicker", "a:clicks", "plan.share", "no-such-plan")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        using var refused = JsonDocument.Parse(await answers[^1].Content.ReadAsStringAsync());
        Assert.Equal(429, refused.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", refused.RootElement.GetProperty("type").GetString());
        Assert.Equal("TooManyRequests", refused.RootElement.GetProperty("value").GetProperty("code").GetString());
        Assert.NotNull(answers[^1].Headers.RetryAfter);
    }
}
