using Azure.Data.Tables;
using CoachBot.Delivery;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests;

/// <summary>A rep's commands end to end over HTTP and Azurite: my plans, share, field day, practice, export, forget me, follow-up.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RepCommandsTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");
    private readonly string _rep = "aad-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> SayAsync(string text)
    {
        var before = Connector.Replies(_conversation).Count;
        await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, _conversation, text, userAad: _rep));
        var replies = await Connector.WaitForRepliesAsync(_conversation, before + 1);
        Assert.True(replies.Count > before, $"no reply to “{text}”");
        return replies[^1].Text ?? "";
    }

    private async Task ReachPlanAsync()
    {
        foreach (var text in new[] { "Client ghosted me after the demo", "Two emails and a voicemail, nothing back", "A clear yes or no on the pilot", "Go through my champion, or call the CFO", "I'll call the CFO by Thursday" })
            await SayAsync(text);
        Assert.Single(await new PlanStore(Tables).ListAsync(TeamsActivities.TenantId, _rep, default));
    }

    [Fact]
    public async Task My_plans_lists_the_open_plans()
    {
        await ReachPlanAsync();

        var listing = await SayAsync("my plans");

        Assert.Contains("call the CFO by Thursday", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_marks_the_plan_shared_and_leaves_a_signal_for_the_manager_without_the_reps_other_words()
    {
        await ReachPlanAsync();

        await SayAsync("share");

        var plan = Assert.Single(await new PlanStore(Tables).ListAsync(TeamsActivities.TenantId, _rep, default));
        Assert.True(plan.SharedWithManager);
        var signals = (await new TeamSignalStore(Tables).ListAsync(TeamsActivities.TenantId, DateOnly.FromDateTime(DateTime.UtcNow), default))
            .Where(s => s.UserKey == _rep).ToList();
        Assert.Contains(signals, s => s.Kind == TeamSignal.PlanShared && s.SharedPlanText == plan.Text);
        Assert.Contains(signals, s => s.Kind == TeamSignal.TopicRaised && s.Topic == "stalled-deal" && s.SharedPlanText is null);
        Assert.DoesNotContain(signals, s => (s.SharedPlanText ?? "").Contains("voicemail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Practice_starts_a_drill_from_the_library()
    {
        var prompt = await SayAsync("practice");

        Assert.EndsWith("?", prompt.TrimEnd(), StringComparison.Ordinal);
        var state = await new CoachingStore(Tables).GetStateAsync(TeamsActivities.TenantId, _rep, _conversation, default);
        Assert.NotNull(state.State.Drill);
    }

    [Fact]
    public async Task Export_sends_the_reps_own_words_back()
    {
        await ReachPlanAsync();

        var export = await SayAsync("export");

        Assert.Contains("```json", export, StringComparison.Ordinal);
        Assert.Contains("voicemail", export, StringComparison.Ordinal);
        Assert.Contains("call the CFO by Thursday", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_me_after_confirmation_erases_every_row_of_the_rep_in_every_table()
    {
        await ReachPlanAsync();
        await SayAsync("share");
        await SayAsync("forget me");
        var partition = TableKeys.UserPartition(TeamsActivities.TenantId, _rep);
        Assert.NotEmpty(await Rows(CoachingStore.TableName, $"PartitionKey eq '{partition}'"));

        await SayAsync("yes, forget me");

        Assert.Empty(await Rows(CoachingStore.TableName, $"PartitionKey eq '{partition}'"));
        Assert.Empty(await Rows(TeamSignalStore.TableName, $"UserKey eq '{_rep}'"));
        Assert.Empty(await Rows(FollowUpIndex.TableName, $"UserKey eq '{_rep}'"));
    }

    [Fact]
    public async Task A_due_plan_is_followed_up_in_the_reps_chat_and_the_outcome_is_recorded()
    {
        await Client.PostAsync(TeamsActivities.Installed(Connector.ServiceUrl, _conversation, _rep));
        await ReachPlanAsync();
        var plan = Assert.Single(await new PlanStore(Tables).ListAsync(TeamsActivities.TenantId, _rep, default));
        var due = Assert.Single(await new FollowUpIndex(Tables).ListAsync(plan.Due, default), f => f.UserKey == _rep);
        Assert.False(due.Sent);

        var result = await App.Services.GetRequiredService<IFollowUpStarter>().StartAsync(TeamsActivities.TenantId, _rep, plan.PlanId, default);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        var question = Connector.Replies(_conversation)[^1].Text!;
        Assert.Contains("CFO", question, StringComparison.Ordinal);
        Assert.EndsWith("?", question, StringComparison.Ordinal);
        Assert.True(Assert.Single(await new FollowUpIndex(Tables).ListAsync(plan.Due, default), f => f.UserKey == _rep).Sent);

        var reflective = await SayAsync("Done, I called her and she wants a proposal by Friday");

        Assert.EndsWith("?", reflective, StringComparison.Ordinal);
        var followed = await new PlanStore(Tables).GetAsync(TeamsActivities.TenantId, _rep, plan.PlanId, default);
        Assert.Equal("Done", followed!.Outcome);
        Assert.Contains("proposal", followed.OutcomeNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_check_ins_keeps_a_due_plan_from_being_followed_up_until_start_check_ins()
    {
        await Client.PostAsync(TeamsActivities.Installed(Connector.ServiceUrl, _conversation, _rep));
        await ReachPlanAsync();
        var plan = Assert.Single(await new PlanStore(Tables).ListAsync(TeamsActivities.TenantId, _rep, default));
        var starter = App.Services.GetRequiredService<IFollowUpStarter>();

        Assert.Contains("start check-ins", await SayAsync("stop check-ins"), StringComparison.Ordinal);
        var sentBefore = Connector.Replies(_conversation).Count;
        var skipped = await starter.StartAsync(TeamsActivities.TenantId, _rep, plan.PlanId, default);

        Assert.Equal(ProactiveOutcome.NothingToSend, skipped.Outcome);
        Assert.Equal(sentBefore, Connector.Replies(_conversation).Count);
        var state = await new CoachingStore(Tables).GetStateAsync(TeamsActivities.TenantId, _rep, _conversation, default);
        Assert.True(state.State.CheckInsOff);
        Assert.Null(state.State.FollowUp);

        await SayAsync("start check-ins");
        var sent = await starter.StartAsync(TeamsActivities.TenantId, _rep, plan.PlanId, default);

        Assert.Equal(ProactiveOutcome.Sent, sent.Outcome);
        Assert.Contains("CFO", Connector.Replies(_conversation)[^1].Text!, StringComparison.Ordinal);
    }

    private async Task<List<TableEntity>> Rows(string table, string filter)
    {
        var client = Tables.GetTableClient(table);
        await client.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var e in client.QueryAsync<TableEntity>(filter)) rows.Add(e);
        return rows;
    }
}
