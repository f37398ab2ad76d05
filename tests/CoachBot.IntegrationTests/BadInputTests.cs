using System.Net;
using System.Net.Http.Json;
using System.Text;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests;

/// <summary>Malformed, incomplete, oversized or unauthenticated requests get a clear 4xx and never reach the Connector.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : BotTestBase(azurite)
{

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\":")]
    [InlineData("[1,2,3]")]
    [InlineData("\"a string\"")]
    public async Task Non_json_gets_400_with_a_reason(string body)
    {
        var response = await Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON activity", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("type", "no type")]
    [InlineData("serviceUrl", "serviceUrl")]
    [InlineData("conversation", "conversation.id")]
    [InlineData("id", "no id")]
    [InlineData("from", "from.id")]
    public async Task An_activity_missing_a_required_field_gets_400_naming_it(string field, string reason)
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:missing", "hello");
        activity.Remove(field);

        var response = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:big", new string('x', 300 * 1024));

        var response = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("BodyTooLarge", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task An_oversized_chunked_body_without_content_length_is_refused()
    {
        var big = Encoding.UTF8.GetBytes(TeamsActivities.Message(Connector.ServiceUrl, "a:chunked", new string('y', 300 * 1024)).ToJsonString());
        using var content = new StreamContent(new MemoryStream(big));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Local_mode_refuses_a_serviceUrl_off_loopback()
    {
        var response = await Client.PostAsync(TeamsActivities.Message("https://smba.trafficmanager.net/amer/", "a:remote", "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task Unknown_activity_types_are_acknowledged_and_ignored()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "a:reaction", "");
        activity["type"] = "messageReaction";

        var response = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task With_anApp_id_a_request_without_a_token_gets_401()
    {
        await using var secured = new BotApp(Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = "00000000-0000-0000-0000-000000000001",
            ["Bot:AppPassword"] = "not-a-real-secret",
            ["Bot:TenantId"] = TeamsActivities.TenantId,
        });
        using var client = secured.CreateHttpClient();

        var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(Connector.ServiceUrl, "a:secured", "hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("not-a-real-secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Connector.Calls);
    }
}
