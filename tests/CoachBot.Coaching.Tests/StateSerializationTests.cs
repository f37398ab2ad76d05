using System.Text.Json;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Drills;
using CoachBot.Coaching.FollowUp;

namespace CoachBot.Coaching.Tests;

public class StateSerializationTests
{
    [Fact]
    public void A_full_state_round_trips_through_default_System_Text_Json()
    {
        var d = new DateOnly(2026, 11, 23);
        var state = CoachingState.New with
        {
            Stage = CoachingStage.Will,
            Topic = "stalled-deal",
            BotQuestions = 4,
            AskedQuestionIds = ["r1", "g2"],
            Plan = "call the CFO",
            PlanDue = d,
            AwaitingReply = Awaiting.DueDate,
            Seed = 123,
            StageQuestions = 1,
            Situation = "ghosted",
            Goal = "a yes or no",
            DateChoices = [d, d.AddDays(1)],
            PendingDue = d,
            LanguageNoticeGiven = true,
            LastPlan = new Commitment("call the CFO", d, "stalled-deal", "ghosted", "a yes", d),
            FollowUp = new FollowUpState("call the CFO", d, "stalled-deal", FollowUpStep.AwaitingReflection, FollowUpOutcome.Partly, "left a voicemail", 0),
            Drill = new DrillSession("vp-30-seconds", "VP", "What do you do?", ["a", "b"], DrillStep.AwaitingRating, 4, 0),
            DrillProgress = [new DrillCardProgress("vp-30-seconds", 2, d, 4, 1, d, "numbers")],
            Subject = "the CFO",
            FieldDayOffered = true,
            PlanId = "activity-1",
        };

        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<CoachingState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(state.LastPlan, back.LastPlan);
        Assert.Equal(state.FollowUp, back.FollowUp);
        Assert.Equal(state.DrillProgress[0], back.DrillProgress[0]);
    }

    [Fact]
    public void A_state_stored_by_the_previous_engine_still_loads()
    {
        const string old = """{"Stage":2,"Topic":"objection-price","BotQuestions":2,"AskedQuestionIds":["r1","g1"],"Insistence":0,"DontKnows":0,"Plan":null,"PlanDue":null}""";
        var s = JsonSerializer.Deserialize<CoachingState>(old)!;
        Assert.Equal(CoachingStage.Goal, s.Stage);
        Assert.Empty(s.DrillProgress);
        var next = CoachingEngine.Respond(s, "I want them to agree to a pilot", new DateOnly(2026, 11, 23));
        Assert.Equal(CoachingStage.Options, next.State.Stage);
    }

    [Fact]
    public void A_state_stored_before_issue_13_loads_with_the_new_fields_empty_and_keeps_its_plan()
    {
        const string before = """{"Stage":5,"Topic":"stalled-deal","BotQuestions":5,"AskedQuestionIds":["r1","g1","o1","w1","w-confirm"],"Insistence":0,"DontKnows":0,"Plan":"I'll call the CFO by Thursday","PlanDue":"2026-11-26","AwaitingReply":"obstacle","Seed":7,"StageQuestions":1,"Situation":"ghosted","Goal":null,"DateChoices":[],"PendingDue":null,"LanguageNoticeGiven":false,"LastPlan":{"Plan":"I'll call the CFO by Thursday","Due":"2026-11-26","TopicId":"stalled-deal","Situation":"ghosted","Goal":null,"MadeOn":"2026-11-23"},"FollowUp":null,"Drill":null,"CheckInsOff":false,"DrillProgress":[]}""";
        var s = JsonSerializer.Deserialize<CoachingState>(before)!;
        Assert.Null(s.Subject);
        Assert.Null(s.PlanId);
        Assert.False(s.FieldDayOffered);

        var moved = CoachingEngine.Respond(s, "actually make it Friday", new DateOnly(2026, 11, 23));
        Assert.Equal(ReplyKind.PlanUpdated, moved.Kind);
        Assert.Equal(new DateOnly(2026, 11, 27), moved.Plan!.Due);
    }
}
