using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13 round 8: the general causes behind the eighth held-out set's misses, tried on sentences of their own.</summary>
public class HeldoutV8CausesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("Tuesday next week", "2026-12-01")]
    [InlineData("by thursday of next week", "2026-12-03")]
    [InlineData("next week on Friday", "2026-12-04")]
    [InlineData("end of next week", "2026-12-04")]
    [InlineData("next week", "2026-11-30")]
    [InlineData("Tuesday", "2026-11-24")]
    public void A_weekday_of_next_week_is_that_day_not_next_Monday(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DueDateParser.Parse(text, Monday));

    [Fact]
    public void A_weekday_of_next_week_answers_when_and_is_not_taken_for_a_vague_week()
    {
        var turns = Conversations.Run(["I'll walk their buyer through the spare-parts offer", "Thursday next week"]);

        Assert.Equal(ReplyKind.PlanConfirmed, turns[1].Reply.Kind);
        Assert.Equal(new DateOnly(2026, 12, 3), turns[1].Reply.Plan!.Due);
    }

    [Theory]
    [InlineData("I will phone the buyer on friday to ask what they give back for the rebate, is ok?", "2026-11-27")]
    [InlineData("I'll send Marit the revised quote tomorrow, right?", "2026-11-24")]
    [InlineData("going to visit the depot on Wednesday and ask for the fleet list, does that sound good?", "2026-11-25")]
    public void A_plan_with_a_check_tagged_on_is_still_a_plan(string text, string due)
    {
        var reply = CoachingEngine.Respond(CoachingState.New, text, Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), reply.Plan!.Due);
    }

    [Theory]
    [InlineData("Should I call the buyer on Friday?")]
    [InlineData("I'll call the buyer on Friday, or is that too pushy?")]
    public void A_real_question_about_a_plan_is_not_a_plan(string text) =>
        Assert.Null(CommitmentReader.Find(text, Monday));

    [Fact]
    public void The_reps_own_dated_meeting_gives_the_action_in_the_same_sentence_its_day()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "Harlow Clinics only buy gloves from us. I'm seeing their procurement lead on Thursday and I'll bring the scanner brochure.", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 26), reply.Plan!.Due);
    }

    [Fact]
    public void A_meeting_that_already_happened_gives_no_day()
    {
        var found = CommitmentReader.Find("We met their procurement lead on Thursday and I'll bring the scanner brochure next time.", Monday);

        Assert.NotEqual(DueDateStatus.Found, found!.Due.Status);
    }

    [Fact]
    public void A_goodbye_at_the_end_of_a_message_closes_even_with_an_undated_action_before_it()
    {
        var turns = Conversations.Run(["The Osterby tender closes soon and I have no angle", "I'll lead with the uptime numbers. ok bye"]);

        Assert.Equal(TurnCategory.Closing, turns[1].Reply.Category);
        Assert.Null(turns[1].Reply.Plan);
    }

    [Fact]
    public void A_goodbye_after_a_dated_plan_still_confirms_the_plan()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "I'll call the Osterby buyer on Friday. thanks, bye", Monday);

        Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 27), reply.Plan!.Due);
    }

    [Theory]
    [InlineData("that makes sense. thank you very much")]
    [InlineData("ok. thanks for listening")]
    [InlineData("the lab visit is a good idea. that's all, thanks")]
    public void Thank_yous_that_end_a_chat_are_goodbyes(string text) =>
        Assert.Equal(RepIntentKind.Closing, RepIntent.Classify(text));

    [Fact]
    public void A_bare_day_right_after_a_plan_moves_that_plan()
    {
        var turns = Conversations.Run(["I'll get the claims history from their broker this week", "wednesday"]);

        Assert.Equal(ReplyKind.PlanUpdated, turns[1].Reply.Kind);
        Assert.Equal(new DateOnly(2026, 11, 25), turns[1].Reply.Plan!.Due);
    }

    [Theory]
    [InlineData("honestly not sure I'm cut out for sales", RepIntentKind.Distress)]
    [InlineData("the buyer shouted at me for ten minutes and I'm still shaking", RepIntentKind.Distress)]
    [InlineData("my regional manager sold my Kessler win as his own in the team call", RepIntentKind.ManagerComplaint)]
    [InlineData("my sales director wants a written update on every deal every single day", RepIntentKind.ManagerComplaint)]
    [InlineData("closed the Harbor Mills deal this morning", RepIntentKind.Win)]
    [InlineData("biggest order ever for our region 🙂", RepIntentKind.Win)]
    [InlineData("between two client meetings, 4 minutes, the buyer wants 10 % off", RepIntentKind.TimePressure)]
    [InlineData("is the office party on friday?", RepIntentKind.OffTopic)]
    public void Messages_that_are_not_coaching_material_are_recognised(string text, RepIntentKind expected) =>
        Assert.Equal(expected, RepIntent.Classify(text));

    [Theory]
    [InlineData("Orvik Shipping says our lease rate is way too high", "Orvik Shipping")]
    [InlineData("Baltic Reefer Lines went quiet after the tender", "the tender")]
    [InlineData("the warehouse manager at Orvik keeps cancelling", "the warehouse manager")]
    [InlineData("their steering committee meets in January", "their steering committee")]
    [InlineData("the only manager who answers is on leave", "the manager")]
    [InlineData("Last Friday the buyer went quiet", "the buyer")]
    public void The_subject_is_a_company_that_opens_the_message_or_a_role_with_its_qualifier(string text, string expected) =>
        Assert.Equal(expected, SubjectPhrase.Find(text));

    [Fact]
    public void A_capitalised_sentence_opener_alone_is_not_taken_for_a_company() =>
        Assert.Null(SubjectPhrase.Find("Everything is on hold since October"));

    [Theory]
    [InlineData("thanks, I'll leave it at that for today")]
    [InlineData("ok I'll let you go, thanks")]
    [InlineData("great, I'll call it a day now")]
    public void A_goodbye_worded_as_i_will_is_not_a_plan(string text) =>
        Assert.Null(CommitmentReader.Find(text, Monday));

    [Theory]
    [InlineData("will call their site manager wed.", "2026-11-25")]
    [InlineData("I'll send the quote wed", "2026-11-25")]
    public void A_short_wed_that_ends_the_plan_is_its_day(string text, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), CommitmentReader.Find(text, Monday)!.Due.Date);

    [Fact]
    public void Wed_inside_a_sentence_is_still_not_read_as_a_day() =>
        Assert.Null(DueDateParser.Parse("they got wed last year and the buyer changed", Monday));
}
