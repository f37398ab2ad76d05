using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Drills;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Tests.Corpus;

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

    [Fact]
    public void Practice_after_the_debrief_starts_the_drill_for_that_skill_once_then_the_usual_order()
    {
        var library = DrillLibraryParser.Parse(CorpusFiles.Read("drills.json")).Library!;
        var drill = FieldDaySkills.DrillFor(FieldDaySkills.Find("discovery")!, library)!;
        // The library's first card is not the skill's: without the suggestion "practice" would start the first card.
        Assert.NotEqual(library.Cards[0].Id, drill.Id);
        Assert.Equal(library.Cards[0].Id, DrillScheduler.PickNext(library, [], Today)!.Id);

        var opened = CoachingEngine.StartOnImprovement(CoachingState.New, "Ask a second question before pitching", "discovery", drill.Id);
        // The suggestion survives the arc (a new topic) until the rep asks for practice.
        var later = CoachingEngine.Respond(opened.State, "On the Contoso call I jumped to the demo after their first answer", Today);
        var practice = CoachingEngine.Respond(later.State, "practice", Today, library);

        Assert.Equal(ReplyKind.DrillPrompt, practice.Kind);
        Assert.Equal(drill.Id, practice.State.Drill!.CardId);
        Assert.Contains(drill.Title, practice.Text, StringComparison.Ordinal);
        Assert.Null(practice.State.SuggestedDrill);

        // Used once: the next "practice" follows the spaced-repetition order again.
        var again = CoachingEngine.Respond(practice.State with { Drill = null }, "practice", Today, library);
        Assert.Equal(library.Cards[0].Id, again.State.Drill!.CardId);
    }

    [Fact]
    public void A_suggested_drill_gone_from_the_library_or_reset_falls_back_to_the_usual_order()
    {
        var library = DrillLibraryParser.Parse(CorpusFiles.Read("drills.json")).Library!;
        var gone = CoachingEngine.StartOnImprovement(CoachingState.New, "Ask for the order", "closing", "no-such-card");
        Assert.Equal(library.Cards[0].Id, CoachingEngine.Respond(gone.State, "practice", Today, library).State.Drill!.CardId);

        var reset = CoachingEngine.Respond(CoachingEngine.StartOnImprovement(CoachingState.New, "x", null, "q-discovery-opener").State, "reset", Today);
        Assert.Null(reset.State.SuggestedDrill);
    }
}
