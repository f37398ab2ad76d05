using System.Net;
using Azure;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// Activities whose ids pass the generic length check but would overflow an Azure Tables key (1 KiB = 512 UTF-16
/// characters after escaping; Azurite enforces it), or whose timestamp is before 1601, are refused with 400 through the
/// real /api/messages path: no row in any table, no Connector call. Ids right at the limit are still stored and answered.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageLimitTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private static readonly string[] RepTables = [CoachingStore.TableName, SendLedger.TableName];

    [Fact]
    public async Task Azurite_enforces_the_key_limit_the_budget_uses()
    {
        var table = Tables.GetTableClient("limits" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity(new string('p', TableLimits.MaxKeyLength), new string('r', TableLimits.MaxKeyLength)));
        var over = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity(new string('p', TableLimits.MaxKeyLength + 1), "r")));

        Assert.Equal(400, over.Status);
        await table.DeleteAsync();
    }

    // Entra object ids are GUIDs (36 characters); tenants are made unique per run by a GUID prefix.
    private static string Aad() => Guid.NewGuid().ToString("D");
    private static string Tenant(int length) => Guid.NewGuid().ToString("N") + new string('t', length - 32);

    public static TheoryData<string, string, string, string, string> OverLongIds => new()
    {
        // variant, tenant, user (aadObjectId), conversation, activity id; each passes the generic 1,024-character check.
        { "476-char tenant", Tenant(476), Aad(), "a:limits", "1701234567890" },
        // 157 '/' escape to 471 characters: with a 40-character activity id the turn row key is 517.
        { "157 '/' conversation", Tenant(40), Aad(), new string('/', 157), "1:" + Guid.NewGuid().ToString("D") + "xx" },
        { "498-char activity id", Tenant(40), Aad(), "a:limits", new string('m', 498) },
        { "171 '|' user", Tenant(40), new string('|', 171), "a:limits", "1701234567890" },
    };

    [Theory]
    [MemberData(nameof(OverLongIds))]
    public async Task Ids_that_would_overflow_a_storage_key_are_refused_before_anything_is_written(string variant, string tenant, string user, string conversation, string id)
    {
        Assert.False(TurnKeys.Fit(tenant, user, conversation, id), variant);

        var response = await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, tenant, user, conversation, "I'll call the CFO by Thursday", id));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too long to store", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RowsOfAsync(tenant, user));
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task The_longest_activity_ids_that_fit_are_stored_and_answered_and_one_more_character_is_refused()
    {
        var tenant = Tenant(40);
        var conversation = "a:limits-" + Guid.NewGuid().ToString("N");
        var length = 1;
        while (TurnKeys.Fit(tenant, "aad-limits", conversation, new string('m', length + 1))) length++;
        string Id(int i, int extra = 0) => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + new string('m', length - 2 + extra);

        // A whole plan conversation with ids of that length: the plan's follow-up row key is the longest, at exactly 512.
        for (var i = 0; i < SecurityActivities.ToPlan.Length; i++)
        {
            var fits = await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, tenant, "aad-limits", conversation, SecurityActivities.ToPlan[i], Id(i)));
            Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
            await Connector.WaitForRepliesAsync(conversation, i + 1);
        }
        var rows = await RowsOfAsync(tenant, "aad-limits");
        Assert.Contains(rows, r => r.GetString("PlanId") == Id(SecurityActivities.ToPlan.Length - 1));
        Assert.Equal(TableLimits.MaxKeyLength, rows.Max(r => Math.Max(r.PartitionKey.Length, r.RowKey.Length)));

        var over = await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, tenant, "aad-limits", conversation, "Client ghosted me", Id(9, extra: 1)));

        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal(rows.Count, (await RowsOfAsync(tenant, "aad-limits")).Count);
        // One reply per turn, plus the plan card, which goes out after the plan's text as its own message.
        Assert.Equal(SecurityActivities.ToPlan.Length + 1, Connector.Replies(conversation).Count);
    }

    [Fact]
    public async Task A_timestamp_before_1601_is_refused_and_1601_itself_is_stored()
    {
        var tenant = Tenant(40);
        var year1 = SecurityActivities.Message(Connector.ServiceUrl, tenant, "aad-limits", "a:year-1", "Client ghosted me");
        year1["timestamp"] = "0001-01-01T00:00:00Z";

        var refused = await Client.PostAsync(year1);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("timestamp", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RowsOfAsync(tenant, "aad-limits"));
        Assert.Empty(Connector.Calls);

        var earliest = SecurityActivities.Message(Connector.ServiceUrl, tenant, "aad-limits", "a:year-1601", "Client ghosted me");
        earliest["timestamp"] = "1601-01-01T00:00:00Z";

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(earliest)).StatusCode);
        Assert.Single(await Connector.WaitForRepliesAsync("a:year-1601", 1));
        var turn = Assert.Single(await RowsOfAsync(tenant, "aad-limits"), r => r.RowKey.StartsWith("turn|", StringComparison.Ordinal));
        Assert.Equal(TableLimits.MinDateTime, turn.GetDateTimeOffset("ReceivedAt"));
    }

    /// <summary>Every row of the rep in every table a turn writes (rep partition, tenant's signals, follow-ups).</summary>
    private async Task<List<TableEntity>> RowsOfAsync(string tenant, string user)
    {
        var rows = new List<TableEntity>();
        var partition = TableKeys.UserPartition(tenant, user);
        foreach (var name in RepTables)
            rows.AddRange(await QueryAsync(name, TableClient.CreateQueryFilter($"PartitionKey eq {partition}")));
        var signals = TableKeys.Escape(tenant) + TableKeys.Separator;
        rows.AddRange(await QueryAsync(TeamSignalStore.TableName, TableClient.CreateQueryFilter($"PartitionKey ge {signals} and PartitionKey lt {signals + "\uffff"}")));
        rows.AddRange(await QueryAsync(FollowUpIndex.TableName, TableClient.CreateQueryFilter($"TenantId eq {tenant}")));
        return rows;
    }

    private async Task<List<TableEntity>> QueryAsync(string table, string filter)
    {
        var client = Tables.GetTableClient(table);
        await client.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter)) rows.Add(row);
        return rows;
    }
}
