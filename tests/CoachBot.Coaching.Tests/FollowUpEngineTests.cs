using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.FollowUp;

namespace CoachBot.Coaching.Tests;

public class FollowUpEngineTests
{
    private static readonly DateOnly Thursday = new(2026, 11, 26);

    private static Commitment Plan(string text) => new(text, Thursday, "stakeholders", "my champion left", "meet the CFO", Thursday.AddDays(-3));

    [Theory]
    [InlineData("I'll call the CFO by Thursday", "How did the call with the CFO go?")]
    [InlineData("I will email my champion tomorrow", "How did the email to your champion go?")]
    [InlineData("I'm going to send the revised proposal on Friday", "How did sending the revised proposal go?")]
    [InlineData("meet with the buying committee next week", "How did the meeting with the buying committee go?")]
    [InlineData("Talk to procurement about the terms", "How did the conversation with procurement about the terms go?")]
    [InlineData("I'll prepare my demo and book a dry run by Monday", "How did preparing your demo and booking a dry run go?")]
    [InlineData("Ask my manager for the pricing approval", "How did asking your manager for the pricing approval go?")]
    [InlineData("set up a call with IT", "How did setting up a call with IT go?")]
    [InlineData("CFO, Thursday", "How did it go with your plan “CFO, Thursday”?")]
    public void The_opening_question_comes_from_the_plan_text(string plan, string expected)
    {
        var q = FollowUpEngine.OpeningQuestion(plan);
        Assert.Equal(expected, q);
        Assert.True(AnswerGuard.IsCoachingSafe(q));
    }

    [Theory]
    [InlineData("Done! The CFO agreed to a pilot", FollowUpOutcome.Done)]
    [InlineData("yes, went well", FollowUpOutcome.Done)]
    [InlineData("We had the call and she wants a proposal", FollowUpOutcome.Done)]
    [InlineData("Partly, I got the meeting but not with the CFO", FollowUpOutcome.Partly)]
    [InlineData("I left a voicemail", FollowUpOutcome.Partly)]
    [InlineData("sent the email but no answer yet", FollowUpOutcome.Partly)]
    [InlineData("not yet", FollowUpOutcome.NotYet)]
    [InlineData("No, I didn't get to it", FollowUpOutcome.NotYet)]
    [InlineData("I forgot", FollowUpOutcome.NotYet)]
    [InlineData("too busy this week", FollowUpOutcome.NotYet)]
    [InlineData("hmm", FollowUpOutcome.Unclear)]
    [InlineData("", FollowUpOutcome.Unclear)]
    public void Replies_are_classified_done_partly_or_not_yet(string text, FollowUpOutcome expected) =>
        Assert.Equal(expected, FollowUpEngine.Classify(text));

    [Fact]
    public void A_done_follow_up_records_the_outcome_asks_one_reflective_question_and_then_closes()
    {
        var start = FollowUpEngine.Start(CoachingState.New, Plan("I'll call the CFO by Thursday"));
        Assert.Equal(ReplyKind.FollowUpQuestion, start.Kind);
        Assert.Equal("How did the call with the CFO go?", start.Text);

        var recorded = CoachingEngine.Respond(start.State, "Done, she agreed to a pilot in January", Thursday);
        Assert.Equal(ReplyKind.FollowUpRecorded, recorded.Kind);
        Assert.Equal(FollowUpOutcome.Done, recorded.FollowUp!.Outcome);
        Assert.Equal("Done, she agreed to a pilot in January", recorded.FollowUp.Learned);
        Assert.Equal(1, recorded.Text.Count(c => c == '?'));
        Assert.True(AnswerGuard.IsCoachingSafe(recorded.Text));

        var reflected = CoachingEngine.Respond(recorded.State, "Asking for the meeting directly worked", Thursday);
        Assert.Equal(ReplyKind.FollowUpReflected, reflected.Kind);
        Assert.Equal("Asking for the meeting directly worked", reflected.FollowUp!.Reflection);
        Assert.Null(reflected.State.FollowUp);
        Assert.True(AnswerGuard.IsCoachingSafe(reflected.Text));
    }

    [Fact]
    public void A_not_yet_follow_up_asks_what_got_in_the_way_then_for_a_new_commitment()
    {
        var start = FollowUpEngine.Start(CoachingState.New, Plan("I'll call the CFO by Thursday"));
        var recorded = CoachingEngine.Respond(start.State, "not yet, got pulled into a renewal", Thursday);
        Assert.Equal(FollowUpOutcome.NotYet, recorded.FollowUp!.Outcome);
        Assert.Equal(1, recorded.Text.Count(c => c == '?'));

        var reflected = CoachingEngine.Respond(recorded.State, "I kept putting it off", Thursday);
        Assert.Equal(CoachingStage.Will, reflected.State.Stage);

        var plan = CoachingEngine.Respond(reflected.State, "I'll call her first thing tomorrow", Thursday);
        Assert.Equal(ReplyKind.PlanConfirmed, plan.Kind);
        Assert.Equal(Thursday.AddDays(1), plan.Plan!.Due);
    }

    [Fact]
    public void An_unclear_reply_gets_one_clarifying_question_then_counts_as_partly()
    {
        var start = FollowUpEngine.Start(CoachingState.New, Plan("I'll call the CFO by Thursday"));
        var clarify = CoachingEngine.Respond(start.State, "hmm", Thursday);
        Assert.Equal(ReplyKind.FollowUpQuestion, clarify.Kind);
        var recorded = CoachingEngine.Respond(clarify.State, "meh", Thursday);
        Assert.Equal(FollowUpOutcome.Partly, recorded.FollowUp!.Outcome);
    }
}
