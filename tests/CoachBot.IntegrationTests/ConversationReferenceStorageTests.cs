using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Schema;

namespace CoachBot.IntegrationTests;

/// <summary>
/// The stored conversation reference (<c>coaching</c> table, <c>ref|{conversation}</c>) against Azurite: it is written as
/// the Teams <see cref="ConversationReference"/> in one JSON column beside its keys and the filtered columns, and a row in
/// the previous shape (one column per field, written here with the Azure Tables SDK as that version wrote it) still reads
/// through every read path of the store.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConversationReferenceStorageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Updated = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly string _tenant = "tenant-ref-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _user = "aad-user-" + Guid.NewGuid().ToString("N")[..8];

    private CoachingStore Store => new(new TableServiceClient(azurite.ConnectionString));

    private TableClient Table => new(azurite.ConnectionString, CoachingStore.TableName);

    [Fact]
    public async Task A_row_written_by_the_previous_version_reads_through_every_read_path()
    {
        await Store.GetReferencesAsync(_tenant, _user, default); // creates the table
        var old = OldShapeRow("a:old-personal", "personal", isStale: false);
        await Table.UpsertEntityAsync(old);

        var expected = new StoredConversationReference(_tenant, _user, "https://smba.trafficmanager.net/emea/", "msteams", "a:old-personal",
            "personal", "29:user", _user, "Rep Name", "28:bot", "en-GB", Updated, IsStale: false);
        Assert.Equal(expected, await Store.GetReferenceAsync(_tenant, _user, "a:old-personal", default));
        Assert.Equal(expected, Assert.Single(await Store.GetReferencesAsync(_tenant, _user, default)));
        Assert.Equal(expected, await Store.FindTenantReferenceAsync(_tenant, default));
        var reference = expected.ToReference();
        Assert.Equal(("https://smba.trafficmanager.net/emea/", "a:old-personal", _tenant, "28:bot"), (reference.ServiceUrl, reference.ConversationId, reference.TenantId, reference.BotId));
    }

    [Fact]
    public async Task A_stale_row_of_either_shape_is_not_found_for_the_tenant()
    {
        await Store.GetReferencesAsync(_tenant, _user, default);
        await Table.UpsertEntityAsync(OldShapeRow("a:old-stale", "personal", isStale: true));
        await Store.UpsertReferenceAsync(Reference("a:new-stale") with { IsStale = true }, default);
        Assert.Null(await Store.FindTenantReferenceAsync(_tenant, default));
        Assert.All(await Store.GetReferencesAsync(_tenant, _user, default), r => Assert.True(r.IsStale));

        await Store.UpsertReferenceAsync(Reference("a:new-live"), default);
        Assert.Equal("a:new-live", (await Store.FindTenantReferenceAsync(_tenant, default))?.ConversationId);
    }

    [Fact]
    public async Task A_reference_is_stored_as_one_json_column_beside_its_keys_and_reads_back_equal()
    {
        var stored = Reference("19:group@thread.v2");
        await Store.UpsertReferenceAsync(stored, default);

        var row = (await Table.GetEntityAsync<TableEntity>(TableKeys.UserPartition(_tenant, _user), TableKeys.Join("ref", "19:group@thread.v2"))).Value;
        var columns = row.Keys.Where(k => !k.StartsWith("odata.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["IsStale", "PartitionKey", "Reference", "RowKey", "TenantId", "Timestamp", "UpdatedAt", "UserKey"], columns);
        var json = JsonNode.Parse(row.GetString("Reference"))!;
        Assert.Equal("https://smba.trafficmanager.net/amer/", json["serviceUrl"]!.GetValue<string>());
        Assert.Equal("19:group@thread.v2", json["conversationId"]!.GetValue<string>());
        Assert.Equal(_tenant, json["tenantId"]!.GetValue<string>());

        Assert.Equal(stored, await Store.GetReferenceAsync(_tenant, _user, "19:group@thread.v2", default));
    }

    private StoredConversationReference Reference(string conversationId) => StoredConversationReference.Of(_tenant, _user,
        new ConversationReference("https://smba.trafficmanager.net/amer/", "msteams", conversationId, "groupChat", _tenant, "29:user", _user, "Rep Name", "28:bot", "CoachBot", "en-US"),
        Updated);

    /// <summary>The row as the version before the JSON column wrote it: every field its own column.</summary>
    private TableEntity OldShapeRow(string conversationId, string conversationType, bool isStale) => new(TableKeys.UserPartition(_tenant, _user), TableKeys.Join("ref", conversationId))
    {
        ["TenantId"] = _tenant,
        ["UserKey"] = _user,
        ["ServiceUrl"] = "https://smba.trafficmanager.net/emea/",
        ["ChannelId"] = "msteams",
        ["ConversationId"] = conversationId,
        ["ConversationType"] = conversationType,
        ["UserId"] = "29:user",
        ["UserAadObjectId"] = _user,
        ["UserName"] = "Rep Name",
        ["BotId"] = "28:bot",
        ["Locale"] = "en-GB",
        ["UpdatedAt"] = Updated,
        ["IsStale"] = isStale,
    };
}
