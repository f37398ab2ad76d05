using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13 round 7: the general causes behind the seventh held-out set's misses, tried on sentences of their own.</summary>
public class HeldoutV7CausesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("I'll send Halden the pilot plan with a go-live date of Jan 12")]
    [InlineData("I'll email Corbel asking to push the workshop to next month")]
    public void A_date_the_plan_is_about_is_not_its_due_day(string text) =>
        Assert.NotEqual(DueDateStatus.Found, CommitmentReader.Find(text, Monday)!.Due.Status);

    [Fact]
    public void The_plans_own_day_wins_over_the_day_it_asks_to_move_something_to()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "I'll ring Dunmore on Wednesday asking to move the review to next month", Monday);

        Assert.Equal(new DateOnly(2026, 11, 25), reply.Plan!.Due);
    }

    [Fact]
    public void A_day_before_i_am_asking_is_the_plans_day()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "Only one contact at Corbel. Thursday I'm asking him to bring his CFO next time.", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), reply.Plan!.Due);
    }

    [Fact]
    public void Sometime_next_week_gets_asked_for_a_day_and_a_bare_ordinal_answers_it()
    {
        var turns = Conversations.Run(["Halden's buyer is swamped", "I'll ask her for a short call", "sometime next week", "the 3rd"]);

        Assert.Null(turns[2].Reply.Plan);
        Assert.EndsWith("?", turns[2].Reply.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 3), turns[3].Reply.Plan!.Due);
    }

    [Fact]
    public void Second_thoughts_with_a_long_reason_still_move_the_day()
    {
        var turns = Conversations.Run(["I'll call Halden's ops lead next Monday",
            "hmm actually I can see the ops lead at Thursday's plant tour anyway, so Thursday"]);

        Assert.Equal(ReplyKind.PlanUpdated, turns[^1].Reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), turns[^1].Reply.Plan!.Due);
    }
}
