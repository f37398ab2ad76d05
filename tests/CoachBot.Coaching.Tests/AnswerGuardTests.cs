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

public class AnswerGuardRuleTests
{
    [Theory]
    [InlineData("Have you tried offering a discount?", "leading")]
    [InlineData("Why not call the CFO?", "leading")]
    [InlineData("What if you offered a pilot?", "leading")]
    [InlineData("How about a free month?", "leading")]
    [InlineData("Call the CFO. What do you think?", "imperative")]
    [InlineData("Good. Offer them a pilot?", "advice")]
    [InlineData("The key is trust. What do you think?", "advice")]
    [InlineData("If I were you I'd walk away. Agree?", "advice")]
    [InlineData("First, call them. Then?", "steps")]
    [InlineData("- call\n- email\nWhich?", "steps")]
    [InlineData("Here are three ideas. Which one?", "advice")]
    [InlineData("You said “call them”. Remember to follow up?", "advice")]
    [InlineData("Okay.", "no-question")]
    public void Advice_in_disguise_is_caught(string text, string rule) =>
        Assert.StartsWith(rule, AnswerGuard.Violation(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("What have you tried so far, and what happened?")]
    [InlineData("Do you mean Thursday 3 December or Friday 12 March?")]
    [InlineData("Tell me more: what happened next?")]
    [InlineData("You said “you should offer a discount, step 1 call them”. What would a good outcome look like?")]
    [InlineData("Practice round: Why switch?. I'm the buyer now: “Why should I switch from what we have?” How do you answer, in your own words?")]
    public void Real_questions_and_quoted_rep_words_pass(string text) => Assert.Null(AnswerGuard.Violation(text));
}
