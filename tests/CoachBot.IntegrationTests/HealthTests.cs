using System.Net;
using System.Text.Json;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    [InlineData("/healthz/live")]
    public async Task Every_probe_is_200_when_storage_answers(string path)
    {
        await using var app = new BotApp(azurite.ConnectionString);
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readiness_is_503_and_liveness_200_when_storage_is_unreachable()
    {
        // A port nothing listens on: the table service is "down".
        var dead = FreePort.Next();
        await using var app = new BotApp(AzuriteServer.ConnectionStringFor(dead, dead));
        using var client = app.CreateHttpClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", Check(await ready.Content.ReadAsStringAsync(), "storage"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    [Fact]
    public async Task A_failing_connector_degrades_readiness_without_failing_it()
    {
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString);
        using var client = app.CreateHttpClient();
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Contains("\"connector\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"graph\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // 403 is not retried: the reply fails for good at once.
        connector.FailNext(HttpStatusCode.Forbidden, 5);
        var conversation = "a:health-" + Guid.NewGuid().ToString("N");
        await client.PostAsync(TeamsActivities.Message(connector.ServiceUrl, conversation, "Client ghosted me", userAad: "aad-health-" + Guid.NewGuid().ToString("N")));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        string body;
        HttpStatusCode status;
        do
        {
            using var response = await client.GetAsync("/healthz/ready");
            (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (Check(body, "connector") == "Degraded") break;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("Degraded", Check(body, "connector"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", Check(body, "storage"));
    }

    internal static string? Check(string body, string name) =>
        JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty(name).GetProperty("status").GetString();
}
