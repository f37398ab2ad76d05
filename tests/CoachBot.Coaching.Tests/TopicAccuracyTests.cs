using CoachBot.Coaching.Tests.Corpus;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Tests;

public class TopicAccuracyTests
{
    public const double Floor = 0.85;

    public static (double Accuracy, int Total, IReadOnlyList<string> Misses) Measure(string file)
    {
        var set = CorpusFiles.ReadLabelled(file);
        var misses = new List<string>();
        foreach (var (label, text) in set)
        {
            var got = TopicDetector.Detect(text)?.Id ?? "none";
            if (got != label) misses.Add($"{label} ← got {got}: {text}");
        }
        return ((double)(set.Count - misses.Count) / set.Count, set.Count, misses);
    }

    [Fact]
    public void The_labelled_set_has_at_least_150_messages_over_every_topic()
    {
        var set = CorpusFiles.ReadLabelled("topics.tsv");
        Assert.True(set.Count >= 150, $"only {set.Count}");
        foreach (var topic in TopicTaxonomy.All) Assert.True(set.Count(s => s.Label == topic.Id) >= 10, topic.Id);
        Assert.All(set, s => Assert.True(s.Label == "none" || TopicTaxonomy.Find(s.Label) is not null, s.Label));
    }

    [Fact]
    public void Topic_accuracy_on_the_labelled_set_is_at_least_the_floor()
    {
        var (accuracy, total, misses) = Measure("topics.tsv");
        Assert.True(accuracy >= Floor, $"accuracy {accuracy:P1} of {total}; misses:\n{string.Join('\n', misses)}");
    }

    [Theory]
    [InlineData("The customer is happy with our current vendor", "objection-status-quo")]
    [InlineData("client ghosted me", "stalled-deal")]
    [InlineData("I'm going to miss quota", "forecast-pipeline")]
    [InlineData("We're negotiating the contract", "negotiation")]
    [InlineData("What a surprising meeting", null)]
    [InlineData("", null)]
    public void Cues_match_whole_words_stems_and_phrases(string text, string? expected) =>
        Assert.Equal(expected, TopicDetector.Detect(text)?.Id);

    [Fact]
    public void Every_taxonomy_topic_has_a_phrase_and_cues() =>
        Assert.All(TopicTaxonomy.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Phrase));
            Assert.NotEmpty(t.Cues);
            Assert.Equal(t.Id, TopicTaxonomy.Find(t.Id)!.Id);
        });
}
