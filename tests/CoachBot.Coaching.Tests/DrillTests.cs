using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Drills;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

public class DrillTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static DrillLibrary Library() => DrillLibraryParser.Parse(CorpusFiles.Read("drills.json")).Library!;

    [Fact]
    public void The_default_library_is_valid_and_covers_the_messaging()
    {
        var r = DrillLibraryParser.Parse(CorpusFiles.Read("drills.json"));
        Assert.True(r.IsValid, string.Join('\n', r.Errors));
        Assert.Contains(r.Library!.Cards, c => c.BuyerPrompt == "Why should I switch from what we have?");
        foreach (var kind in new[] { DrillKinds.ValueProposition, DrillKinds.Differentiator, DrillKinds.Insight, DrillKinds.Objection })
            Assert.Contains(r.Library.Cards, c => c.Kind == kind);
        Assert.NotEmpty(r.Library.Differentiators);
        Assert.NotEmpty(r.Library.Insights);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{ \"version\": 1,", "not valid JSON at line 1")]
    [InlineData("[]", "$: expected a JSON object")]
    [InlineData("{\"version\":2}", "$.version: 2 is not supported")]
    [InlineData("{\"version\":1}", "$.product: required")]
    [InlineData("{\"version\":1}", "$.messaging: required")]
    [InlineData("{\"version\":1}", "$.drills: required")]
    [InlineData("{\"version\":1,\"drills\":[]}", "$.drills: add at least one")]
    [InlineData("{\"version\":1,\"drills\":[{\"id\":\"A b\"}]}", "$.drills[0].id: \"A b\" must be lower case")]
    [InlineData("{\"version\":1,\"drills\":[{\"id\":\"a\",\"kind\":\"x\"}]}", "$.drills[0].kind: \"x\" is not one of")]
    [InlineData("{\"version\":1,\"drills\":[{\"id\":\"a\",\"buyer_prompt\":\"x\"}]}", "$.drills[0].buyer_prompt: unknown property")]
    [InlineData("{\"version\":1,\"drills\":[{\"id\":\"a\"},{\"id\":\"a\"}]}", "$.drills[1].id: \"a\" is used by another card")]
    [InlineData("{\"version\":1,\"drills\":[{\"id\":\"a\",\"keyPoints\":\"one\"}]}", "$.drills[0].keyPoints: expected an array of strings, found a string")]
    [InlineData("{\"version\":1,\"messaging\":{\"differentiators\":[]}}", "$.messaging.differentiators: at least 1 needed")]
    public void Invalid_libraries_get_clear_errors_with_paths(string json, string expected)
    {
        var r = DrillLibraryParser.Parse(json);
        Assert.False(r.IsValid);
        Assert.Null(r.Library);
        Assert.Contains(r.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, 5, 2, 3)]
    [InlineData(null, 4, 2, 3)]
    [InlineData(null, 3, 1, 1)]
    [InlineData(null, 1, 1, 1)]
    [InlineData(3, 4, 4, 14)]
    [InlineData(3, 3, 3, 7)]
    [InlineData(4, 2, 1, 1)]
    [InlineData(5, 5, 5, 30)]
    public void Leitner_boxes_move_by_rating(int? box, int rating, int expectedBox, int expectedDays)
    {
        var prev = box is null ? null : new DrillCardProgress("c", box.Value, Monday, 3, 2, Monday.AddDays(-7), null);
        var next = DrillScheduler.Schedule(prev, "c", rating, Monday);
        Assert.Equal(expectedBox, next.Box);
        Assert.Equal(Monday.AddDays(expectedDays), next.Due);
        Assert.Equal((prev?.Repetitions ?? 0) + 1, next.Repetitions);
    }

    [Fact]
    public void The_next_card_is_the_most_overdue_then_a_new_one_then_the_soonest()
    {
        var lib = Library();
        var first = lib.Cards[0].Id;
        var second = lib.Cards[1].Id;
        Assert.Equal(first, DrillScheduler.PickNext(lib, [], Monday)!.Id);

        var overdue = new DrillCardProgress(second, 2, Monday.AddDays(-2), 4, 1, Monday.AddDays(-5), null);
        var notDue = new DrillCardProgress(first, 3, Monday.AddDays(5), 4, 2, Monday, null);
        Assert.Equal(second, DrillScheduler.PickNext(lib, [notDue, overdue], Monday)!.Id);
        Assert.Equal(second, DrillScheduler.PickNext(lib, [notDue], Monday)!.Id);

        var all = lib.Cards.Select((card, i) => new DrillCardProgress(card.Id, 2, Monday.AddDays(10 + i), 4, 1, Monday, null)).ToList();
        Assert.Equal(first, DrillScheduler.PickNext(lib, all, Monday)!.Id);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("I'd say 3/5", 3)]
    [InlineData("five", 5)]
    [InlineData("8/10", 4)]
    [InlineData("2 out of 5, needs work", 2)]
    [InlineData("not confident", null)]
    [InlineData("7", null)]
    public void Ratings_are_read_from_the_reps_words(string text, int? expected) => Assert.Equal(expected, DrillEngine.ParseRating(text));

    [Fact]
    public void A_drill_plays_the_buyer_asks_for_self_assessment_and_schedules_the_next_repetition()
    {
        var lib = Library();
        var start = DrillEngine.Start(CoachingState.New, lib, Monday);
        Assert.Equal(ReplyKind.DrillPrompt, start.Kind);
        Assert.Contains(lib.Cards[0].BuyerPrompt, start.Text, StringComparison.Ordinal);

        var rate = CoachingEngine.Respond(start.State, "We help ops teams stop re-keying data between their systems, live in weeks", Monday);
        Assert.Equal(ReplyKind.DrillQuestion, rate.Kind);
        Assert.Contains("scale of 1–5", rate.Text, StringComparison.Ordinal);

        var five = CoachingEngine.Respond(rate.State, "3", Monday);
        Assert.Equal(ReplyKind.DrillQuestion, five.Kind);
        Assert.Contains("What would make it a 5?", five.Text, StringComparison.Ordinal);
        Assert.Contains(lib.Cards[0].KeyPoints[0], five.Text, StringComparison.Ordinal);

        var done = CoachingEngine.Respond(five.State, "Knowing the 30-day number by heart", Monday);
        Assert.Equal(ReplyKind.DrillScheduled, done.Kind);
        Assert.Equal(lib.Cards[0].Id, done.Drill!.CardId);
        Assert.Equal(Monday.AddDays(1), done.Drill.Due);
        Assert.Equal("Knowing the 30-day number by heart", done.Drill.LastNote);
        Assert.Single(done.State.DrillProgress);
        Assert.Null(done.State.Drill);

        foreach (var r in new[] { start, rate, five, done })
            Assert.True(AnswerGuard.IsCoachingSafe(r.Text), r.Text);

        var again = CoachingEngine.Respond(done.State, "yes", Monday, lib);
        Assert.Equal(ReplyKind.DrillPrompt, again.Kind);
        Assert.Equal(lib.Cards[1].Id, again.State.Drill!.CardId);
    }

    [Fact]
    public void Reset_ends_a_drill_and_keeps_progress()
    {
        var start = DrillEngine.Start(CoachingState.New, Library(), Monday);
        var reset = CoachingEngine.Respond(start.State, "stop", Monday);
        Assert.Null(reset.State.Drill);
    }
}
