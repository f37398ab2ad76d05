using System.Net;
using System.Net.Http.Json;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// In local mode (no app id, nothing authenticates the caller) an activity whose serviceUrl is not loopback is refused
/// with 401 and makes no outbound call — including URL tricks that look local to a careless check.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceUrlTests(AzuriteFixture azurite) : BotTestBase(azurite)
{

    public static TheoryData<string> OffLoopback => new()
    {
        "https://smba.trafficmanager.net/amer/",
        "http://169.254.169.254/metadata/",
        "http://10.0.0.1/connector",
        "http://0.0.0.0:80/connector",
        "http://localhost.evil.example/connector",
        "http://127.0.0.1.nip.io/connector",
        "http://127.0.0.1@evil.example/connector",
        "http://evil.example#@127.0.0.1/",
        "file:///etc/passwd",
        "ftp://127.0.0.1/connector",
    };

    [Theory]
    [MemberData(nameof(OffLoopback))]
    public async Task An_off_loopback_serviceUrl_is_refused_with_no_outbound_call(string serviceUrl)
    {
        var conversation = "a:ssrf-" + Guid.NewGuid().ToString("N");
        var message = TeamsActivities.Message(serviceUrl, conversation, "hello");
        var invoke = TeamsActivities.CardAction(serviceUrl, conversation, "plan.view", new System.Text.Json.Nodes.JsonObject { ["planId"] = "x" });

        var messageResponse = await Client.PostAsync(message);
        var invokeResponse = await Client.PostAsJsonAsync("/api/messages", invoke);

        Assert.Contains(messageResponse.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
        Assert.Contains(invokeResponse.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest });
        Assert.Empty(Connector.Calls);
    }
}
