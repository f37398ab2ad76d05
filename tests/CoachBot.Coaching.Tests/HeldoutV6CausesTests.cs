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

/// <summary>Round 6 categories: goodbyes, wins, off-topic and manager complaints in the sixth set's styles, in sentences of their own.</summary>
public class HeldoutV6CategoryTests
{
    [Theory]
    [InlineData("Halden's CFO went quiet after the pilot", "ok thanks!")]
    [InlineData("Halden's CFO went quiet after the pilot", "👍")]
    [InlineData("Halden's CFO went quiet after the pilot", "ok gtg")]
    [InlineData("Halden's CFO went quiet after the pilot", "haha ok back to work")]
    [InlineData("I'll call Halden's CFO tomorrow", "ta")]
    [InlineData("I'll call Halden's CFO tomorrow", "🙏")]
    public void Thanks_thumbs_and_gotta_go_are_goodbyes(string first, string bye)
    {
        var turns = Conversations.Run([first, bye]);

        Assert.Equal(TurnCategory.Closing, turns[^1].Reply.Category);
    }

    [Theory]
    [InlineData("verbal yes from Dunmore!!! they're going with us", RepIntentKind.Win)]
    [InlineData("booked a call with Corbel's new COO!! the referral worked", RepIntentKind.Win)]
    [InlineData("how do I file expenses for the conference", RepIntentKind.OffTopic)]
    [InlineData("happy friday 😅", RepIntentKind.OffTopic)]
    [InlineData("i'm done. cried after the Halden call", RepIntentKind.Distress)]
    [InlineData("my manager moved my accounts AGAIN", RepIntentKind.ManagerComplaint)]
    [InlineData("my boss called my pipeline a joke in front of the whole team", RepIntentKind.ManagerComplaint)]
    public void Wins_off_topic_distress_and_manager_complaints_in_the_sixth_sets_styles(string text, RepIntentKind expected) =>
        Assert.Equal(expected, RepIntent.Classify(text));
}
