using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;

namespace CoachBot.IntegrationTests.Security;

/// <summary>"forget me", confirmed, removes every row of that rep in every table — and nobody else's.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForgetMeTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _tenant = "tenant-forget-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Every row, in every table, that mentions the rep's key anywhere (keys or values).</summary>
    private async Task<List<string>> RowsMentioningAsync(string userKey)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var found = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (row.PartitionKey.Contains(userKey, StringComparison.Ordinal) || row.RowKey.Contains(userKey, StringComparison.Ordinal)
                    || row.Any(kv => kv.Value is string s && s.Contains(userKey, StringComparison.Ordinal)))
                    found.Add($"{table.Name}: {row.PartitionKey} / {row.RowKey}");
            }
        }
        return found;
    }

    private async Task<string> ReachSharedPlanAsync(string user, string conversation)
    {
        string planId = "";
        foreach (var text in SecurityActivities.ToPlan)
        {
            var activity = SecurityActivities.Message(Connector.ServiceUrl, _tenant, user, conversation, text);
            planId = activity["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity)).StatusCode);
        }
        await Client.PostAsJsonAsync("/api/messages", SecurityActivities.CardAction(Connector.ServiceUrl, _tenant, user, conversation, "plan.share", planId));
        await Client.PostAsJsonAsync("/api/messages", SecurityActivities.CardAction(Connector.ServiceUrl, _tenant, user, conversation, "plan.fieldDay", planId));
        return planId;
    }

    [Fact]
    public async Task Forget_me_confirmed_erases_every_row_of_the_rep_and_only_theirs()
    {
        var rep = "aad-forget-" + Guid.NewGuid().ToString("N");
        var neighbour = "aad-keep-" + Guid.NewGuid().ToString("N");
        var conversation = "a:forget-" + Guid.NewGuid().ToString("N");
        await ReachSharedPlanAsync(rep, conversation);
        await ReachSharedPlanAsync(neighbour, "a:keep-" + Guid.NewGuid().ToString("N"));
        Assert.NotEmpty(await RowsMentioningAsync(rep));
        var neighbourRows = (await RowsMentioningAsync(neighbour)).Count;

        await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, _tenant, rep, conversation, "forget me"));
        await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, _tenant, rep, conversation, "yes delete my data"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<string> left;
        while ((left = await RowsMentioningAsync(rep)).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.True(left.Count == 0, "rows left after forget me:\n" + string.Join("\n", left));
        Assert.Equal(neighbourRows, (await RowsMentioningAsync(neighbour)).Count);
    }
}
