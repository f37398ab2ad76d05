using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.Tests;

public class AnswerGuardTests
{
    [Theory]
    [InlineData("You should offer a discount.")]
    [InlineData("I recommend calling the CFO. What do you think?")]
    [InlineData("Try offering a pilot?")]
    [InlineData("1. Call them\n2. Email them\nWhat next?")]
    [InlineData("What have you done so far")]
    [InlineData("")]
    public void Advice_or_a_missing_question_is_not_safe(string text) => Assert.False(AnswerGuard.IsCoachingSafe(text));

    [Theory]
    [InlineData("What have you done about this so far?")]
    [InlineData("You said “you should give me a discount”. What would a good outcome look like?")]
    public void A_question_is_safe_even_when_it_quotes_the_rep(string text) => Assert.True(AnswerGuard.IsCoachingSafe(text));

    [Fact]
    public void Enforce_replaces_unsafe_text_with_a_question() =>
        Assert.Equal(AnswerGuard.SafeFallback, AnswerGuard.Enforce("You should call them."));
}
