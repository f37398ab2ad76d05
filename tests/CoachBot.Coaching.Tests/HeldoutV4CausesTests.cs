using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13 round 4: the general causes behind the fourth held-out set's misses, tried on sentences of their own.</summary>
public class HeldoutV4CausesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Sending_the_agenda_on_a_day_is_the_reps_own_day_while_a_meetings_agenda_day_is_not()
    {
        var send = CoachingEngine.Respond(CoachingState.New, "I'll send him the agenda on Thursday", Monday);
        var slot = CommitmentReader.Find("I'll ask her to put us on the board's agenda for Thursday", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, send.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), send.Plan!.Due);
        Assert.NotEqual(DueDateStatus.Found, slot!.Due.Status);
    }

    [Theory]
    [InlineData("thanks, that's all for today")]
    [InlineData("ok, done for now")]
    public void A_goodbye_while_the_day_is_awaited_is_a_goodbye_not_the_day(string goodbye)
    {
        var turns = Conversations.Run(["Our sponsor at Brenholt went quiet after the workshop", "I'll ask their COO for a call", goodbye]);

        Assert.Null(turns[^1].Reply.Plan);
        Assert.Equal(TurnCategory.Closing, turns[^1].Reply.Category);
    }

    [Theory]
    [InlineData("make that Wednesday", 25)]
    [InlineData("legal needs another day, move that to Thursday", 26)]
    public void Make_that_or_move_that_a_day_updates_the_plan(string restated, int day)
    {
        var turns = Conversations.Run(["I'll call Brenholt's CFO tomorrow", restated]);

        Assert.Equal(ReplyKind.PlanUpdated, turns[^1].Reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, day), turns[^1].Reply.Plan!.Due);
    }

    [Theory]
    [InlineData("got it. thanks, that's all", RepIntentKind.Closing)]
    [InlineData("sounds good, that's it for now", RepIntentKind.Closing)]
    [InlineData("booked a call with the head of ops!", RepIntentKind.Win)]
    [InlineData("smashed 120% of my quota this month", RepIntentKind.Win)]
    [InlineData("got a call with procurement tomorrow, they'll push on price", RepIntentKind.Other)]
    [InlineData("@CoachBot fried. haven't slept in days", RepIntentKind.Distress)]
    [InlineData("I feel like a failure after that demo", RepIntentKind.Distress)]
    [InlineData("meeting with Orsted's VP in 10 min, any angle", RepIntentKind.TimePressure)]
    [InlineData("my boss reassigned two of my accounts without even asking", RepIntentKind.ManagerComplaint)]
    [InlineData("my manager wants every deal in commit so his numbers look good", RepIntentKind.ManagerComplaint)]
    [InlineData("how do I blur my background on a call", RepIntentKind.OffTopic)]
    [InlineData("my headset keeps cutting out", RepIntentKind.OffTopic)]
    public void Goodbyes_wins_distress_time_pressure_manager_complaints_and_it_help_are_read_as_such(string text, RepIntentKind expected) =>
        Assert.Equal(expected, RepIntent.Classify(text));

    [Fact]
    public void Never_mind_after_an_off_topic_question_settles_it_without_coaching_it()
    {
        var turns = Conversations.Run(["how do I change the Teams background", "nvm, figured it out"]);

        Assert.Equal(TurnCategory.OffTopic, turns[^1].Reply.Category);
        Assert.StartsWith("Glad that's sorted.", turns[^1].Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_week_is_a_time_not_the_subject()
    {
        Assert.Null(SubjectPhrase.Find("quick update on Brenholt from last week"));
        Assert.Equal("the CFO", SubjectPhrase.Find("The CFO at Brenholt went quiet last week"));
    }
}
