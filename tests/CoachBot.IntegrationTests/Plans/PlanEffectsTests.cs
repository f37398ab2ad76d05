using Azure.Data.Tables;
using CoachBot.Coaching;
using CoachBot.Coaching.Dialogue;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Plans;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using Microsoft.Extensions.Time.Testing;

namespace CoachBot.IntegrationTests.Plans;

/// <summary>
/// The host's typed plan effects (<see cref="PlanEffects"/>) on their own, against Azurite: what a confirmed, restated,
/// shared or listed plan writes, and that running a turn's effects twice (a redelivery, a rerun after a crash) writes
/// nothing twice. The same paths are also covered end to end over <c>POST /api/messages</c> (RepCommandsTests).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanEffectsTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private readonly RepIdentity _rep = new("tenant-fx-" + Guid.NewGuid().ToString("N")[..8], "aad-rep-fx", "29:rep-fx", "aad-rep-fx");

    private TableServiceClient Service => new(azurite.ConnectionString);
    private PlanStore Plans => new(Service);
    private FollowUpIndex FollowUps => new(Service);
    private TeamSignalStore Signals => new(Service);

    private PlanEffects Effects() =>
        new(Plans, new PlanActions(Plans, Signals, FollowUps, new FakeTimeProvider(Now)), Signals, FollowUps);

    private static TurnFacts Turn(string activityId) => new(activityId, Today, Now, "Europe/Berlin", "a:conv-fx");

    private static CoachingReply Reply(ReplyKind kind, Commitment? plan) => new("text", kind, null, CoachingState.New) { Plan = plan };

    private async Task<PlanRecord> StoredPlanAsync(string planId, DateOnly due)
    {
        var plan = new PlanRecord(_rep.TenantId, _rep.UserKey, planId, "a:conv-fx", "stalled-deal", "I'll call Ana on Thursday", due, Now);
        await Plans.UpdateAsync(plan, default);
        await FollowUps.ScheduleAsync(new FollowUpDue(_rep.TenantId, _rep.UserKey, planId, due, "Europe/Berlin", Sent: false), default);
        return plan;
    }

    private async Task<List<FollowUpDue>> FollowUpsOfRepAsync(params DateOnly[] days)
    {
        var all = new List<FollowUpDue>();
        foreach (var day in days) all.AddRange((await FollowUps.ListAsync(day, default)).Where(f => f.TenantId == _rep.TenantId));
        return all;
    }

    [Fact]
    public async Task A_confirmed_plan_schedules_one_follow_up_on_its_day_however_often_the_turn_runs()
    {
        var due = new DateOnly(2026, 11, 26);
        var confirmed = Reply(ReplyKind.PlanConfirmed, new Commitment("I'll call Ana on Thursday", due, "stalled-deal", null, null, Today));

        for (var run = 0; run < 2; run++) Assert.Equal("text", await Effects().TryApplyAsync(confirmed, CoachingState.New, _rep, Turn("act-1"), default));

        var followUp = Assert.Single(await FollowUpsOfRepAsync(due));
        Assert.Equal(("act-1", "Europe/Berlin", false), (followUp.PlanId, followUp.TimeZoneId, followUp.Sent));
    }

    [Fact]
    public async Task A_restated_plan_changes_the_same_row_and_moves_its_follow_up_once()
    {
        var (thursday, friday) = (new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 27));
        await StoredPlanAsync("act-plan", thursday);
        var before = CoachingState.New with { PlanId = "act-plan" };
        var restated = Reply(ReplyKind.PlanUpdated, new Commitment("I'll call Ana on Friday", friday, "stalled-deal", null, null, Today));

        for (var run = 0; run < 2; run++) await Effects().TryApplyAsync(restated, before, _rep, Turn("act-restated"), default);

        var plan = Assert.Single(await Plans.ListAsync(_rep.TenantId, _rep.UserKey, default));
        Assert.Equal(("act-plan", "I'll call Ana on Friday", friday), (plan.PlanId, plan.Text, plan.Due));
        var followUp = Assert.Single(await FollowUpsOfRepAsync(thursday, friday));
        Assert.Equal(friday, followUp.Due);
    }

    [Fact]
    public async Task Share_marks_the_stored_plan_and_records_one_signal_for_the_manager()
    {
        var due = new DateOnly(2026, 11, 26);
        await StoredPlanAsync("act-share", due);
        var share = Reply(ReplyKind.ShareWithManager, new Commitment("I'll call Ana on Thursday", due, "stalled-deal", null, null, Today));

        for (var run = 0; run < 2; run++) await Effects().TryApplyAsync(share, CoachingState.New, _rep, Turn("act-share-cmd"), default);

        Assert.True(Assert.Single(await Plans.ListAsync(_rep.TenantId, _rep.UserKey, default)).SharedWithManager);
        var signal = Assert.Single(await Signals.ListAsync(_rep.TenantId, Today, default));
        Assert.Equal((TeamSignal.PlanShared, "act-share", "I'll call Ana on Thursday"), (signal.Kind, signal.Id, signal.SharedPlanText));
    }

    [Fact]
    public async Task My_plans_with_no_open_plan_answers_only_that_there_is_none()
    {
        var text = await Effects().TryApplyAsync(new CoachingReply("Here are your plans:", ReplyKind.ListPlans, null, CoachingState.New), CoachingState.New, _rep, Turn("act-list"), default);

        Assert.NotNull(text);
        Assert.DoesNotContain("Here are your plans", text, StringComparison.Ordinal);
        Assert.StartsWith("You have no open plans", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_that_is_not_about_a_plan_has_no_plan_effect()
    {
        var text = await Effects().TryApplyAsync(new CoachingReply("What have you tried?", ReplyKind.CoachingQuestion, "r1", CoachingState.New), CoachingState.New, _rep, Turn("act-q"), default);

        Assert.Null(text);
        Assert.Empty(await Plans.ListAsync(_rep.TenantId, _rep.UserKey, default));
    }
}
