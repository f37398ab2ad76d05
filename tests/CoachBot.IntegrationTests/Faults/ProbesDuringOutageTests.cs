using System.Net;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// Azurite stopped and started again: readiness turns 503 while liveness (App Service's health-check path) stays
/// 200, so the platform keeps the instance; when storage is back readiness recovers and coaching turns through
/// POST /api/messages are answered again, in the conversation that was going on before the outage.
/// </summary>
public sealed class ProbesDuringOutageTests : OwnAzuriteTestBase
{
    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return response.StatusCode;
    }

    private async Task WaitForAsync(string path, HttpStatusCode expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HttpStatusCode last;
        while ((last = await StatusAsync(path)) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} stayed {(int)last}, expected {(int)expected}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Storage_outage_fails_readiness_not_liveness_and_turns_resume_after_it()
    {
        var user = "aad-probe-" + Guid.NewGuid().ToString("N");
        var conversation = "a:probe-" + Guid.NewGuid().ToString("N");
        using (var first = await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, "My client went quiet", userAad: user)))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single(await Connector.WaitForRepliesAsync(conversation, 1));

        await Azurite.StopAsync();
        await WaitForAsync("/healthz/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync("/healthz"));
        // Liveness keeps answering 200 throughout the outage, also while a turn is struggling against storage.
        var struggling = Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, "a:probe-other-" + Guid.NewGuid().ToString("N"), "Still there?", userAad: user));
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, await StatusAsync("/healthz/live"));
        (await struggling).Dispose();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync("/healthz/ready"));

        await Azurite.StartAsync();
        await WaitForAsync("/healthz/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        using (var after = await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, "I have called twice", userAad: user)))
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var replies = await Connector.WaitForRepliesAsync(conversation, 2, TimeSpan.FromSeconds(15));
        Assert.Equal(2, replies.Count);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/healthz/live"));
    }
}
