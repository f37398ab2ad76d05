using System.Net;
using System.Text.Json.Nodes;
using CoachBot.Admin;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;
using static CoachBot.IntegrationTests.Security.ForgetMeScenario;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// The admin's data-subject requests over real HTTP against Azurite: export returns the rep's rows (their own words
/// included) and nobody else's; erase runs the "forget me" job and leaves no row of the rep in any table, the
/// neighbour's untouched; a wrong key gets 401 and changes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminUserDataTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Key = "admin-dsr-key";
    private readonly string _tenant = "tenant-dsr-" + Guid.NewGuid().ToString("N")[..8];
    private ConnectorStub _connector = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Admin:ApiKey"] = Key });
        _client = _app.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string user, string action, string key)
    {
        var request = new HttpRequestMessage(method, $"/admin/users/{_tenant}/{user}/{action}");
        request.Headers.Add(AdminKeyFilter.KeyHeader, key);
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Export_returns_the_reps_rows_erase_leaves_none_and_a_wrong_key_is_refused()
    {
        var rep = "aad-dsr-" + Guid.NewGuid().ToString("N");
        var neighbour = "aad-dsr-keep-" + Guid.NewGuid().ToString("N");
        var conversation = "a:dsr-" + Guid.NewGuid().ToString("N");
        var marker = NewMarker();
        var neighbourMarker = NewMarker();
        await ReachSharedPlanAsync(_client, _connector.ServiceUrl, _tenant, rep, conversation, marker);
        await ReachSharedPlanAsync(_client, _connector.ServiceUrl, _tenant, neighbour, "a:dsr-keep-" + Guid.NewGuid().ToString("N"), neighbourMarker);
        var stored = await RowsMentioningAsync(azurite.ConnectionString, rep);
        var neighbourRows = (await RowsMentioningAsync(azurite.ConnectionString, neighbour)).Count;

        // Wrong key: 401 for both, and nothing is erased.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, rep, "export", "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Post, rep, "erase", "wrong")).StatusCode);
        Assert.Equal(stored.Count, (await RowsMentioningAsync(azurite.ConnectionString, rep)).Count);

        // Export: every stored row of the rep, in its table, with their words; none of the neighbour's.
        var export = await SendAsync(HttpMethod.Get, rep, "export", Key);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var body = await export.Content.ReadAsStringAsync();
        var tables = JsonNode.Parse(body)!["tables"]!.AsObject();
        var exported = tables.SelectMany(t => t.Value!.AsArray().Select(r => $"{t.Key}: {r!["PartitionKey"]} / {r["RowKey"]}")).ToHashSet();
        Assert.True(stored.All(exported.Contains), "rows missing from the export:\n" + string.Join("\n", stored.Where(s => !exported.Contains(s))));
        Assert.NotEmpty(tables[CoachingStore.TableName]!.AsArray());
        Assert.Contains(marker, body, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbourMarker, body, StringComparison.Ordinal);

        // Erase: the forget-me job, finished at once; no row of the rep anywhere, the neighbour's all there.
        var erase = await SendAsync(HttpMethod.Post, rep, "erase", Key);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var left = await RowsMentioningAsync(azurite.ConnectionString, rep, marker);
        Assert.True(left.Count == 0, "rows left after the admin erase:\n" + string.Join("\n", left));
        Assert.Equal(neighbourRows, (await RowsMentioningAsync(azurite.ConnectionString, neighbour)).Count);
        var after = JsonNode.Parse(await (await SendAsync(HttpMethod.Get, rep, "export", Key)).Content.ReadAsStringAsync())!["tables"]!.AsObject();
        Assert.All(after, t => Assert.Empty(t.Value!.AsArray()));
        // The rep is not messaged by an admin erase.
        Assert.Equal(0, DoneCount(_connector, conversation));
    }
}
