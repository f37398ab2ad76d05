using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests.Security;

/// <summary>The same user id and conversation id in two tenants are two different reps: separate state, turns and plans.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TenantIsolationTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _tenantA = "tenant-a-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _tenantB = "tenant-b-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _user = "aad-same-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _conversation = "a:same-" + Guid.NewGuid().ToString("N");

    private async Task SendAsync(string tenant, string text)
    {
        var response = await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, tenant, _user, _conversation, text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Same_user_and_conversation_ids_in_two_tenants_keep_separate_state_and_turns()
    {
        foreach (var text in SecurityActivities.ToPlan[..3]) await SendAsync(_tenantA, text);
        await SendAsync(_tenantB, "Tenant B secret: pricing pushback from Globex");

        var store = new CoachingStore(new TableServiceClient(Azurite.ConnectionString));
        var turnsA = await store.GetTurnsAsync(_tenantA, _user, default);
        var turnsB = await store.GetTurnsAsync(_tenantB, _user, default);
        Assert.Equal(3, turnsA.Count);
        Assert.Single(turnsB);
        Assert.All(turnsA, t => Assert.Equal(_tenantA, t.TenantId));
        Assert.DoesNotContain(turnsA, t => t.RepText!.Contains("Globex", StringComparison.Ordinal));
        // B's conversation starts from scratch: its state is not A's, three turns further on.
        var stateA = await store.GetStateAsync(_tenantA, _user, _conversation, default);
        var stateB = await store.GetStateAsync(_tenantB, _user, _conversation, default);
        Assert.NotEqual(stateA.ETag, stateB.ETag);
        Assert.Equal(1, stateB.State.BotQuestions);
        Assert.True(stateA.State.BotQuestions >= 2, $"A asked {stateA.State.BotQuestions} questions");
        Assert.Equal("Tenant B secret: pricing pushback from Globex", turnsB[0].RepText);
        var references = await store.GetReferencesAsync(_tenantB, _user, default);
        Assert.All(references, r => Assert.Equal(_tenantB, r.TenantId));
    }

    [Fact]
    public async Task A_card_action_from_tenant_B_cannot_touch_a_tenant_A_plan()
    {
        string planId = "";
        foreach (var text in SecurityActivities.ToPlan)
        {
            var activity = SecurityActivities.Message(Connector.ServiceUrl, _tenantA, _user, _conversation, text);
            planId = activity["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity)).StatusCode);
        }
        var plans = new PlanStore(new TableServiceClient(Azurite.ConnectionString));
        Assert.NotNull(await plans.GetAsync(_tenantA, _user, planId, default));

        foreach (var verb in new[] { "plan.share", "plan.fieldDay", "plan.view", "plan.change" })
        {
            var response = await Client.PostAsJsonAsync("/api/messages", SecurityActivities.CardAction(Connector.ServiceUrl, _tenantB, _user, _conversation, verb, planId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using (var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
                Assert.Equal(404, body.RootElement.GetProperty("statusCode").GetInt32());
            Assert.DoesNotContain("CFO", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var plan = await plans.GetAsync(_tenantA, _user, planId, default);
        Assert.False(plan!.SharedWithManager);
        Assert.False(plan.FieldDayRequested);
        Assert.Null(await plans.GetAsync(_tenantB, _user, planId, default));
    }
}
