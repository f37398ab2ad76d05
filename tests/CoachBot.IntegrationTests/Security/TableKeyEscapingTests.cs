using System.Net;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// Keys built from hostile ids ('/', '\', '#', '?', '|', '%', control characters, very long ids) stay in their own
/// partition: read back through a raw TableClient, every row a turn wrote is in the sender's partition, and no id can
/// forge another rep's partition.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableKeyEscapingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _tenant = "tenant-keys-" + Guid.NewGuid().ToString("N")[..8];
    private BotApp _app = null!;
    private HttpClient _client = null!;
    private ConnectorStub _connector = null!;
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _app = new BotApp(azurite.ConnectionString);
        _client = _app.CreateHttpClient();
        _table = new TableServiceClient(azurite.ConnectionString).GetTableClient(CoachingStore.TableName);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string> HostileIds => new()
    {
        "victim/../other", "back\\slash", "hash#tag", "what?x=1", "victim|evil", "per%7Ccent", "%", "ctl\u0001\u001f\u007f",
        "uni\u202e\u200b\ufeff𝔘", "' or PartitionKey ne '", "victim}", "|", "||||",
    };

    private async Task<List<TableEntity>> RowsOfTenantAsync()
    {
        // Every partition of this tenant starts with the escaped tenant id and a separator.
        var prefix = TableKeys.Escape(_tenant) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "\uffff"}");
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter)) rows.Add(row);
        return rows;
    }

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task A_hostile_user_and_conversation_id_write_only_into_their_own_partition(string hostile)
    {
        var conversation = "a:" + hostile;
        var response = await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant, hostile, conversation, "Client ghosted me", id: "act-" + hostile));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // ConnectorStub unescapes the already-decoded request path a second time, so "%7C" comes back as "|".
        Assert.Single(await _connector.WaitForRepliesAsync(Uri.UnescapeDataString(conversation), 1));
        var expected = TableKeys.UserPartition(_tenant, hostile);
        var rows = await RowsOfTenantAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(expected, r.PartitionKey));
        Assert.Contains(rows, r => r.GetString("RepText") == "Client ghosted me" && r.GetString("UserKey") == hostile && r.GetString("ConversationId") == conversation);
        Assert.All(rows, r => Assert.DoesNotContain(r.PartitionKey, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)));
    }

    [Fact]
    public async Task A_separator_in_an_id_cannot_forge_another_reps_partition()
    {
        // "victim" in tenant T owns partition "T|victim". An attacker who is "victim|x", or whose tenant is "T|victim",
        // must land elsewhere.
        var victimConversation = "a:victim-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant, "victim", victimConversation, "victim's own words"))).StatusCode);
        var victimPartition = TableKeys.UserPartition(_tenant, "victim");
        var before = await _table.QueryAsync<TableEntity>(e => e.PartitionKey == victimPartition).CountAsync();

        var attackerConversation = "a:attacker-" + Guid.NewGuid().ToString("N");
        await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant, "victim|x", attackerConversation, "attacker 1"));
        await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant + "|victim", "x", attackerConversation, "attacker 2"));
        await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant, "victim%7Cx", attackerConversation, "attacker 3"));

        var victimRows = await _table.QueryAsync<TableEntity>(e => e.PartitionKey == victimPartition).ToListAsync();
        Assert.Equal(before, victimRows.Count);
        Assert.DoesNotContain(victimRows, r => r.GetString("RepText")?.StartsWith("attacker", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Ids_at_the_length_limit_are_stored_or_refused_but_never_a_server_error()
    {
        var longId = new string('/', Teams.Hosting.ActivityValidator.MaxIdLength); // escapes to three times its length
        var conversation = "a:long-" + Guid.NewGuid().ToString("N");

        var atLimit = await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant, longId, conversation, "hello"));
        var overLimit = await _client.PostAsync(SecurityActivities.Message(_connector.ServiceUrl, _tenant, longId + "/", conversation, "hello"));

        Assert.True((int)atLimit.StatusCode < 500, $"an id of {longId.Length} chars got {(int)atLimit.StatusCode}: {await atLimit.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.BadRequest, overLimit.StatusCode);
        Assert.All(await RowsOfTenantAsync(), r => Assert.Equal(TableKeys.UserPartition(_tenant, longId), r.PartitionKey));
    }
}
