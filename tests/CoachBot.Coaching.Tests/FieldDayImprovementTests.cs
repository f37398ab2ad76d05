using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.Tests;

/// <summary>Coaching on a manager's improvement point after a field day ends, like any arc, in the rep's own dated plan.</summary>
public class FieldDayImprovementTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void The_arc_opens_at_reality_with_a_question_on_the_improvement_and_keeps_drill_progress()
    {
        var before = CoachingState.New with { CheckInsOff = true, Stage = CoachingStage.Options, Topic = "demo", AskedQuestionIds = ["r1"] };

        var reply = CoachingEngine.StartOnImprovement(before, "Ask a second question before pitching", "discovery");

        Assert.Equal(ReplyKind.CoachingQuestion, reply.Kind);
        Assert.EndsWith("?", reply.Text, StringComparison.Ordinal);
        Assert.Equal(CoachingEngine.ImprovementQuestionId, reply.QuestionId);
        Assert.Equal(CoachingStage.Reality, reply.State.Stage);
        Assert.Equal("discovery", reply.State.Topic);
        Assert.Equal("Ask a second question before pitching", reply.State.Situation);
        Assert.True(reply.State.CheckInsOff);
        Assert.Equal([CoachingEngine.ImprovementQuestionId], reply.State.AskedQuestionIds);
    }

    [Fact]
    public void The_rep_answers_the_questions_and_ends_with_their_own_dated_plan()
    {
        var reply = CoachingEngine.StartOnImprovement(CoachingState.New, "Ask a second question before pitching", "discovery");
        string[] answers =
        [
            "On the Contoso call I jumped to the demo after their first answer",
            "I want to understand their real pain before I show anything",
            "I could prepare three follow-up questions for each call",
            "I will write three follow-up questions for every call by Friday",
        ];

        foreach (var answer in answers)
        {
            if (reply.Kind == ReplyKind.PlanConfirmed) break;
            reply = CoachingEngine.Respond(reply.State, answer, Today);
        }

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 3, 13), reply.Plan!.Due);
        Assert.Equal("discovery", reply.Plan.TopicId);
    }
}
