using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13 round 2: the general causes behind the heldout-v2 misses, tried on sentences of their own.</summary>
public class CommitmentRoundTwoTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void A_day_that_opens_the_plans_own_clause_is_its_due_date()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "Halden stopped replying after the pilot, Thursday I'm going to ring their COO", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), reply.Plan!.Due);
        Assert.StartsWith("Thursday I'm going to ring", reply.Plan.Plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("let's make it Thursday, Friday is too late", 26)]
    [InlineData("honestly I can go quicker, I'll get it done by Wednesday", 25)]
    public void A_restatement_naming_only_the_new_day_updates_the_plan(string restated, int day)
    {
        var turns = Conversations.Run(["I'll send Halden the revised proposal on Friday", "the pricing table is what worries me", restated]);

        var last = turns[^1].Reply;
        Assert.Equal(ReplyKind.PlanUpdated, last.Kind);
        Assert.Equal(new DateOnly(2026, 11, day), last.Plan!.Due);
        Assert.Contains("proposal", last.Plan.Plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("should I ring him on Thursday if the pilot data isn't in?")]
    [InlineData("I'll need the security sign-off by Friday for this to land")]
    public void A_question_or_a_need_is_never_a_plan(string text)
    {
        var turns = Conversations.Run(["Halden's sponsor said \"send it and we'll look\" last week", text]);

        Assert.All(turns, t => Assert.Null(t.Reply.Plan));
        Assert.NotEqual(ReplyKind.PlanConfirmed, turns[^1].Reply.Kind);
        Assert.EndsWith("?", turns[^1].Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_about_the_reps_wellbeing_is_a_plan_not_off_topic()
    {
        var turns = Conversations.Run(["I'm worn down by this quarter", "I'll go for a long walk at lunch tomorrow and leave the laptop at home"]);

        var last = turns[^1].Reply;
        Assert.Equal(ReplyKind.PlanConfirmed, last.Kind);
        Assert.Equal(Monday.AddDays(1), last.Plan!.Due);
    }

    [Fact]
    public void Starting_with_todays_work_is_due_today()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "I'll log notes in the CRM after every meeting, starting with today's two demos", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(Monday, reply.Plan!.Due);
    }

    [Fact]
    public void A_win_announced_with_a_plan_is_congratulated_and_the_plan_confirmed()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "🎉 Halden signed the renewal! I'll book the onboarding call with their admins on Thursday", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(TurnCategory.Win, reply.Category);
        Assert.StartsWith("Congratulations", reply.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 26), reply.Plan!.Due);
    }

    [Fact]
    public void A_name_before_the_noun_stays_in_the_key_phrase() =>
        Assert.Equal("the Tollgate Freight contract", SubjectPhrase.Find("the Tollgate Freight contract is stuck"));

    [Theory]
    [InlineData("alright cool, bye")]
    [InlineData("right. that's it, bye")]
    [InlineData("ok, that's everything")]
    public void Short_closings_are_goodbyes(string text) => Assert.Equal(RepIntentKind.Closing, RepIntent.Classify(text));
}
