using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13 round 5: the general causes behind the fifth held-out set's misses, tried on sentences of their own.</summary>
public class HeldoutV5CausesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("Corbel's RFP closes on the 9th. I'll have the security answers to our SE by Thursday so she can check them.", 26)]
    [InlineData("Halden said yes in September and then silence. I'll send a short \"are we still on?\" note by end of the week.", 27)]
    [InlineData("forecast review is Tuesday. I'll pull Dunmore out of commit before end of day today, it's not happening this quarter.", 23)]
    [InlineData("booking the workshop tomorrow", 24)]
    public void First_message_plans_keep_their_own_day(string text, int day)
    {
        var reply = CoachingEngine.Respond(CoachingState.New, text, Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, day), reply.Plan!.Due);
    }

    [Theory]
    [InlineData("calling them yesterday was a mistake")]
    [InlineData("sending proposals never works with them")]
    public void A_bare_ing_line_without_a_day_ahead_is_not_a_plan(string text) =>
        Assert.Null(CommitmentReader.Find(text, Monday));

    [Fact]
    public void The_day_in_the_clause_before_the_plan_answers_when()
    {
        var turns = Conversations.Run(["Dunmore's COO keeps stalling", "I'll ring him", "ok fine, Friday then, I'll try his mobile if I have to"]);

        Assert.Equal(ReplyKind.PlanConfirmed, turns[^1].Reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 27), turns[^1].Reply.Plan!.Due);
    }

    [Theory]
    [InlineData("thanks coach")]
    [InlineData("thanks for making me think")]
    [InlineData("that was useful. done for now")]
    public void Thanks_after_a_plan_or_a_wrap_up_is_a_goodbye(string text)
    {
        var turns = Conversations.Run(["I'll call Brenholt's CFO tomorrow", text]);

        Assert.Equal(TurnCategory.Closing, turns[^1].Reply.Category);
        Assert.Contains("check in on Tuesday 24 November", turns[^1].Reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("got it")]
    public void A_bare_ok_mid_arc_keeps_the_arc_going(string ok)
    {
        var turns = Conversations.Run(["Brenholt's CFO went quiet after the pilot", ok]);

        Assert.NotEqual(TurnCategory.Closing, turns[^1].Reply.Category);
        Assert.EndsWith("?", turns[^1].Reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("small win: Dunmore agreed to a pilot in two depots", RepIntentKind.Win)]
    [InlineData("Corbel renewed for two more years!", RepIntentKind.Win)]
    [InlineData("the demo went really well!!", RepIntentKind.Win)]
    [InlineData("the demo went well but IT has concerns", RepIntentKind.Other)]
    [InlineData("is the office open on Friday", RepIntentKind.OffTopic)]
    [InlineData("snow is piling up outside, anyone else snowed in", RepIntentKind.OffTopic)]
    [InlineData("between calls, Halden's CFO just said wait till Q2", RepIntentKind.TimePressure)]
    [InlineData("at the gate, quick one: Corbel wants a reference", RepIntentKind.TimePressure)]
    [InlineData("my manager signs off every quote himself and it's driving me nuts", RepIntentKind.ManagerComplaint)]
    [InlineData("my boss cut a side deal with Halden behind my back", RepIntentKind.ManagerComplaint)]
    public void Wins_off_topic_time_pressure_and_manager_complaints_in_other_words(string text, RepIntentKind expected) =>
        Assert.Equal(expected, RepIntent.Classify(text));
}
