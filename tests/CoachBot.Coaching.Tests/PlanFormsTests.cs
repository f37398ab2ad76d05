using System.Globalization;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>
/// Issue 13 round 10: plan forms found on sentences written before the tenth held-out set was measured (conditional
/// deadlines, "let me …", labelled next steps, getting back to a customer), and look-alikes that must stay no-plans.
/// </summary>
public class PlanFormsTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("If Harlow hasn't signed by Friday I'll escalate to their MD.", "2026-11-27")]
    [InlineData("If I don't hear back by Wednesday I will call her directly.", "2026-11-25")]
    [InlineData("Let me call them Thursday and see.", "2026-11-26")]
    [InlineData("Plan: send the ROI sheet to Anke by Wed.", "2026-11-25")]
    [InlineData("Next step from my side — demo for the plant team on the 2nd.", "2026-12-02")]
    [InlineData("I'll get back to him end of day tomorrow.", "2026-11-24")]
    public void A_dated_plan_in_these_forms_is_confirmed_in_one_turn(string text, string due) =>
        Conversations.AssertConfirmedInOneTurn(text, due);

    [Theory]
    [InlineData("Let me know what you think about their offer")]
    [InlineData("Plan: not sure yet, they went quiet")]
    [InlineData("If they sign I'll be relieved")]
    [InlineData("I'll get back to you on that")]
    [InlineData("They said they'll decide by Friday.")]
    [InlineData("Maybe I could send something on Friday, not sure.")]
    [InlineData("I'll be on leave Friday so the deal will wait.")]
    public void Look_alikes_are_not_plans(string text) =>
        Assert.Null(CommitmentReader.Find(text, Monday) is { Due.Status: DueDateStatus.Found } found ? found : null);

    [Fact]
    public void An_undated_conditional_plan_is_asked_for_its_day()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "if the buyer stays silent I'll go to their plant director", Monday);

        Assert.Equal(ReplyKind.CoachingQuestion, reply.Kind);
        Assert.Equal(Awaiting.DueDate, reply.State.AwaitingReply);
    }
}
