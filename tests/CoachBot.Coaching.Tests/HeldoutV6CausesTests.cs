using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13 round 6: the general causes behind the sixth held-out set's misses, tried on sentences of their own.</summary>
public class HeldoutV6CausesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("the steering group meets tuesday the 1st", 2026, 12, 1)]
    [InlineData("let's say Thursday, the 3rd", 2026, 12, 3)]
    [InlineData("by friday the 4th", 2026, 12, 4)]
    public void A_weekday_with_its_date_is_that_date(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DueDateParser.Parse(text, Monday));

    [Theory]
    [InlineData("pipeline's thin so I'm blocking thursday afternoon for calls to old lost deals", 26)]
    [InlineData("it's all agreed. I'm ringing their CFO tomorrow to ask for the signature date", 24)]
    public void I_am_doing_it_on_a_day_is_a_plan(string text, int day)
    {
        var reply = CoachingEngine.Respond(CoachingState.New, text, Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, day), reply.Plan!.Due);
    }

    [Fact]
    public void I_am_doing_it_without_a_day_is_not_a_plan() =>
        Assert.Null(CommitmentReader.Find("I'm calling them a lot lately and nothing", Monday));

    [Theory]
    [InlineData("actually no, wednesday. no point waiting", 25)]
    [InlineData("hmm he's away thursday. friday then", 27)]
    public void Second_thoughts_about_the_day_update_the_plan(string restated, int day)
    {
        var turns = Conversations.Run(["I'll send Halden the two options", "thursday", restated]);

        Assert.Equal(ReplyKind.PlanUpdated, turns[^1].Reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, day), turns[^1].Reply.Plan!.Due);
    }
}
