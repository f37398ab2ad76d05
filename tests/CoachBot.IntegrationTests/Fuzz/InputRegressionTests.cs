using System.Net;
using System.Text;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Fuzz;

/// <summary>Minimal repros of the 500s the fuzz run once found (invalid UTF-8 in card data, a paste over 32K characters), kept as regressions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InputRegressionTests(AzuriteFixture azurite) : BotTestBase(azurite)
{

    [Fact]
    public async Task Invalid_utf8_in_card_action_data_is_a_4xx_not_a_500()
    {
        var invoke = TeamsActivities.CardAction(Connector.ServiceUrl, "a:bad-utf8", "plan.share", new System.Text.Json.Nodes.JsonObject { ["planId"] = "PLACEHOLDER" });
        var json = Encoding.UTF8.GetBytes(invoke.ToJsonString());
        var at = Encoding.UTF8.GetString(json).IndexOf("PLACEHOLDER", StringComparison.Ordinal);
        byte[] body = [.. json[..at], 0x80, .. json[(at + "PLACEHOLDER".Length)..]];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await Client.PostAsync("/api/messages", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_very_long_message_is_answered_not_a_500()
    {
        var conversation = "a:long-" + Guid.NewGuid().ToString("N");

        var response = await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, conversation, new string('x', 40_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Connector.WaitForRepliesAsync(conversation, 1));
    }
}
