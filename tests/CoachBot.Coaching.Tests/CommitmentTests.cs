using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13, items 1–2: commitments at any turn, with only their own dates.</summary>
public class CommitmentTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void A_first_message_that_commits_is_confirmed_at_once_for_the_right_thursday()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "My champion left. I'll email her old boss by Thursday.", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), reply.Plan!.Due);
        Assert.Equal("I'll email her old boss by Thursday.", reply.Plan.Plan);
        Assert.Equal("My champion left. I'll email her old boss by Thursday.", reply.Plan.Situation);
        Assert.EndsWith("?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commitment_after_two_i_dont_knows_is_kept_not_thrown_away()
    {
        var turns = Conversations.Run(["The pilot users aren't logging in", "I don't know", "no idea", "ok I'll message two of the pilot users tomorrow morning"]);

        var last = turns[^1].Reply;
        Assert.Equal(ReplyKind.PlanConfirmed, last.Kind);
        Assert.Equal(Monday.AddDays(1), last.Plan!.Due);
        Assert.Equal("I'll message two of the pilot users tomorrow morning", last.Plan.Plan);
    }

    [Fact]
    public void An_action_without_a_day_is_asked_for_its_day_and_a_bare_day_then_attaches_to_it()
    {
        var turns = Conversations.Run(["Legal has been sitting on the contract", "I'm going to ping their counsel directly", "Wednesday"]);

        Assert.Equal(Awaiting.DueDate, turns[1].Reply.State.AwaitingReply);
        Assert.StartsWith("d-when", turns[1].Reply.QuestionId, StringComparison.Ordinal);
        Assert.Equal(ReplyKind.PlanConfirmed, turns[2].Reply.Kind);
        Assert.Equal("I'm going to ping their counsel directly", turns[2].Reply.Plan!.Plan);
        Assert.Equal(new DateOnly(2026, 11, 25), turns[2].Reply.Plan!.Due);
    }

    [Fact]
    public void A_restated_plan_with_a_new_day_updates_the_plan_instead_of_opening_a_new_arc()
    {
        var turns = Conversations.Run(["I'll send the revised proposal to Contoso on Thursday", "actually make it Friday", "hmm, I'll send the revised proposal on Wednesday instead of Friday"]);

        var moved = turns[1].Reply;
        Assert.Equal(ReplyKind.PlanUpdated, moved.Kind);
        Assert.Equal(new DateOnly(2026, 11, 27), moved.Plan!.Due);
        Assert.Equal("I'll send the revised proposal to Contoso on Friday", moved.Plan.Plan);
        Assert.Equal(CoachingStage.Committed, moved.State.Stage);
        Assert.Equal(moved.Plan, moved.State.LastPlan);

        var restated = turns[2].Reply;
        Assert.Equal(ReplyKind.PlanUpdated, restated.Kind);
        Assert.Equal(new DateOnly(2026, 11, 25), restated.Plan!.Due);
        Assert.Equal("I'll send the revised proposal on Wednesday instead of Friday", restated.Plan.Plan);
    }

    [Theory]
    [InlineData("I'll map the manual process they run today")]
    [InlineData("We spoke on Monday and I'll send the recap we discussed")]
    [InlineData("Their renewal is in March so I'll build the expansion case")]
    [InlineData("I'll get Sam to add the renewal to the board's agenda for Friday")]
    public void Dates_that_describe_something_else_are_not_due_dates(string text)
    {
        var reply = CoachingEngine.Respond(CoachingState.New, text, Monday);

        Assert.Equal(ReplyKind.CoachingQuestion, reply.Kind);
        Assert.Equal(Awaiting.DueDate, reply.State.AwaitingReply);
        Assert.Null(reply.State.PlanDue);
    }

    [Fact]
    public void A_named_event_without_a_date_gets_a_question_for_its_day()
    {
        var turns = Conversations.Run(["I'll prep an expansion slide before the QBR", "it's on Dec 3"]);

        Assert.Equal("What day is the QBR, so I know when to check in?", turns[0].Reply.Text);
        Assert.Equal(new DateOnly(2026, 12, 3), turns[1].Reply.Plan!.Due);
    }

    [Theory]
    [InlineData("They said they'll get back to us by Friday")]
    [InlineData("The CFO will decide on Thursday")]
    [InlineData("Maybe I could ask the old champion who else cares about the project")]
    [InlineData("should I call their CFO on Friday?")]
    [InlineData("I'm going to miss my number this quarter")]
    [InlineData("I'll be out on Friday")]
    [InlineData("Will from IT said the review is done by Friday")]
    [InlineData("I'll get back to you on that tomorrow")]
    public void Statements_that_are_not_the_reps_commitment_confirm_no_plan(string text)
    {
        foreach (var turns in new[] { Conversations.Run([text]), Conversations.Run(["The deal is stuck with procurement", text]) })
            Assert.DoesNotContain(turns, t => t.Reply.Kind is ReplyKind.PlanConfirmed or ReplyKind.PlanUpdated);
    }

    [Theory]
    [InlineData("by Thursday I'll have sent the proposal", 2026, 11, 26)]
    [InlineData("I'll be calling them Friday", 2026, 11, 27)]
    [InlineData("Going to send the deck Thursday", 2026, 11, 26)]
    [InlineData("gonna ask the champion for an intro to finance thursday", 2026, 11, 26)]
    [InlineData("my plan is to book 5 meetings with new logos by next Friday", 2026, 12, 4)]
    [InlineData("I'll send them the process docs they use today by Thursday", 2026, 11, 26)]
    [InlineData("We'll send the security questionnaire back on Wednesday", 2026, 11, 25)]
    [InlineData("I'm going to rerun the whole sequence two weeks from today", 2026, 12, 7)]
    [InlineData("I'll raise the pricing question when we meet Wednesday", 2026, 11, 25)]
    [InlineData("I'll fix the month-end close slides by tomorrow", 2026, 11, 24)]
    public void First_person_future_actions_are_read_with_their_own_date(string text, int y, int m, int d)
    {
        var found = CommitmentReader.Find(text, Monday);

        Assert.NotNull(found);
        Assert.Equal(DueDateStatus.Found, found.Due.Status);
        Assert.Equal(new DateOnly(y, m, d), found.Due.Date);
    }

    [Theory]
    [InlineData("the steering meeting's Friday, so Thursday", 2026, 11, 26)]
    [InlineData("we see each other on Wednesday", 2026, 11, 25)]
    [InlineData("ok, today after lunch", 2026, 11, 23)]
    public void An_answer_to_the_day_question_is_the_day_the_rep_chose(string answer, int y, int m, int d)
    {
        var turns = Conversations.Run(["The champion went quiet", "I'll ask her boss for ten minutes"]);
        Assert.Equal(Awaiting.DueDate, turns[^1].Reply.State.AwaitingReply);

        var reply = CoachingEngine.Respond(turns[^1].Reply.State, answer, Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(y, m, d), reply.State.PlanDue);
    }
}

