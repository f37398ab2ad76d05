using System.Net;
using System.Text;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Fuzz;

/// <summary>Minimal repros of the 500s the fuzz run once found (invalid UTF-8 in card data, a paste over 32K characters), kept as regressions.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InputRegressionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString);
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Invalid_utf8_in_card_action_data_is_a_4xx_not_a_500()
    {
        var invoke = TeamsActivities.Message(_connector.ServiceUrl, "a:bad-utf8", "");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke.Remove("text");
        invoke["value"] = new System.Text.Json.Nodes.JsonObject
        {
            ["action"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Action.Execute", ["verb"] = "plan.share", ["data"] = new System.Text.Json.Nodes.JsonObject { ["planId"] = "PLACEHOLDER" } },
        };
        var json = Encoding.UTF8.GetBytes(invoke.ToJsonString());
        var at = Encoding.UTF8.GetString(json).IndexOf("PLACEHOLDER", StringComparison.Ordinal);
        byte[] body = [.. json[..at], 0x80, .. json[(at + "PLACEHOLDER".Length)..]];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await _client.PostAsync("/api/messages", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task A_very_long_message_is_answered_not_a_500()
    {
        var conversation = "a:long-" + Guid.NewGuid().ToString("N");

        var response = await _client.PostAsync(TeamsActivities.Message(_connector.ServiceUrl, conversation, new string('x', 40_000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _connector.WaitForRepliesAsync(conversation, 1));
    }
}
