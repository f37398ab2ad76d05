using System.Text.Json;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Drills;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

public class CommandTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CoachingState Mid() => Conversations.Run(["The deal has stalled for three weeks", "I sent two emails"])[^1].Reply.State;

    [Theory]
    [InlineData("help", ReplyKind.Help)]
    [InlineData("Help!", ReplyKind.Help)]
    [InlineData("reset", ReplyKind.Reset)]
    [InlineData("my plans", ReplyKind.ListPlans)]
    [InlineData("practice", ReplyKind.PracticeRequested)]
    [InlineData("share", ReplyKind.Notice)]
    [InlineData("forget me", ReplyKind.ForgetMeConfirmRequested)]
    [InlineData("export", ReplyKind.Export)]
    [InlineData("field day", ReplyKind.RequestFieldDay)]
    [InlineData("@CoachBot help", ReplyKind.Help)]
    public void Commands_return_their_own_kind(string text, ReplyKind kind) =>
        Assert.Equal(kind, CoachingEngine.Respond(Mid(), text, Monday).Kind);

    [Fact]
    public void Help_lists_every_command()
    {
        foreach (var word in new[] { "practice", "my plans", "share", "field day", "export", "forget me", "reset", "help", "stop check-ins", "start check-ins" })
            Assert.Contains($"**{word}**", CoachingEngine.HelpText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stop check-ins")]
    [InlineData("Stop check ins.")]
    [InlineData("@CoachBot no more check-ins")]
    public void Stop_check_ins_turns_follow_ups_off_keeps_the_conversation_and_survives_a_reset(string text)
    {
        var before = Mid();
        var stopped = CoachingEngine.Respond(before, text, Monday);

        Assert.Equal(ReplyKind.Notice, stopped.Kind);
        Assert.Contains("start check-ins", stopped.Text, StringComparison.Ordinal);
        Assert.True(stopped.State.CheckInsOff);
        Assert.Equal(JsonSerializer.Serialize(before with { CheckInsOff = true }), JsonSerializer.Serialize(stopped.State));
        Assert.True(CoachingEngine.Respond(stopped.State, "reset", Monday).State.CheckInsOff);

        var started = CoachingEngine.Respond(stopped.State, "start check-ins", Monday);
        Assert.Equal(ReplyKind.Notice, started.Kind);
        Assert.False(started.State.CheckInsOff);
    }

    [Fact]
    public void Stop_alone_still_resets_the_topic() =>
        Assert.Equal(ReplyKind.Reset, CoachingEngine.Respond(Mid(), "stop", Monday).Kind);

    [Fact]
    public void A_command_word_inside_a_sentence_is_coaching_not_a_command() =>
        Assert.Equal(ReplyKind.CoachingQuestion, CoachingEngine.Respond(CoachingState.New, "I need help with a customer who wants to export their data to a rival", Monday).Kind);

    [Theory]
    [InlineData("yes, forget me")]
    [InlineData("Yes forget me")]
    [InlineData("confirm")]
    public void Forget_me_needs_a_confirmation_and_then_empties_the_state(string confirm)
    {
        var asked = CoachingEngine.Respond(Mid(), "forget me", Monday);
        Assert.Equal(Awaiting.ForgetMeConfirmation, asked.State.AwaitingReply);
        var done = CoachingEngine.Respond(asked.State, confirm, Monday);
        Assert.Equal(ReplyKind.ForgetMeConfirmed, done.Kind);
        Assert.Equal(JsonSerializer.Serialize(CoachingState.New), JsonSerializer.Serialize(done.State));
    }

    [Theory]
    [InlineData("no")]
    [InlineData("yes")]
    [InlineData("actually, the CFO called back")]
    [InlineData("")]
    public void Anything_else_cancels_forget_me_and_keeps_the_conversation(string other)
    {
        var before = Mid();
        var asked = CoachingEngine.Respond(before, "forget me", Monday);
        var cancelled = CoachingEngine.Respond(asked.State, other, Monday);
        Assert.Equal(ReplyKind.ForgetMeCancelled, cancelled.Kind);
        Assert.Null(cancelled.State.AwaitingReply);
        Assert.Equal(before.Stage, cancelled.State.Stage);
        Assert.EndsWith("?", cancelled.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_hands_the_last_plan_to_the_host_even_after_a_new_topic()
    {
        var turns = Conversations.Run(["Client ghosted me after the demo", "I sent two follow-up emails", "A yes or no by month end",
            "Maybe go through my champion", "I'll call the CFO by Thursday", "nothing", "The buyer says we're too expensive"]);
        var share = CoachingEngine.Respond(turns[^1].Reply.State, "share my plan", Monday);
        Assert.Equal(ReplyKind.ShareWithManager, share.Kind);
        Assert.Equal("I'll call the CFO by Thursday", share.Plan!.Plan);
        Assert.Equal(new DateOnly(2026, 11, 26), share.Plan.Due);
    }

    [Fact]
    public void Practice_with_the_library_starts_a_drill_at_once()
    {
        var library = DrillLibraryParser.Parse(CorpusFiles.Read("drills.json")).Library!;
        var reply = CoachingEngine.Respond(Mid(), "practice", Monday, library);
        Assert.Equal(ReplyKind.DrillPrompt, reply.Kind);
        Assert.NotNull(reply.State.Drill);
    }

    [Fact]
    public void Reset_starts_over_but_keeps_drill_progress_and_the_last_plan()
    {
        var progress = new DrillCardProgress("vp-30-seconds", 2, Monday.AddDays(3), 4, 1, Monday, null);
        var plan = new Commitment("call the CFO", Monday.AddDays(2), "stakeholders", null, null, Monday);
        var s = Mid() with { DrillProgress = [progress], LastPlan = plan };
        var reset = CoachingEngine.Respond(s, "reset", Monday);
        Assert.Equal(CoachingStage.Idle, reset.State.Stage);
        Assert.DoesNotContain(reset.State.AskedQuestionIds, id => id.StartsWith('r'));
        Assert.Equal([progress], reset.State.DrillProgress);
        Assert.Equal(plan, reset.State.LastPlan);
    }
}
