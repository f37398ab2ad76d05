using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Teams.Tests.Auth;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// The critical trust finding, black-box: the real app with an app id (token validation on) against a local OpenID/JWKS
/// server and a fake App Service managed-identity endpoint for its own Connector token. An app registration in the bot's
/// tenant gets a genuinely signed Entra token for the bot's audience and tries to act as a rep, to receive the rep's
/// export at its own endpoint (with the bot's token), and to replace a stored conversation reference. All refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForgedCallerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AttackerApp = "a77ac4e2-0000-4000-8000-00000000a77a";
    private readonly string _victim = "aad-victim-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _conversation = "a:victim-" + Guid.NewGuid().ToString("N");
    private OpenIdTestServer _identity = null!;
    private ConnectorStub _connector = null!;
    private ConnectorStub _attacker = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _identity = await OpenIdTestServer.StartAsync();
        _identity.AddBotFrameworkKey(TestSigningKey.A, "msteams");
        _identity.AddEntraKey(TestSigningKey.Entra, "https://login.microsoftonline.com/{tenantid}/v2.0");
        _connector = await ConnectorStub.StartAsync();
        _attacker = await ConnectorStub.StartAsync();
        // Azure.Identity's App Service managed-identity source reads these; only this app uses a managed identity.
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _identity.MsiEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "test-identity-header");
        _app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Bot:AppId"] = TestTokens.AppId,
            ["Bot:AppType"] = "UserAssignedMsi",
            ["Bot:TenantId"] = TestTokens.TenantId,
            ["Bot:OpenIdMetadataUrl"] = _identity.BotFrameworkMetadataUrl,
            ["Bot:EntraOpenIdMetadataUrlTemplate"] = _identity.EntraMetadataUrlTemplate,
            // The local Connector stands in for Teams' host; "localhost" (where the attacker listens) is not listed.
            ["Bot:ConnectorHosts"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _attacker.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
    }

    private string AttackerUrl => _attacker.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    private JsonObject Activity(string serviceUrl, string text)
    {
        var a = TeamsActivities.Message(serviceUrl, _conversation, text, userAad: _victim);
        a["conversation"]!["tenantId"] = TestTokens.TenantId;
        a["channelData"]!["tenant"]!["id"] = TestTokens.TenantId;
        return a;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _client.SendAsync(request);
    }

    private async Task<List<string>> VictimRowsAsync()
    {
        var rows = new List<string>();
        await foreach (var table in new TableServiceClient(azurite.ConnectionString).QueryAsync())
            await foreach (var e in new TableClient(azurite.ConnectionString, table.Name).QueryAsync<TableEntity>())
                if (e.PartitionKey.Contains(_victim, StringComparison.Ordinal) || e.RowKey.Contains(_victim, StringComparison.Ordinal))
                    rows.Add($"{table.Name}/{e.PartitionKey}/{e.RowKey}/{e.ETag}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task The_channel_is_answered_with_the_bots_token_at_an_allowed_host()
    {
        // Positive control: without it, "no call reached the attacker" could mean the bot never calls anyone.
        var response = await PostAsync(Activity(_connector.ServiceUrl, "How do I get Northwind to sign this quarter?"), TestTokens.BotFramework(serviceUrl: _connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForRepliesAsync(_conversation, 1));
        Assert.Equal($"Bearer {OpenIdTestServer.MsiToken}", reply.Authorization);
    }

    [Theory]
    [InlineData("2.0", "export")]
    [InlineData("1.0", "forget me")]
    public async Task Another_app_in_the_bots_tenant_cannot_act_as_a_rep(string version, string command)
    {
        await PostAsync(Activity(_connector.ServiceUrl, "Pricing pushback from Northwind"), TestTokens.BotFramework(serviceUrl: _connector.ServiceUrl));
        await _connector.WaitForRepliesAsync(_conversation, 1);
        var before = await VictimRowsAsync();
        Assert.NotEmpty(before);

        // Genuinely signed by the bot's tenant, audience = the bot: only the calling app gives it away.
        var forged = TestTokens.Entra(caller: AttackerApp, version: version);
        foreach (var serviceUrl in new[] { AttackerUrl, _connector.ServiceUrl })
        {
            var response = await PostAsync(Activity(serviceUrl, command), forged);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        // The stored reference (where proactive messages and nudges go) and every other row are untouched.
        var installed = Activity(AttackerUrl, "");
        installed["type"] = "installationUpdate";
        installed["action"] = "add";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(installed, forged)).StatusCode);

        Assert.Equal(before, await VictimRowsAsync());
        Assert.Empty(_attacker.Calls);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task A_trusted_caller_naming_a_host_off_the_allow_list_gets_no_call_and_no_token()
    {
        var entra = TestTokens.Entra(); // a trusted caller, but the serviceUrl is not a Connector host
        var response = await PostAsync(Activity(AttackerUrl, "export"), entra);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var botFramework = TestTokens.BotFramework(serviceUrl: AttackerUrl);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Activity(AttackerUrl, "export"), botFramework)).StatusCode);

        await Task.Delay(500); // any background turn would have called out by now
        Assert.Empty(_attacker.Calls);
        Assert.Empty(await VictimRowsAsync());
    }

    [Fact]
    public async Task Signing_keys_unavailable_at_cold_start_is_503_so_the_channel_retries()
    {
        _identity.Down = true;
        var response = await PostAsync(Activity(_connector.ServiceUrl, "hello"), TestTokens.BotFramework(serviceUrl: _connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(_connector.Calls);
    }
}
