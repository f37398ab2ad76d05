using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Plans;

namespace CoachBot.IntegrationTests;

/// <summary>From a dated plan to its card, and the card's buttons over real HTTP: Universal Actions and Action.Submit.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanCardFlowTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");
    private readonly string _rep = "aad-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<(string PlanId, JsonElement Card)> ReachPlanAsync()
    {
        string[] rep = ["Client ghosted me after the demo", "Two emails and a voicemail", "A clear yes or no", "Go through my champion", "I'll call the CFO by Thursday"];
        string lastId = "";
        foreach (var text in rep)
        {
            var activity = TeamsActivities.Message(Connector.ServiceUrl, _conversation, text, userAad: _rep);
            lastId = activity["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(activity)).StatusCode);
        }
        var reply = Connector.Replies(_conversation)[^1];
        var attachment = reply.Body!.Value.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        return (lastId, attachment.GetProperty("content"));
    }

    private static JsonObject Invoke(string serviceUrl, string conversation, string user, string verb, string planId, JsonObject? inputs = null)
    {
        var data = new JsonObject { ["verb"] = verb, ["planId"] = planId };
        foreach (var (k, v) in inputs ?? []) data[k] = v?.DeepClone();
        return TeamsActivities.CardAction(serviceUrl, conversation, verb, data, userAad: user);
    }

    [Fact]
    public async Task A_dated_plan_is_stored_and_confirmed_with_a_card()
    {
        var (planId, card) = await ReachPlanAsync();

        Assert.Contains("call the CFO by Thursday", card.GetRawText(), StringComparison.Ordinal);
        var titles = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Share with my manager", "Ask for a field day", "Change"], titles);
        var plan = await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, planId, default);
        Assert.NotNull(plan);
        Assert.False(plan.SharedWithManager);
        Assert.Equal(DayOfWeek.Thursday, plan.Due.DayOfWeek);
    }

    [Fact]
    public async Task Share_is_answered_in_the_invoke_response_with_the_refreshed_card()
    {
        var (planId, _) = await ReachPlanAsync();

        var response = await Client.PostAsJsonAsync("/api/messages", Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.share", planId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        var card = body.RootElement.GetProperty("value");
        Assert.Contains("You and your manager", card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("title").GetString() == "Share with my manager");
        var plan = await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, planId, default);
        Assert.True(plan!.SharedWithManager);
    }

    [Fact]
    public async Task A_universal_action_also_edits_the_card_message_so_the_new_state_survives_a_reload()
    {
        var (planId, _) = await ReachPlanAsync();
        var click = Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.share", planId);
        click["replyToId"] = "card-message-7";

        var response = await Client.PostAsJsonAsync("/api/messages", click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var put = Assert.Single(Connector.Calls, c => c.Method == "PUT");
        Assert.EndsWith("/activities/card-message-7", put.Path, StringComparison.Ordinal);
        var stored = put.Body!.Value.GetProperty("attachments")[0].GetProperty("content");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(body.RootElement.GetProperty("value").GetRawText(), stored.GetRawText());
        Assert.Contains("You and your manager", stored.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_card_edit_does_not_fail_the_click()
    {
        var (planId, _) = await ReachPlanAsync();
        var click = Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.share", planId);
        click["replyToId"] = "card-message-8";
        Connector.FailNext(HttpStatusCode.InternalServerError, 1);

        var response = await Client.PostAsJsonAsync("/api/messages", click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Contains("You and your manager", body.RootElement.GetProperty("value").GetRawText(), StringComparison.Ordinal);
        Assert.Single(Connector.Calls, c => c.Method == "PUT" && !c.Succeeded);
        Assert.True((await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, planId, default))!.SharedWithManager);
    }

    [Fact]
    public async Task A_refused_click_leaves_the_card_message_alone()
    {
        var (planId, _) = await ReachPlanAsync();
        var click = Invoke(Connector.ServiceUrl, _conversation, "aad-intruder", "plan.share", planId);
        click["replyToId"] = "card-message-9";

        await Client.PostAsJsonAsync("/api/messages", click);

        Assert.DoesNotContain(Connector.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task Change_then_save_updates_the_plan_text_and_date()
    {
        var (planId, _) = await ReachPlanAsync();

        var editor = await Client.PostAsJsonAsync("/api/messages", Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.change", planId));
        Assert.Contains("planText", await editor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var save = await Client.PostAsJsonAsync("/api/messages", Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.save", planId,
            new JsonObject { ["planText"] = "Meet the CFO in person", ["planDue"] = "2026-12-04" }));

        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        var plan = await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, planId, default);
        Assert.Equal("Meet the CFO in person", plan!.Text);
        Assert.Equal(new DateOnly(2026, 12, 4), plan.Due);
    }

    [Fact]
    public async Task Saving_a_bad_date_gets_an_error_response_and_changes_nothing()
    {
        var (planId, _) = await ReachPlanAsync();

        var save = await Client.PostAsJsonAsync("/api/messages", Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.save", planId,
            new JsonObject { ["planText"] = "x", ["planDue"] = "next-ish" }));

        // Universal Actions: HTTP 200, the refusal in the body, so Teams shows its message on the card.
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        using var body = JsonDocument.Parse(await save.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("BadDate", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        var plan = await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, planId, default);
        Assert.Equal("I'll call the CFO by Thursday", plan!.Text);
    }

    [Fact]
    public async Task Another_user_cannot_act_on_a_plan_by_its_id()
    {
        var (planId, _) = await ReachPlanAsync();

        var response = await Client.PostAsJsonAsync("/api/messages", Invoke(Connector.ServiceUrl, _conversation, "aad-intruder", "plan.share", planId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("PlanNotFound", body.RootElement.GetProperty("value").GetProperty("code").GetString());
        var plan = await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, planId, default);
        Assert.False(plan!.SharedWithManager);
    }

    [Fact]
    public async Task A_legacy_submit_updates_the_card_message_through_the_Connector()
    {
        var (planId, _) = await ReachPlanAsync();
        var submit = TeamsActivities.Message(Connector.ServiceUrl, _conversation, "", userAad: _rep);
        submit.Remove("text");
        submit["replyToId"] = "card-message-1";
        submit["value"] = new JsonObject { ["verb"] = "plan.fieldDay", ["planId"] = planId };

        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(submit)).StatusCode);

        var put = Assert.Single(Connector.Calls, c => c.Method == "PUT");
        Assert.EndsWith("/activities/card-message-1", put.Path, StringComparison.Ordinal);
        Assert.Contains("Field day requested", put.Body!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_button_is_refused_in_a_200_universal_action_answer()
    {
        var (planId, _) = await ReachPlanAsync();

        var response = await Client.PostAsJsonAsync("/api/messages", Invoke(Connector.ServiceUrl, _conversation, _rep, "plan.explode", planId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("UnknownAction", body.RootElement.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_invoke_is_answered_501()
    {
        var a = TeamsActivities.Message(Connector.ServiceUrl, _conversation, "", userAad: _rep);
        a["type"] = "invoke";
        a["name"] = "composeExtension/query";

        var response = await Client.PostAsync(a);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
