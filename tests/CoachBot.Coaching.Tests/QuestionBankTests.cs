using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Tests;

public class QuestionBankTests
{
    [Fact]
    public void Every_question_in_every_bank_passes_the_guard_for_every_topic()
    {
        foreach (var q in QuestionBank.All)
        {
            foreach (var phrase in TopicTaxonomy.All.Select(t => t.Phrase).Append("this"))
            {
                var text = q.Text.Replace("{topic}", phrase, StringComparison.Ordinal);
                Assert.True(AnswerGuard.IsCoachingSafe(text), $"{q.Id}: {text} ({AnswerGuard.Violation(text)})");
            }
        }
    }

    [Fact]
    public void Ids_are_unique_and_topic_variants_name_real_topics()
    {
        var ids = QuestionBank.All.Select(q => q.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(QuestionBank.TopicVariants, v => Assert.NotNull(TopicTaxonomy.Find(v.Question.Topic!)));
    }

    [Fact]
    public void The_seed_questions_from_the_articles_are_in_the_banks()
    {
        Assert.Contains(QuestionBank.ByStage[CoachingStage.Reality], q => q.Text == "What have you done about {topic} so far?");
        Assert.Contains(QuestionBank.ByStage[CoachingStage.Options], q => q.Text == "What do you think must be done?");
    }

    [Fact]
    public void Openers_vary_between_conversations()
    {
        var texts = new[] { "The buyer says we're too expensive", "They want a 30% discount", "Our price is too high for them", "Finance wants a lower price" }
            .Select(t => CoachingEngine.Respond(CoachingState.New, t, new DateOnly(2026, 11, 23)).QuestionId)
            .Distinct()
            .Count();
        Assert.True(texts >= 2);
    }
}
