using System.Net;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Healthz_is_200_when_storage_answers()
    {
        await using var app = new BotApp(azurite.ConnectionString);
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_is_503_when_storage_is_unreachable()
    {
        // A port nothing listens on: the table service is "down".
        var dead = FreePort.Next();
        await using var app = new BotApp(AzuriteFixture.ConnectionStringFor(dead, dead));
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
