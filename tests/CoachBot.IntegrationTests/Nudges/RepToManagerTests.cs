using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Plans;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>
/// What a rep does for their manager reaches the manager: Diego (a rep on Maya's team in the sample organisation)
/// states a plan, shares it and asks for a field day from the plan card, and Maya's next nudge shows both, once,
/// whether he clicked (Universal Action or legacy Action.Submit), clicked twice, or also typed the command.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RepToManagerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PlanText = "I'll call the CFO by Thursday";
    private NudgeWorld _world = null!;
    private BotApp _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        _app = _world.StartApp();
        _client = _app.CreateHttpClient();
        await _world.InstallAsync(_app, NudgeWorld.Maya);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _world.DisposeAsync();
    }

    private JsonObject DiegoSays(string text) => _world.Message(NudgeWorld.Diego, text);

    private async Task<(string PlanId, JsonElement Card)> StatePlanAsync()
    {
        string[] turns = ["Client ghosted me after the demo", "Two emails and a voicemail", "A clear yes or no", "Go through my champion", PlanText];
        var last = "";
        foreach (var text in turns)
        {
            var activity = DiegoSays(text);
            last = activity["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(activity)).StatusCode);
        }
        var reply = _world.Connector.Replies(NudgeWorld.ConversationOf(NudgeWorld.Diego))[^1];
        return (last, reply.Body!.Value.GetProperty("attachments")[0].GetProperty("content"));
    }

    private async Task<string> MayasCardTextAsync()
    {
        (await _world.RunAsync(_app, NudgeWorld.Maya, force: true)).EnsureSuccessStatusCode();
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        return NudgeWorld.AllText(NudgeWorld.CardOf(_world.Cards(NudgeWorld.Maya)[^1]));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task A_plan_shared_and_a_field_day_asked_for_from_the_card_reach_the_managers_nudge_once()
    {
        var (planId, card) = await StatePlanAsync();
        var share = NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == "plan.share");
        await _world.ClickAsync(_app, NudgeWorld.Diego, share);
        await _world.ClickAsync(_app, NudgeWorld.Diego, share); // a double click changes nothing

        // The field-day button as a legacy Action.Submit (older clients): a message carrying the button's data.
        var submit = DiegoSays("");
        submit.Remove("text");
        submit["replyToId"] = "card-message-1";
        submit["value"] = new JsonObject { ["verb"] = "plan.fieldDay", ["planId"] = planId };
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(submit)).StatusCode);
        // And the typed command for the same plan: the same path, so still one entry.
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync(DiegoSays("share"))).StatusCode);

        var text = await MayasCardTextAsync();
        Assert.Equal(1, Count(text, $"shared a plan: {PlanText}"));
        Assert.Contains("Asked for field time: Diego", text, StringComparison.Ordinal);
        Assert.Equal(1, Count(text, "Asked for field time"));
    }

    [Fact]
    public async Task Changing_a_shared_plan_updates_the_managers_copy_and_moves_its_follow_up()
    {
        var (planId, card) = await StatePlanAsync();
        await _world.ClickAsync(_app, NudgeWorld.Diego, NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == "plan.share"));
        var plans = new PlanStore(new TableServiceClient(azurite.ConnectionString));
        var before = (await plans.GetAsync(_world.TenantId, NudgeWorld.Diego, planId, default))!;

        var newDue = before.Due.AddDays(7);
        var editor = await _world.ClickAsync(_app, NudgeWorld.Diego, NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == "plan.change"));
        var save = NudgeWorld.Actions(editor).First(a => a.GetProperty("verb").GetString() == "plan.save");
        await _world.ClickAsync(_app, NudgeWorld.Diego, save, new JsonObject { ["planText"] = "Call the CFO and the COO", ["planDue"] = newDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        var followUps = new FollowUpIndex(new TableServiceClient(azurite.ConnectionString));
        Assert.DoesNotContain(await followUps.ListAsync(before.Due, default), f => f.PlanId == planId && f.TenantId == _world.TenantId);
        Assert.Contains(await followUps.ListAsync(newDue, default), f => f.PlanId == planId && f.TenantId == _world.TenantId && !f.Sent);

        var text = await MayasCardTextAsync();
        Assert.Contains("shared a plan: Call the CFO and the COO", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"shared a plan: {PlanText}", text, StringComparison.Ordinal);
    }
}
